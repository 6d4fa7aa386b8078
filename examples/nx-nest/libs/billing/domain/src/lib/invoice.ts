import { type Id, Money, invariant, newId } from '@acme/shared-util';
import { type InvoiceNumber, toInvoiceNumber } from './invoice-number';

export type InvoiceId = Id<'Invoice'>;

export class Invoice {
  private constructor(
    readonly id: InvoiceId,
    readonly number: InvoiceNumber,
    readonly orderId: string,
    readonly amount: Money,
    readonly issuedAt: Date,
    private paidAt: Date | undefined,
  ) {}

  static issue(number: InvoiceNumber, orderId: string, amount: Money, now = new Date()): Invoice {
    invariant(amount.cents > 0, 'an invoice must be for a positive amount');
    return new Invoice(newId<'Invoice'>(), number, orderId, amount, now, undefined);
  }

  static restore(id: InvoiceId, number: string, orderId: string, amount: Money, issuedAt: Date, paidAt?: Date): Invoice {
    return new Invoice(id, toInvoiceNumber(number), orderId, amount, issuedAt, paidAt);
  }

  get settledAt(): Date | undefined {
    return this.paidAt;
  }

  settle(at = new Date()): void {
    invariant(this.paidAt === undefined, `invoice ${this.number} is already paid`);
    this.paidAt = at;
  }
}
