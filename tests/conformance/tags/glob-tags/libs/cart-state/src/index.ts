export const cart_state = 'cart-state';
