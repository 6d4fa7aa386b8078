import { billing } from '@acme/billing';
export const x = billing;
