import { seed } from '../../scripts/seed-data';
import { join } from 'node:path';
import chunk from 'lodash/chunk';
import { nothing } from './does-not-exist';
import { helper } from './helper';

export const main = [seed, join, chunk, nothing, helper];
