export const dates = 'dates';
