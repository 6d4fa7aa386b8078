import { round } from '@acme/money';
import { round as r2 } from '@acme/money/src/round';
import { legacy } from '@acme/money/src/index';

export const shop = [round, r2, legacy];
