export const round = 2;
