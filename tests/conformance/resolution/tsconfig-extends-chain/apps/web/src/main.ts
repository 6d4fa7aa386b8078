import { shared } from '@acme/shared';
import { format } from '@acme/shared/format';

export const main = [shared, format];
