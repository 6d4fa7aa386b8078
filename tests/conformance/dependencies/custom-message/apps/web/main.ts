import { Order } from '../../libs/domain/order';
import { db } from '../../libs/infra/db';
import { old } from '../../libs/legacy/old';

export const boot = () => [Order, db, old];
