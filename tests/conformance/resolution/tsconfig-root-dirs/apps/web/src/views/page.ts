import { template } from './template';
import { missing } from './missing';

export const page = [template, missing];
