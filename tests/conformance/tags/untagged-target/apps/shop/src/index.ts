import { lib } from '@acme/lib';
import { scratch } from '@acme/scratch';

export const shop = [lib, scratch];
