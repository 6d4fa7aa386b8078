import { lib } from '../src/lib/index';

export const run = () => lib;
