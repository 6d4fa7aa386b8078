import { Money } from './money';

export class Order {
  total = new Money();
}
