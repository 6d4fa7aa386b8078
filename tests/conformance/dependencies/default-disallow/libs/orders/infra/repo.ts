import { Order } from '../domain/order';
import { connect } from './db';

export const save = (order: Order) => connect(order);
