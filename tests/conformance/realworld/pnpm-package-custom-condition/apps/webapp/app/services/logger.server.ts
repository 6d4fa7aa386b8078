export const logger = { error: (message: string) => message };
