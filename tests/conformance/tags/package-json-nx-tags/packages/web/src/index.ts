import { client } from '@acme/api-client';
import { server } from '@acme/server';

export const web = [client, server];
