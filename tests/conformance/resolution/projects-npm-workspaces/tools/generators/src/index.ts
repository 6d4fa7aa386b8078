export const generators = 1;
