import { chart } from '@acme/reports/chart';
import * as reports from '@acme/reports/index';

export const main = [chart, reports];
