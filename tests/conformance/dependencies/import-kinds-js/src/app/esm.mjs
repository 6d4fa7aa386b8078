import '../lib/polyfill.mjs';
export * from '../lib/a.js';
