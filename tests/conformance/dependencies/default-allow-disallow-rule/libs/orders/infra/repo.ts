import { order } from '../domain/order';

export const save = () => order;
