import { shared } from '@acme/shared';

export const orders = shared;
