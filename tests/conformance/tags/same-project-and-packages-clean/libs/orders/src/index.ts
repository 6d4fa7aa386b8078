import { price } from './lib/price';
import { format } from '@acme/orders/lib/format';
import { join } from 'node:path';
import { map } from 'rxjs';

export const orders = [price, format, join, map];
