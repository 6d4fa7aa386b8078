import { chart } from '@acme/reports/chart';
import * as reports from '@acme/reports/index';
import { chart as byPath } from '../../../libs/reports/src/chart';

export const main = [chart, reports, byPath];
