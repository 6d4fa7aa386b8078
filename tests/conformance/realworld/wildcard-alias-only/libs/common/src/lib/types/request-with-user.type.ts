import { User } from '@ghostfolio/common/interfaces';

export type RequestWithUser = { user: User };
