import type { Order } from '../domain/order';

export const slug = (v: string, _o?: Order) => v;
