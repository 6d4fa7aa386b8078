import { getCssVariable } from '@ghostfolio/common/helper';
import { User } from '@ghostfolio/common/interfaces';
import { hasPermission, permissions } from '@ghostfolio/common/permissions';
import { internalRoutes, publicRoutes } from '@ghostfolio/common/routes/routes';
import { NotificationService } from '@ghostfolio/ui/notifications';
import { DataService } from '@ghostfolio/ui/services';

export class GfAppComponent {
  public constructor(
    private dataService: DataService,
    private notificationService: NotificationService
  ) {}

  public canAccessAdmin(user: User) {
    return hasPermission(user.permissions, permissions.accessAdminControl) ? internalRoutes.adminControl : publicRoutes.about;
  }

  public primaryColor() {
    return getCssVariable('--palette-primary-500');
  }
}
