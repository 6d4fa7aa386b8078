import { a } from '../lib/a.js';
export { b } from '../lib/b.js';

export const lazy = () => import('../lib/lazy.js');
export const value = a;
