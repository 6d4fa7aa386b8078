export const scopes = {
  marketDataWrite: 'marketData:write'
} as const;

export type Scope = (typeof scopes)[keyof typeof scopes];

export function hasScope(aScopes: string[], aScope: Scope) {
  return aScopes.includes(aScope);
}
