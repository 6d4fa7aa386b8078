export const template = '<main></main>';
