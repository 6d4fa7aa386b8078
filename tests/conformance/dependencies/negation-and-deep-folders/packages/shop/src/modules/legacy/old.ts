import { bill } from '../billing/bill';

export const old = bill;
