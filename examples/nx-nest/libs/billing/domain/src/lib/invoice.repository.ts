import type { Invoice, InvoiceId } from './invoice';

export const INVOICE_REPOSITORY = Symbol('InvoiceRepository');

export interface InvoiceRepository {
  findById(id: InvoiceId): Promise<Invoice | undefined>;
  findByOrder(orderId: string): Promise<Invoice | undefined>;
  findIssuedBetween(from: Date, to: Date): Promise<Invoice[]>;
  save(invoice: Invoice): Promise<void>;
}
