import { slug } from '../util/slug';

export class Order {
  id = slug('order');
}
