export const format = (v: string) => v;
