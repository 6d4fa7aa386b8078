// Runs every conformance scenario (tests/conformance/<rule>/<scenario>/) through the ESLint plugin,
// with ESLint 10 and ESLint 9, and compares what ESLint reports with the scenario's expected.txt.
// The plugin finds each scenario's workspace itself, as it would for a user: a scenario marks its
// root with a palisade.json or a `workspaces` package.json.
//
// Two differences between ESLint and the core are part of the design, and applied to expected.txt
// before comparing:
// - Severity comes from the ESLint config, not from palisade.json: `configs.recommended` sets every
//   rule to "error", so an expected `warn` is compared as `error`.
// - ESLint reports its own parse errors (the plugin never reports `parse-error`): an expected
//   `parse-error` entry must show up as an ESLint fatal parsing error of that file instead.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import palisade from 'palisade/eslint';
import tseslint from 'typescript-eslint';
import { lineDiff } from './line-diff.mjs';

const CONFORMANCE_DIR = fileURLToPath(new URL('../conformance/', import.meta.url));
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const HEADER = /^(?<file>.+):(?<line>\d+):(?<column>\d+)-(?<endLine>\d+):(?<endColumn>\d+) (?<severity>error|warn) (?<rule>[a-z-]+)\/(?<messageId>\w+)$/u;

const eslintVersions = [
  { label: 'eslint 10', ESLint: ESLint10 },
  { label: 'eslint 9', ESLint: ESLint9 },
];

const scenarios = findScenarios();

test('the conformance corpus has scenarios', () => {
  assert.ok(scenarios.length > 0, `no scenario with an expected.txt under ${CONFORMANCE_DIR}`);
});

for (const { label, ESLint } of eslintVersions) {
  describe(`${label} (${ESLint.version})`, () => {
    for (const scenario of scenarios) {
      const skip = scenario.skipEslint === undefined ? false : scenario.skipEslint;
      test(scenario.name, { skip }, async () => {
        const actual = await lintScenario(ESLint, scenario.dir);
        const expected = expectedForEslint(readFileSync(join(scenario.dir, 'expected.txt'), 'utf8'), scenario.name);
        if (actual.text !== expected) {
          const notes = actual.fatalMessages.length > 0 ? `\nESLint parse errors:\n${actual.fatalMessages.join('\n')}` : '';
          assert.fail(`${scenario.name}: ESLint output differs from expected.txt (- expected, + actual)\n${lineDiff(expected, actual.text)}${notes}`);
        }
      });
    }
  });
}

/** @returns {{ name: string, dir: string, skipEslint?: string }[]} */
function findScenarios() {
  if (!existsSync(CONFORMANCE_DIR)) {
    return [];
  }
  const found = [];
  for (const rule of subdirectories(CONFORMANCE_DIR)) {
    for (const scenario of subdirectories(join(CONFORMANCE_DIR, rule))) {
      const dir = join(CONFORMANCE_DIR, rule, scenario);
      if (!existsSync(join(dir, 'expected.txt'))) {
        continue;
      }
      const scenarioFile = join(dir, 'scenario.json');
      const { skipEslint } = existsSync(scenarioFile) ? JSON.parse(readFileSync(scenarioFile, 'utf8')) : {};
      found.push({ name: `${rule}/${scenario}`, dir, skipEslint });
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function subdirectories(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function sourceFilesUnder(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
      files.push(...sourceFilesUnder(path));
    } else if (entry.isFile() && SOURCE_EXTENSIONS.has(extname(entry.name))) {
      files.push(path);
    }
  }
  return files;
}

async function lintScenario(ESLint, dir) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      palisade.configs.recommended,
    ],
  });
  const files = sourceFilesUnder(dir);
  const results = files.length === 0 ? [] : await eslint.lintFiles(files);
  const entries = [];
  const fatalMessages = [];
  for (const result of results) {
    const file = relative(dir, result.filePath).split(sep).join('/');
    for (const message of result.messages) {
      if (message.fatal) {
        entries.push(parseErrorEntry(file));
        fatalMessages.push(`${file}:${message.line}:${message.column} ${message.message}`);
      } else if (message.ruleId?.startsWith('palisade/')) {
        entries.push(eslintEntry(file, message));
      }
    }
  }
  return { text: render(entries), fatalMessages };
}

function eslintEntry(file, message) {
  const rule = message.ruleId.slice('palisade/'.length);
  const severity = message.severity === 2 ? 'error' : 'warn';
  const span = message.endLine === undefined
    ? `${message.line}:${message.column}`
    : `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`;
  const helpAt = message.message.lastIndexOf('. Help: ');
  const lines = helpAt === -1
    ? [`  message: ${message.message}`]
    : [`  message: ${message.message.slice(0, helpAt)}`, `  help: ${message.message.slice(helpAt + '. Help: '.length)}`];
  return {
    key: [file, message.line, message.column, rule],
    text: [`${file}:${span} ${severity} ${rule}/${message.messageId}`, ...lines].join('\n'),
  };
}

function parseErrorEntry(file) {
  return { key: [file, 0, 0, 'parse-error'], text: `${file}: parse error (reported by ESLint's parser)` };
}

/** Turns expected.txt into what the ESLint run must print (see the top of this file). */
function expectedForEslint(expectedText, scenarioName) {
  const lines = expectedText.replace(/\r\n?/gu, '\n').trimEnd().split('\n');
  if (lines.length === 1 && lines[0] === 'none') {
    return 'none';
  }
  const entries = [];
  for (const line of lines) {
    if (line.startsWith('  ')) {
      assert.ok(entries.length > 0, `${scenarioName}/expected.txt: detail line before any diagnostic: ${line}`);
      entries.at(-1).lines.push(line);
      continue;
    }
    const header = HEADER.exec(line);
    assert.ok(header, `${scenarioName}/expected.txt: not a diagnostic line: ${line}`);
    const { file, line: row, column, endLine, endColumn, rule, messageId } = header.groups;
    entries.push({
      key: [file, Number(row), Number(column), rule],
      lines: [`${file}:${row}:${column}-${endLine}:${endColumn} error ${rule}/${messageId}`],
    });
  }
  return render(
    entries.map(({ key, lines: entryLines }) =>
      key[3] === 'parse-error' ? parseErrorEntry(key[0]) : { key, text: entryLines.join('\n') },
    ),
  );
}

function render(entries) {
  if (entries.length === 0) {
    return 'none';
  }
  return entries
    .sort((a, b) => compareKeys(a.key, b.key) || compareValues(a.text, b.text))
    .map((entry) => entry.text)
    .join('\n');
}

function compareKeys(a, b) {
  for (let index = 0; index < a.length; index += 1) {
    const order = compareValues(a[index], b[index]);
    if (order !== 0) {
      return order;
    }
  }
  return 0;
}

function compareValues(a, b) {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
