export const orders_shell = 'orders-shell';
