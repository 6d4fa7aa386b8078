import { HasPermission } from '@ghostfolio/api/decorators/has-permission.decorator';
import { CreateAccessDto, UpdateAccessDto } from '@ghostfolio/common/dtos';
import { Access } from '@ghostfolio/common/interfaces';
import { permissions } from '@ghostfolio/common/permissions';
import type { RequestWithUser } from '@ghostfolio/common/types';

export class AccessController {
  @HasPermission(permissions.createAccess)
  public createAccess(data: CreateAccessDto | UpdateAccessDto, request: RequestWithUser): Access {
    return { id: request.user.id, ...data };
  }
}
