export const billing_data = 'billing-data';
