// Bestellübersicht (注文の照会): the read side of the orders context.
// Returns a plain view model that the api layer sends as-is.
import { Inject, Injectable } from '@nestjs/common';
import { ORDER_REPOSITORY } from '@acme/orders-domain';
import type { OrderId, OrderRepository } from '@acme/orders-domain';
// Seeded violation (entry-point): a deep import through the `@acme/orders/*` wildcard alias.
import { OrderStatus } from '@acme/orders/domain/src/lib/order-status';

export interface OrderView {
  id: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  payable: boolean;
}

@Injectable()
export class GetOrderService {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(id: string): Promise<OrderView | undefined> {
    const order = await this.orders.findById(id as OrderId);
    if (!order) {
      return undefined;
    }
    return {
      id: order.id,
      status: order.status,
      totalCents: order.total.cents,
      currency: order.total.currency,
      payable: order.status === OrderStatus.Placed,
    };
  }
}
