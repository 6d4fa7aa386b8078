export const connect = (value: unknown) => value;
