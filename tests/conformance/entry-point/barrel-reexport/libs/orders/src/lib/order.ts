import { price } from '@acme/orders/src/lib/price';

export class Order {
  total = price;
}
