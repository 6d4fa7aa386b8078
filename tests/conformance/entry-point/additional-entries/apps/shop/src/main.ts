import { testOrder } from '@acme/orders/src/testing';
import { mockOrder } from '@acme/orders/src/mocks/order';
import { price } from '@acme/orders/src/lib/price';

export const main = [testOrder, mockOrder, price];
