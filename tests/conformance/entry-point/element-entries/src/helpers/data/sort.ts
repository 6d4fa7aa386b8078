export const sort = 1;
