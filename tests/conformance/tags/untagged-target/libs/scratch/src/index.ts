export const scratch = 'scratch';
