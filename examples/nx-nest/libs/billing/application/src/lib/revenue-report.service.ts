import { Injectable } from '@nestjs/common';
// Seeded violation (external): a use case queries TypeORM directly instead of using
// the InvoiceRepository port (which already has findIssuedBetween).
import { DataSource } from 'typeorm';
import { Money } from '@acme/shared-util';

export interface RevenueReport {
  month: string;
  invoices: number;
  revenue: string;
}

@Injectable()
export class RevenueReportService {
  constructor(private readonly dataSource: DataSource) {}

  async forMonth(year: number, month: number): Promise<RevenueReport> {
    const from = new Date(Date.UTC(year, month - 1, 1));
    const to = new Date(Date.UTC(year, month, 1));
    const [row]: { count: number; cents: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS count, coalesce(sum(amount_cents), 0)::int AS cents FROM invoices WHERE issued_at >= $1 AND issued_at < $2',
      [from, to],
    );
    return { month: from.toISOString().slice(0, 7), invoices: row.count, revenue: Money.of(row.cents).toString() };
  }
}
