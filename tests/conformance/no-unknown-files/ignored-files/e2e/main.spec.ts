export const e2e = 1;
