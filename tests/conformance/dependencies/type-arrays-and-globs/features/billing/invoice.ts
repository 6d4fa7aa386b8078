export const invoice = 'invoice';
