import { readFile } from 'fs';
import { randomUUID } from 'node:crypto';
import { debounce } from 'lodash';

export const io = [readFile, randomUUID, debounce];
