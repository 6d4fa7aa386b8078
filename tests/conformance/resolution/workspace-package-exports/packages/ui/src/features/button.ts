export const button = 3;
