export const plain = 3;
