export const seed = [];
