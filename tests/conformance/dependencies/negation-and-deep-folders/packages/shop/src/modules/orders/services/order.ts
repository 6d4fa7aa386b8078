import { bill } from '../../billing/bill';
import { user } from '../../../../../admin/src/modules/users/user';
import { old } from '../../legacy/old';
import { helper } from './helper';

export const order = [bill, user, old, helper];
