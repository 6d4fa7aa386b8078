import { Order } from '@acme/orders/lib/order';

export const main = Order;
