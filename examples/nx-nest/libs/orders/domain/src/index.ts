export * from './lib/order';
export * from './lib/order-factory';
export * from './lib/order-line';
export * from './lib/order-status';
export * from './lib/order.repository';
