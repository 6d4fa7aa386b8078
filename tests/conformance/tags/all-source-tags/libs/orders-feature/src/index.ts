import { orders_data } from '@acme/orders-data';
import { billing_data } from '@acme/billing-data';

export const feature = [orders_data, billing_data];
