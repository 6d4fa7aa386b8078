export { Order } from './model/order';
export const audit = (event: string): string => event;
