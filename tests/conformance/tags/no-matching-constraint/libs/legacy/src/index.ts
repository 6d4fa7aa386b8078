import { orders } from '@acme/orders';

export const legacy = orders;
