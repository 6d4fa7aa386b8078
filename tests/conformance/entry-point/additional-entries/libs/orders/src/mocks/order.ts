export const mockOrder = {};
