import { Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { CreateInvoiceService, RevenueReportService } from '@acme/billing-application';
import type { RevenueReport } from '@acme/billing-application';

@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly createInvoice: CreateInvoiceService,
    private readonly revenue: RevenueReportService,
  ) {}

  @Post('for-order/:orderId')
  async create(@Param('orderId') orderId: string): Promise<{ id: string; number: string; amount: string }> {
    const invoice = await this.createInvoice.execute(orderId);
    return { id: invoice.id, number: invoice.number, amount: invoice.amount.toString() };
  }

  @Get('revenue/:year/:month')
  report(
    @Param('year', ParseIntPipe) year: number,
    @Param('month', ParseIntPipe) month: number,
  ): Promise<RevenueReport> {
    return this.revenue.forMonth(year, month);
  }
}
