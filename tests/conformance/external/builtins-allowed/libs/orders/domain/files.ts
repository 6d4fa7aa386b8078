import { readFileSync } from 'node:fs';
import { existsSync } from 'fs';
import { tmpdir } from 'os';

export const files = [readFileSync, existsSync, tmpdir];
