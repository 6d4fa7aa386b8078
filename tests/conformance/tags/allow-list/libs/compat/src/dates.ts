export const toIso = (d: Date) => d.toISOString();
