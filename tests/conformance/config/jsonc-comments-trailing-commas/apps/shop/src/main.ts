import { orders } from '@acme/orders';
import { price } from '@acme/orders/lib/price';
import { nope } from './nope';

export const main = [orders, price, nope];
