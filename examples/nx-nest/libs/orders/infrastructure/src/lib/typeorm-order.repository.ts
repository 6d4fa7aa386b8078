import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { Money } from '@acme/shared-util';
import { Order, OrderLine, OrderStatus } from '@acme/orders-domain';
import type { OrderId, OrderRepository } from '@acme/orders-domain';
import { OrderRecord } from './order.orm-entity';

@Injectable()
export class TypeOrmOrderRepository implements OrderRepository {
  private readonly records: Repository<OrderRecord>;

  constructor(dataSource: DataSource) {
    this.records = dataSource.getRepository(OrderRecord);
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    const record = await this.records.findOneBy({ id });
    if (!record) {
      return undefined;
    }
    const lines = record.lines.map(
      (line) => new OrderLine(line.sku, line.quantity, Money.of(line.unitPriceCents, record.currency)),
    );
    return Order.restore(id, record.customerId, lines, record.status as OrderStatus);
  }

  async save(order: Order): Promise<void> {
    await this.records.save({
      id: order.id,
      customerId: order.customerId,
      status: order.status,
      currency: order.total.currency,
      lines: order.items.map((line) => ({
        sku: line.sku,
        quantity: line.quantity,
        unitPriceCents: line.unitPrice.cents,
      })),
    });
  }
}
