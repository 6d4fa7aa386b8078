import { orders } from '@acme/orders';

export const main = orders;
