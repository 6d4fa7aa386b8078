export const slug = (v: string) => v;
