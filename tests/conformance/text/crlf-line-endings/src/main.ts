// header
import { ok } from './ok';

import { bad } from './missing';
import {
  other,
} from './missing-two';
export const main = [ok, bad, other];
