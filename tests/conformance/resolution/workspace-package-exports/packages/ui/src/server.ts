export const server = 2;
