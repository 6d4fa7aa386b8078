export const old = 'old';
