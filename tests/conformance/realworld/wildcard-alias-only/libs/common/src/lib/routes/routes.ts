import { User } from '@ghostfolio/common/interfaces';
import { hasPermission, permissions } from '@ghostfolio/common/permissions';

export const internalRoutes = {
  adminControl: { path: 'admin', canAccess: (user: User) => hasPermission(user.permissions, permissions.accessAdminControl) }
};

export const publicRoutes = {
  about: { path: 'about' }
};
