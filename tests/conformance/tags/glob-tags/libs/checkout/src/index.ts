import { button } from '@acme/button';
import { dates } from '@acme/dates';
import { cart_state } from '@acme/cart-state';

export const checkout = [button, dates, cart_state];
