export const compat = 'compat';
