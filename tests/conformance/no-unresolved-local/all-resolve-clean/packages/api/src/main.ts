import { db } from '#db';
import { shared } from '@acme/shared';
import { helper } from './helper';

export const api = [db, shared, helper];
