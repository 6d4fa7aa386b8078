import { db } from '#db';
import { cache } from '#internal/cache';
import { queue } from '#internal/queue';
import { env } from '#env';

export const main = [db, cache, queue, env];
