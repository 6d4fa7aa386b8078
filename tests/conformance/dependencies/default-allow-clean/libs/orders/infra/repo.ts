import type { order } from '../domain/order';

export const save = (o: typeof order) => o;
