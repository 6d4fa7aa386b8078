import { a } from './a';
import type { T } from './d';
export const c = () => a;
export type U = T;
