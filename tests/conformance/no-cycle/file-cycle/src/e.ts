import { lazy } from './d';
export const e = lazy;
