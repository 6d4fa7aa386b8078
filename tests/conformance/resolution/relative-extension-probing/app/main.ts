import { util } from '../lib/util';
import { Widget } from '../lib/widget';
import { config } from '../lib/config';
import legacy from '../lib/legacy';
import { helper } from '../lib/helper.js';

export const main = [util, Widget, config, legacy, helper];
