import { tax } from '@acme/billing/tax';

export const orders = tax;
