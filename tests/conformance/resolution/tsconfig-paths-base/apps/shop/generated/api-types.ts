export type Api = { version: 1 };
