// Seeded violation (external): the domain layer must stay free of NestJS.
import { Injectable } from '@nestjs/common';
// Seeded violation (no-cycle): invoice.ts imports toInvoiceNumber from here, and this file
// imports Invoice back (a value import: it is needed at runtime for `instanceof`).
import { Invoice } from './invoice';

export type InvoiceNumber = string & { readonly __brand: 'InvoiceNumber' };

/** Hands out invoice numbers that restart every year, e.g. `2025-000042`. */
@Injectable()
export class InvoiceNumberGenerator {
  private readonly counters = new Map<number, number>();

  next(now = new Date()): InvoiceNumber {
    const year = now.getUTCFullYear();
    const count = (this.counters.get(year) ?? 0) + 1;
    this.counters.set(year, count);
    return `${year}-${String(count).padStart(6, '0')}` as InvoiceNumber;
  }
}

/** The number of an invoice, or a string checked to be one. */
export function toInvoiceNumber(value: Invoice | string): InvoiceNumber {
  if (value instanceof Invoice) {
    return value.number;
  }
  if (!/^\d{4}-\d{6}$/.test(value)) {
    throw new Error(`\`${value}\` is not an invoice number`);
  }
  return value as InvoiceNumber;
}
