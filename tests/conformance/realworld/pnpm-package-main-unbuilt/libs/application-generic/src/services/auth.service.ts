import { UserRepository } from '@novu/dal';
import { normalizeEmail } from '@novu/shared';

export class AuthService {
  constructor(private userRepository: UserRepository) {}

  async getUser(email: string) {
    return this.userRepository.findByEmail(normalizeEmail(email));
  }
}

export function createHash(key: string) {
  return key;
}
