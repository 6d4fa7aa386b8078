import { db } from '@acme/db';
import { ui } from '@acme/ui';

export const orders = [db, ui];
