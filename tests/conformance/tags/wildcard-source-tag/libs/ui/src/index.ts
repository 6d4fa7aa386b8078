import { util } from '@acme/util';

export const ui = util;
