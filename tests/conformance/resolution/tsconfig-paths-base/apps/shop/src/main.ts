import { Order } from '@acme/orders';
import { price } from '@acme/orders/lib/price';
import type { Api } from '@app/api-types';

export const main: [unknown, unknown, Api?] = [Order, price];
