import { save } from '../infra/repo';
import { id } from '../../shared/util/id';

export const order = { save, id };
