// The version of the installed `palisade` package, as `--version` and SARIF's tool record give it.

import { readFileSync } from 'node:fs';

/** @returns {string} */
export function packageVersion() {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}
