import { Global, Module } from '@nestjs/common';
import { ORDER_REPOSITORY } from '@acme/orders-domain';
import { TypeOrmOrderRepository } from './typeorm-order.repository';

/** Binds the domain's OrderRepository port to its TypeORM adapter for the whole app. */
@Global()
@Module({
  providers: [{ provide: ORDER_REPOSITORY, useClass: TypeOrmOrderRepository }],
  exports: [ORDER_REPOSITORY],
})
export class OrdersInfrastructureModule {}
