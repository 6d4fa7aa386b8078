import { client } from '#db';
import { cache } from '#internal/cache';

export const orders = [client, cache];
