// Seeded violation (external): the domain layer must stay free of NestJS.
import { Injectable } from '@nestjs/common';

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
