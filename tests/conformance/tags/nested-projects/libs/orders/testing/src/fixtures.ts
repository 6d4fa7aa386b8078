import { Order } from '../../src/model';

export const fixture = new Order();
