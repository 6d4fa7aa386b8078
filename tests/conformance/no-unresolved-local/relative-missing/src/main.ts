import { present } from './present';
import { gone } from './missing';
import { old } from '../lib/gone.js';
import { debounce } from 'lodash';
import { readFile } from 'node:fs';
import { join } from 'path';

export const main = [present, gone, old, debounce, readFile, join];
