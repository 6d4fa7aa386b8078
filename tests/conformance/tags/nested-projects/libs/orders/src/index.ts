import { fixture } from '../testing/src/fixtures';
import { Order } from './model';

export const orders = [fixture, Order];
