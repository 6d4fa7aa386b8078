import { Injectable, UnauthorizedException } from '@nestjs/common';
import { UserRepository, UserEntity } from '@novu/dal';
import { AuthService, createHash } from '@novu/application-generic';

import { normalizeEmail } from '@novu/shared';
import { LoginCommand } from './login.command';

@Injectable()
export class Login {
  constructor(private userRepository: UserRepository, private authService: AuthService) {}

  async execute(command: LoginCommand): Promise<UserEntity> {
    const user = await this.userRepository.findByEmail(normalizeEmail(command.email));
    if (!user) throw new UnauthorizedException(createHash(command.email));

    return user;
  }
}
