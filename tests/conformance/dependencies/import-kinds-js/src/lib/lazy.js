export const lazy = 3;
