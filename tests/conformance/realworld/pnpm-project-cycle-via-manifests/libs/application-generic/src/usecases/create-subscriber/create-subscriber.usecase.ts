import { UserRepository } from '@novu/dal';

export class CreateSubscriber {
  constructor(private userRepository: UserRepository) {}
}
