import { orders } from '@acme/orders';
import { ui } from '@acme/ui';
import { db } from '@acme/db';

export const shop = [orders, ui, db];
