import { Body, Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { GetOrderService, PlaceOrderCommand, PlaceOrderService } from '@acme/orders-application';
import type { OrderView } from '@acme/orders-application';
import { PlaceOrderDto } from './place-order.dto';

@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderService,
    private readonly getOrder: GetOrderService,
  ) {}

  @Post()
  async place(@Body() body: PlaceOrderDto): Promise<{ id: string }> {
    const command = new PlaceOrderCommand(body.customerId, body.currency ?? 'EUR', body.lines);
    return { id: await this.placeOrder.execute(command) };
  }

  @Get(':id')
  async show(@Param('id') id: string): Promise<OrderView> {
    const view = await this.getOrder.execute(id);
    if (!view) {
      throw new NotFoundException(`order ${id} not found`);
    }
    return view;
  }
}
