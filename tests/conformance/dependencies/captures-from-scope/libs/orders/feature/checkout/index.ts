export const checkout = 'checkout';
