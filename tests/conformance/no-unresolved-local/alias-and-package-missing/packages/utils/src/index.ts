export const utils = 1;
