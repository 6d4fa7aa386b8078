import { price } from '../../../libs/orders/src/lib/price';
import { Order } from '../../../libs/orders/src/index';

export const main = [Order, price];
