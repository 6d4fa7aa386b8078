export type Shape = 'circle';
export type Color = 'red';
export type Size = number;
