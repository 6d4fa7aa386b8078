import { Module } from '@nestjs/common';
import { InvoiceNumberGenerator } from '@acme/billing-domain';
import { CreateInvoiceService, RevenueReportService } from '@acme/billing-application';
import { InvoicesController } from './invoices.controller';

@Module({
  controllers: [InvoicesController],
  providers: [CreateInvoiceService, RevenueReportService, InvoiceNumberGenerator],
})
export class BillingApiModule {}
