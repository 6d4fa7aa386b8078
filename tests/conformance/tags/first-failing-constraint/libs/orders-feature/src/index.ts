import { billing_shell } from '@acme/billing-shell';
import { orders_shell } from '@acme/orders-shell';

export const feature = [billing_shell, orders_shell];
