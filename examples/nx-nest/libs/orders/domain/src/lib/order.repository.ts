import type { Order, OrderId } from './order';

/** Injection token for the port; a plain symbol keeps the domain free of NestJS. */
export const ORDER_REPOSITORY = Symbol('OrderRepository');

export interface OrderRepository {
  findById(id: OrderId): Promise<Order | undefined>;
  save(order: Order): Promise<void>;
}
