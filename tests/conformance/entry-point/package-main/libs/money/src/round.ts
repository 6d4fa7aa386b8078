export const round = (n: number) => Math.round(n);
