import { testOrder } from '@acme/orders/src/testing';
import { basic } from '@acme/orders/src/fixtures/basic';
import { price } from '@acme/orders/src/lib/price';

export const main = [testOrder, basic, price];
