export const legacy = 4;
