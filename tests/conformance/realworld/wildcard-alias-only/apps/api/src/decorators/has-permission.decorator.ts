export function HasPermission(permission: string) {
  return (..._args: unknown[]) => permission;
}
