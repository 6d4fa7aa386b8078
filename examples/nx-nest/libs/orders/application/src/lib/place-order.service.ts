import { Inject, Injectable } from '@nestjs/common';
import { ORDER_REPOSITORY, orderFromCommand } from '@acme/orders-domain';
import type { OrderId, OrderRepository } from '@acme/orders-domain';
import { PlaceOrderCommand } from './place-order.command';

@Injectable()
export class PlaceOrderService {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(command: PlaceOrderCommand): Promise<OrderId> {
    const order = orderFromCommand(command);
    await this.orders.save(order);
    return order.id;
  }
}
