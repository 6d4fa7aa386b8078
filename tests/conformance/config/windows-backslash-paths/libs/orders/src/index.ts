import { billing } from '@acme/billing';

export const orders = billing;
