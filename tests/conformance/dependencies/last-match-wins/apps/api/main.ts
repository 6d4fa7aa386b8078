import { Order } from '../../libs/domain/order';
import { db } from '../../libs/infra/db';

export const boot = () => [Order, db];
