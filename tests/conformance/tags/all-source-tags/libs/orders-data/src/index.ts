export const orders_data = 'orders-data';
