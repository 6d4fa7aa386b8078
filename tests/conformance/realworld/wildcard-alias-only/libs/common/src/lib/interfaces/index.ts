import type { Access } from './access.interface';
import type { Activity } from './activity.interface';
import type { User } from './user.interface';

export { Access, Activity, User };
