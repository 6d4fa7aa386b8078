import { a } from './gone-static';
import './gone-side-effect';
import type { T } from './gone-type';
import { type U } from './gone-inline-type';
export type { V } from './gone-export-type';
export { w } from './gone-export';
export * from './gone-star';
export const lazy = () => import('./gone-dynamic');
const r = require('./gone-require');
import eq = require('./gone-import-equals');

export const all: [unknown, unknown, unknown, T?, U?] = [a, r, eq];
