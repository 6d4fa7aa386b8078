import { HasPermissionGuard } from '@ghostfolio/api/guards/has-permission.guard';
import { ScopeGuard } from '@ghostfolio/api/guards/scope.guard';
import { Scope } from '@ghostfolio/common/scopes';

import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';

export const REQUIRES_SCOPE_KEY = 'requires_scope';

export function RequiresScope(...requiredScopes: Scope[]) {
  return applyDecorators(
    SetMetadata(REQUIRES_SCOPE_KEY, requiredScopes),
    UseGuards(HasPermissionGuard, ScopeGuard)
  );
}
