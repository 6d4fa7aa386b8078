import { Inject, Injectable } from '@nestjs/common';
import { Money } from '@acme/shared-util';
import { INVOICE_REPOSITORY, Invoice, InvoiceNumberGenerator } from '@acme/billing-domain';
import type { InvoiceRepository } from '@acme/billing-domain';
// Seeded violation (dependencies, tags): billing reaches into the orders context's application layer.
import { GetOrderService } from '@acme/orders-application';

@Injectable()
export class CreateInvoiceService {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository,
    private readonly numbers: InvoiceNumberGenerator,
    private readonly orders: GetOrderService,
  ) {}

  async execute(orderId: string): Promise<Invoice> {
    const existing = await this.invoices.findByOrder(orderId);
    if (existing) {
      return existing;
    }
    const order = await this.orders.execute(orderId);
    if (!order?.payable) {
      throw new Error(`order ${orderId} cannot be invoiced`);
    }
    const invoice = Invoice.issue(this.numbers.next(), orderId, Money.of(order.totalCents, order.currency));
    await this.invoices.save(invoice);
    return invoice;
  }
}
