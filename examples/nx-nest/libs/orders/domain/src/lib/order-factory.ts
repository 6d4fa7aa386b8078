import { Money } from '@acme/shared-util';
// Seeded violation (dependencies, tags): the domain must not know the application layer.
import { PlaceOrderCommand } from '@acme/orders-application';
import { Order } from './order';
import { OrderLine } from './order-line';

export function orderFromCommand(command: PlaceOrderCommand): Order {
  const lines = command.lines.map(
    (line) => new OrderLine(line.sku, line.quantity, Money.of(line.unitPriceCents, command.currency)),
  );
  return Order.place(command.customerId, lines);
}
