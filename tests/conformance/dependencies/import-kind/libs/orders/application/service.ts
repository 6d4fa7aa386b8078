import { Order } from '../domain/order';

export interface OrderCommand {
  order: Order;
}

export class OrderService {
  place(order: Order): Order {
    return order;
  }
}
