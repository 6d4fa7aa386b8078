import { orders } from '@acme/orders';

export const billing = orders;
