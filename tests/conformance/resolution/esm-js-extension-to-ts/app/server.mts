export { b } from '../lib/b.js';
