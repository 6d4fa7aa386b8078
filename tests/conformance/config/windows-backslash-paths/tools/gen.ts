export const gen = 1;
