export { Order } from './lib/order';
