import { shared_util } from '@acme/shared-util';
import { orders_infra } from '@acme/orders-infra';

export const domain = [shared_util, orders_infra];
