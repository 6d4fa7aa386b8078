import { api } from '@acme/api';
import { z } from 'zod';

export const web = [api, z];
