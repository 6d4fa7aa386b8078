export const invoice = 2;
