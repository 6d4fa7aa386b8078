import { format } from '@acme/shared/format';
import { parse } from '@acme/shared/parse';
import { broken } from '@acme/broken';
import { utils } from '@acme/utils';
import { nope } from '@acme/utils/src/nope';

export const main = [format, parse, broken, utils, nope];
