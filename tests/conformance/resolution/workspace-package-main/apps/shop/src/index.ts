import { money } from '@acme/money';
import { round } from '@acme/money/src/round';

export const shop = [money, round];
