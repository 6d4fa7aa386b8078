import { Order } from '../../core/domain/order';
import { slug } from '../../core/util/slug';
import { db } from '../../core/infra/db';
import { invoice } from '../billing/invoice';

export const page = [Order, slug, db, invoice];
