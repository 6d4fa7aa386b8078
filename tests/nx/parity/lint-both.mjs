// Lints one scenario workspace twice with real ESLint: with `@nx/enforce-module-boundaries` (the
// oracle, reading the Nx project graph cache that `nx` wrote there) and with
// `palisade/enforce-module-boundaries` (no graph cache needed), the same options for both. Runs
// with the workspace as its working directory, because @nx/devkit finds the workspace root from
// it when loaded. Prints `{ nx, palisade }`, each a list of `{ file, line, messageId, message }`.

import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';

const require = createRequire(import.meta.url);
const { ESLint } = require('eslint');
const tseslint = require('typescript-eslint');
const nxPlugin = require('@nx/eslint-plugin');
const { default: palisade } = await import('palisade/eslint');

const options = JSON.parse(readFileSync('parity-options.json', 'utf8'));
const cwd = process.cwd();

async function lint(pluginName, plugin) {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { [pluginName]: plugin },
        rules: { [`${pluginName}/enforce-module-boundaries`]: ['error', options] },
      },
    ],
  });
  const results = await eslint.lintFiles(['**/*.ts']);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: relative(cwd, result.filePath).replaceAll('\\', '/'),
      // Nx reports on the whole statement, Palisade on the import's string: both end on its line.
      line: pluginName === '@nx' ? message.endLine : message.line,
      messageId: message.messageId ?? message.message,
      message: message.message,
    })),
  );
}

const nx = await lint('@nx', nxPlugin);
// Palisade reads the projects from disk: it runs with no Nx graph cache present.
rmSync('.nx', { recursive: true, force: true });
const palisadeResults = await lint('palisade', palisade);
process.stdout.write(JSON.stringify({ nx, palisade: palisadeResults }));
