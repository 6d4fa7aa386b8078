import { Controller, Get } from '@nestjs/common';
// Seeded violation (10): the app reaches into a domain instead of going through its api.
import { OrderStatus } from '@acme/orders-domain';

@Controller('health')
export class HealthController {
  @Get()
  check(): { status: 'ok'; uptime: number; orderStates: number } {
    return { status: 'ok', uptime: Math.round(process.uptime()), orderStates: Object.keys(OrderStatus).length };
  }
}
