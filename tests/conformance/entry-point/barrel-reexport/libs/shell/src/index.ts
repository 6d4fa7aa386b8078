export * from '@acme/orders/src/lib/order';
export { price } from '@acme/orders/src/lib/price';
export type { Money } from '@acme/orders/src/lib/money';
export { Order as PublicOrder } from '@acme/orders';
