export const cache = 1;
