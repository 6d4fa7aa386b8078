import { Global, Module } from '@nestjs/common';
import { INVOICE_REPOSITORY } from '@acme/billing-domain';
import { TypeOrmInvoiceRepository } from './typeorm-invoice.repository';

/** Binds the domain's InvoiceRepository port to its TypeORM adapter for the whole app. */
@Global()
@Module({
  providers: [{ provide: INVOICE_REPOSITORY, useClass: TypeOrmInvoiceRepository }],
  exports: [INVOICE_REPOSITORY],
})
export class BillingInfrastructureModule {}
