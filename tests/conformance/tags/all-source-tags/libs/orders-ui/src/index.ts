import { billing_data } from '@acme/billing-data';

export const ui = billing_data;
