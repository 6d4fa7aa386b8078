export * from './lib/orders-api.module';
export * from './lib/orders.controller';
export * from './lib/place-order.dto';
