export * from './lib/order';
