import { create } from '../service';

export class Order {
  constructor(public at: number) {}
  static make = () => create;
}
