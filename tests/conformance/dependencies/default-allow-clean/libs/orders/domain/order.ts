import { save } from '../infra/repo';

export const order = save;
