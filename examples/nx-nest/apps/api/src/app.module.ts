import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingApiModule } from '@acme/billing-api';
import { BillingInfrastructureModule, InvoiceRecord } from '@acme/billing-infrastructure';
import { OrdersApiModule } from '@acme/orders-api';
import { OrderRecord, OrdersInfrastructureModule } from '@acme/orders-infrastructure';
import { HealthController } from './health.controller';

/**
 * The composition root: the app wires each bounded context's adapters (infrastructure)
 * and its HTTP interface (api). It never reaches into a domain directly.
 */
@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env['DATABASE_URL'],
      entities: [OrderRecord, InvoiceRecord],
    }),
    OrdersInfrastructureModule,
    BillingInfrastructureModule,
    OrdersApiModule,
    BillingApiModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
