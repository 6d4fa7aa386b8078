import { price } from '@acme/orders/lib/price';

export class Order {
  total = price;
}
