export function flattenAttributes(obj: Record<string, unknown>, prefix?: string) {
  return Object.fromEntries(Object.entries(obj).map(([key, value]) => [prefix ? `${prefix}.${key}` : key, value]));
}
