import { readFileSync } from 'fs';
import { exec } from 'child_process';
import { join } from 'path';

export const files = [readFileSync, exec, join];
