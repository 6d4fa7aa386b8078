#!/usr/bin/env node
// The `palisade` command line: `palisade check` runs every rule over the whole workspace.
// Exit codes: 0 clean, 1 errors (or warnings over --max-warnings), 2 usage or configuration error.

import { main } from '../src/cli.js';

process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
