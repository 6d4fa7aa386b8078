// An exception no command expects (an engine bug, say), told to the user as a bug in Palisade
// with exit code 2: never 1, which is a verdict on the code.

import { printable, printableLines } from './printable-text.js';

const ISSUES_URL = 'https://github.com/palisade-dev/palisade/issues';

/**
 * Reports `error` on `stderr` and returns its exit code, 2. The stack only with `PALISADE_DEBUG=1`.
 * @param {unknown} error
 * @param {{ write(text: string): unknown }} stderr
 * @returns {number}
 */
export function reportInternalError(error, stderr) {
  const described = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const lines = [
    `palisade: internal error: ${printable(described)}`,
    `palisade: this is a bug in Palisade, not in your code; please report it at ${ISSUES_URL} with the command you ran and the stack (PALISADE_DEBUG=1 prints it)`,
  ];
  if (process.env.PALISADE_DEBUG === '1' && error instanceof Error && error.stack !== undefined) {
    lines.push(printableLines(error.stack));
  }
  stderr.write(`${lines.join('\n')}\n`);
  return 2;
}
