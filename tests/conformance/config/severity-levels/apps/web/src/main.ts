import { deep } from '../../../libs/util/src/deep';
import { gone } from './gone';
import { debounce } from 'lodash';

export const main = [deep, gone, debounce];
