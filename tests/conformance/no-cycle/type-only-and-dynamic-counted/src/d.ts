import { c } from './c';
export type T = typeof c;
export const lazy = () => import('./e');
