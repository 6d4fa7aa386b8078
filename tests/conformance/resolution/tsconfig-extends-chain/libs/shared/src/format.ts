export const format = 2;
