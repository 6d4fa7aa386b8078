import type { OrderCommand } from '../application/service';
export type { OrderService } from '../application/service';
import { type OrderService as Service } from '../application/service';
import { OrderService } from '../application/service';

export type ServiceModule = typeof import('../application/service');

export class Order {
  constructor(readonly command?: OrderCommand, readonly service?: Service, readonly real = new OrderService()) {}
}
