export type Shape = 'square';
