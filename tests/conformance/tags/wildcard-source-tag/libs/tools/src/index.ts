import { shop } from '@acme/shop';
import { util } from '@acme/util';

export const tools = [shop, util];
