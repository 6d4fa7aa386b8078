import { UserSession } from '@novu/testing';
import { UserRepository } from '@novu/dal';

import { CreateSubscriber } from './create-subscriber.usecase';

describe('Create Subscriber', function () {
  const session = new UserSession();
  const useCase = new CreateSubscriber(new UserRepository());

  it('should create a subscriber', () => session.user && useCase);
});
