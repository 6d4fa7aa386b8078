#!/usr/bin/env node
// The `palisade` command line: `palisade check` runs every rule over the whole workspace.
// Exit codes: 0 clean, 1 errors (or warnings over --max-warnings), 2 usage, configuration or
// baseline error, or an internal error (a crash is never mistaken for a verdict on the code).

import { main, reportInternalError } from '../src/cli.js';

// `main` reports its own crashes; this catches one that escapes it (an error event nobody
// listens to, a rejection nobody awaits).
process.on('uncaughtException', (error) => {
  process.exitCode = reportInternalError(error, process.stderr);
  process.exit();
});
// Output piped into a reader that stopped early (`palisade check | head`): the rest is not wanted.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
  });
}

process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
