// starts with a byte order mark
import { gone } from './missing';

export const main = gone;
