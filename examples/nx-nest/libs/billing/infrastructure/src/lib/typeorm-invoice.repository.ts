import { Injectable } from '@nestjs/common';
import { Between, DataSource, Repository } from 'typeorm';
import type { Invoice, InvoiceId, InvoiceRepository } from '@acme/billing-domain';
import { InvoiceRecord } from './invoice.orm-entity';
// Seeded violation (no-unresolved-local): invoice.mapper.ts was never committed.
import { InvoiceMapper } from './invoice.mapper';

@Injectable()
export class TypeOrmInvoiceRepository implements InvoiceRepository {
  private readonly records: Repository<InvoiceRecord>;

  constructor(dataSource: DataSource) {
    this.records = dataSource.getRepository(InvoiceRecord);
  }

  async findById(id: InvoiceId): Promise<Invoice | undefined> {
    const record = await this.records.findOneBy({ id });
    return record ? InvoiceMapper.toDomain(record) : undefined;
  }

  async findByOrder(orderId: string): Promise<Invoice | undefined> {
    const record = await this.records.findOneBy({ orderId });
    return record ? InvoiceMapper.toDomain(record) : undefined;
  }

  async findIssuedBetween(from: Date, to: Date): Promise<Invoice[]> {
    const records = await this.records.findBy({ issuedAt: Between(from, to) });
    return records.map((record) => InvoiceMapper.toDomain(record));
  }

  async save(invoice: Invoice): Promise<void> {
    await this.records.save(InvoiceMapper.toRecord(invoice));
  }
}
