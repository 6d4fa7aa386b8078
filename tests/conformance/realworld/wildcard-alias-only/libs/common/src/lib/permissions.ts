export const permissions = {
  accessAdminControl: 'accessAdminControl',
  createAccess: 'createAccess'
};

export function hasPermission(aPermissions: string[] = [], aPermission: string) {
  return aPermissions.includes(aPermission);
}
