import { orders } from '@acme/orders';
import { price } from '@acme/orders/lib/price';
import { nope } from './nope';
import { readFileSync } from 'node:fs';

export const main = [orders, price, nope, readFileSync];
