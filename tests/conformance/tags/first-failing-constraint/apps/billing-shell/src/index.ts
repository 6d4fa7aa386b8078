export const billing_shell = 'billing-shell';
