import { Order } from './domain/order';
import { clock } from '../../shared/clock';

export const create = () => new Order(clock());
