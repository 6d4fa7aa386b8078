// Lints one scenario package with real ESLint and its own eslint.config.mjs, which sets
// eslint-plugin-boundaries (the oracle). Runs with the package as its working directory, which
// is where eslint-plugin-boundaries roots its patterns. Lints the files matching the first
// argument (default `**/*.js`). Prints a list of `{ file, line, endLine, rule, message }`.

import { createRequire } from 'node:module';
import { relative } from 'node:path';

const require = createRequire(import.meta.url);
const { ESLint } = require('eslint');

const cwd = process.cwd();
const eslint = new ESLint({ cwd });
const results = await eslint.lintFiles([process.argv[2] ?? '**/*.js']);
const reports = results.flatMap((result) =>
  result.messages.map((message) => ({
    file: relative(cwd, result.filePath).replaceAll('\\', '/'),
    line: message.line,
    endLine: message.endLine ?? message.line,
    rule: message.ruleId?.replace(/^boundaries\//u, '') ?? `fatal: ${message.message}`,
    message: message.message,
  })),
);
process.stdout.write(JSON.stringify(reports));
