import { type Id, Money, invariant, newId } from '@acme/shared-util';
import { OrderLine } from './order-line';
import { OrderStatus } from './order-status';

export type OrderId = Id<'Order'>;

/** The Order aggregate: lines are fixed once placed; only the status moves. */
export class Order {
  private constructor(
    readonly id: OrderId,
    readonly customerId: string,
    private readonly lines: OrderLine[],
    private currentStatus: OrderStatus,
  ) {}

  static place(customerId: string, lines: OrderLine[]): Order {
    invariant(lines.length > 0, 'an order needs at least one line');
    return new Order(newId<'Order'>(), customerId, lines, OrderStatus.Placed);
  }

  static restore(id: OrderId, customerId: string, lines: OrderLine[], status: OrderStatus): Order {
    return new Order(id, customerId, lines, status);
  }

  get status(): OrderStatus {
    return this.currentStatus;
  }

  get items(): readonly OrderLine[] {
    return this.lines;
  }

  get total(): Money {
    const [first, ...rest] = this.lines;
    return rest.reduce((sum, line) => sum.add(line.total), first.total);
  }

  markPaid(): void {
    invariant(this.currentStatus === OrderStatus.Placed, `order ${this.id} is ${this.currentStatus}`);
    this.currentStatus = OrderStatus.Paid;
  }
}
