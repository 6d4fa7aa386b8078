import { Order } from '../domain/order';

export const db = new Map<string, Order>();
