import { bill } from '../modules/billing/bill';

export const format = bill;
