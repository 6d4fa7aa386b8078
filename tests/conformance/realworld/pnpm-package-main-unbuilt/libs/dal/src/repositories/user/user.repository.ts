import { normalizeEmail } from '@novu/shared';
import { UserEntity } from './user.entity';

export class UserRepository {
  async findByEmail(email: string): Promise<UserEntity | null> {
    return { _id: '1', email: normalizeEmail(email) };
  }
}
