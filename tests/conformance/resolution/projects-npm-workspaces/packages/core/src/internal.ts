import { util } from '@acme/generators/src/util';

export const internal = util;
