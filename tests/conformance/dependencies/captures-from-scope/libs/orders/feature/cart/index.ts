import { checkout } from '../checkout/index';
import { invoice } from '../../../billing/feature/invoice/index';
import { format } from '../../../shared/util/format';

export const cart = [checkout, invoice, format];
