import { a } from '../lib/a';
import '../lib/side-effect';
import type { Shape } from '../lib/types';
import { type Color, type Size } from '../lib/types';
export type { Shape as PublicShape } from '../lib/types';
export { a as alias } from '../lib/a';
export * from '../lib/b';
export * as ns from '../lib/b';
export const lazy = () => import('../lib/lazy');
const legacy = require('../lib/legacy');
import eq = require('../lib/legacy');

export const all: [number, unknown, unknown, Shape?, Color?, Size?] = [a, legacy, eq];
