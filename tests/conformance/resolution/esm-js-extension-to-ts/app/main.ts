import { a } from '../lib/a.js';
import { plain } from '../lib/plain.js';

export const main = [a, plain];
