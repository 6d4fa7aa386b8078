export type JsonSchema = { type?: string; properties?: Record<string, JsonSchema> };
