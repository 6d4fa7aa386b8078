export * from './lib/get-order.service';
export * from './lib/place-order.command';
export * from './lib/place-order.service';
