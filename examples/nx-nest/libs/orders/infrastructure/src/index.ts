export * from './lib/order.orm-entity';
export * from './lib/orders-infrastructure.module';
export * from './lib/typeorm-order.repository';
