import { audit } from '../index';

export class Order {
  readonly audit = audit;
}
