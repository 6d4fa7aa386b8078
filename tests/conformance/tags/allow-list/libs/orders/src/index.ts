import { legacy_money } from '@acme/legacy-money';
import { toIso } from '@acme/compat/dates';
import { legacy_tax } from '@acme/legacy-tax';

export const orders = [legacy_money, toIso, legacy_tax];
