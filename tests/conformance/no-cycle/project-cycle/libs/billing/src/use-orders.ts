import { orders } from '@acme/orders';
export const y = orders;
