export const testOrder = {};
