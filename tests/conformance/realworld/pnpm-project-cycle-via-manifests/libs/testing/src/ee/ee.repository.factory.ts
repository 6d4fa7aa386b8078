/* eslint-disable global-require */
import { UserRepository } from '@novu/dal';
import { normalizeEmail } from '@novu/shared';

/**
 * We are using nx-ignore-next-line as a workaround here to avoid following circular dependency error:
 * @novu/application-generic:build --> @novu/testing:build --> @novu/ee-auth:build --> @novu/application-generic:build
 *
 * When revising EE testing, we should consider refactoring the code to potentially avoid this circular dependency.
 *
 */
export function getEEUserRepository() {
  // nx-ignore-next-line
  const enterpriseModule = require('@novu/ee-auth');
  const EnterpriseUserRepository = enterpriseModule?.EEUserRepository;

  return new EnterpriseUserRepository(new UserRepository(), normalizeEmail);
}
