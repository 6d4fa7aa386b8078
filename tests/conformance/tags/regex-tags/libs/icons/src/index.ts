export const icons = 'icons';
