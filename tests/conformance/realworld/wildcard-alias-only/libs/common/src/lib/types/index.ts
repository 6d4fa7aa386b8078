import type { PerformanceCalculationType } from './performance-calculation-type.type';
import type { RequestWithUser } from './request-with-user.type';

export type { PerformanceCalculationType, RequestWithUser };
