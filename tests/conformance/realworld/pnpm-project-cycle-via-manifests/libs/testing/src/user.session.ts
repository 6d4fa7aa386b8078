import { UserEntity } from '@novu/dal';

export class UserSession {
  user: UserEntity;
}
