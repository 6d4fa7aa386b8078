import { format } from '../../shared/format';

export const bill = format;
