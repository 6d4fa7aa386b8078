// The example workspace through the real ESLint command line, as `make demo` runs it: with
// ESLint 10 and ESLint 9, `eslint . --format <palisade formatter>` in examples/nx-nest prints
// exactly the violations documented in its expected.txt (and README), and nothing else.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lineDiff } from './line-diff.mjs';

const EXAMPLE = fileURLToPath(new URL('../../examples/nx-nest/', import.meta.url));
const FORMATTER = fileURLToPath(new URL('../../npm/palisade/src/formatter.js', import.meta.url));
const expected = readFileSync(`${EXAMPLE}expected.txt`, 'utf8').replace(/\r\n/gu, '\n').trimEnd();

const binaries = [
  { label: 'eslint 10', bin: fileURLToPath(new URL('../../node_modules/eslint/bin/eslint.js', import.meta.url)) },
  { label: 'eslint 9', bin: fileURLToPath(new URL('../../node_modules/eslint9/bin/eslint.js', import.meta.url)) },
];

describe('examples/nx-nest through the ESLint CLI', () => {
  test('the README documents exactly expected.txt', () => {
    assert.ok(readFileSync(`${EXAMPLE}README.md`, 'utf8').includes(expected), 'README block differs from expected.txt');
  });
  for (const { label, bin } of binaries) {
    test(`${label}: eslint . reports the seeded violations and nothing else`, () => {
      const run = spawnSync(process.execPath, [bin, '.', '--format', FORMATTER], { cwd: EXAMPLE, encoding: 'utf8' });
      assert.equal(run.status, 1, `eslint exits 1 on violations; stderr:\n${run.stderr}`);
      const actual = run.stdout.replace(/\r\n/gu, '\n').trimEnd();
      if (actual !== expected) {
        assert.fail(`eslint output differs from expected.txt (- expected, + actual)\n${lineDiff(expected, actual)}`);
      }
    });
  }
});
