import { icons } from '@acme/icons';
import { orders } from '@acme/orders';

export const ui = [icons, orders];
