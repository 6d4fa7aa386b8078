import { price } from '@acme/orders/src/lib/price';
import { Order } from '../libs/orders/src/lib/order';

export const seed = [price, Order];
