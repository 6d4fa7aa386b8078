export const orders_infra = 'orders-infra';
