export const billing = 2;
