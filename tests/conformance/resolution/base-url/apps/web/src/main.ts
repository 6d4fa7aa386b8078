import { format } from '@shared/format';
import { invoice } from 'billing/src/invoice';

export const main = [format, invoice];
