import { Order } from '@acme/orders';
import { price } from '@acme/orders/src/lib/price';

export const main = [Order, price];
