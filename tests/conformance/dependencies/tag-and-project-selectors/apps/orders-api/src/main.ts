import { Order } from '../../../libs/orders-domain/src/index';
import { slug } from '../../../libs/shared-util/src/index';
import { Invoice } from '../../../libs/billing-domain/src/index';

export const app = [Order, slug, Invoice];
