import { chart } from '../../../libs/reports/src/chart';

export const main = chart;
