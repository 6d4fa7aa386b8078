export const cache = 2;
