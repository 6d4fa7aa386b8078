import { Module } from '@nestjs/common';
import { GetOrderService, PlaceOrderService } from '@acme/orders-application';
import { OrdersController } from './orders.controller';

@Module({
  controllers: [OrdersController],
  providers: [PlaceOrderService, GetOrderService],
})
export class OrdersApiModule {}
