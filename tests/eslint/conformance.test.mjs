// Runs every conformance scenario (tests/conformance/<rule>/<scenario>/) through the ESLint plugin,
// with ESLint 10 and ESLint 9, and compares what ESLint reports with the scenario's expected.txt.
// The plugin finds each scenario's workspace itself, as it would for a user: a scenario marks its
// root with a palisade.json or a `workspaces` package.json.
//
// Two differences between ESLint and the core are part of the design, and applied to expected.txt
// before comparing:
// - Severity comes from the ESLint config, not from palisade.json: `configs.recommended` sets every
//   rule to "error", so an expected `warn` is compared as `error`.
// - ESLint reports its own parse errors: an expected syntax error (`parse-error/parseError`) must
//   show up as an ESLint fatal parsing error of that file instead. A file ESLint reads but
//   Palisade will not (`parse-error/tooDeep`) is the plugin's to report, like any rule.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import palisade from 'palisade/eslint';
import tseslint from 'typescript-eslint';
import { findScenarios, parseErrorEntry as parseError, readExpected, render, sourceFilesUnder } from '../conformance/scenarios.mjs';
import { splitEslintMessage } from '../../npm/palisade/src/eslint-message.js';
import { lineDiff } from './line-diff.mjs';

const eslintVersions = [
  { label: 'eslint 10', ESLint: ESLint10 },
  { label: 'eslint 9', ESLint: ESLint9 },
];

const scenarios = findScenarios();

test('the conformance corpus has scenarios', () => {
  assert.ok(scenarios.length > 0, "no scenario with an expected.txt under tests/conformance");
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
  const { message: text, help } = splitEslintMessage(message);
  const lines = help === undefined ? [`  message: ${text}`] : [`  message: ${text}`, `  help: ${help}`];
  return {
    key: [file, message.line, message.column, rule],
    text: [`${file}:${span} ${severity} ${rule}/${message.messageId}`, ...lines].join('\n'),
  };
}

function parseErrorEntry(file) {
  return parseError(file, "ESLint's parser");
}

/** Turns expected.txt into what the ESLint run must print (see the top of this file). */
function expectedForEslint(expectedText, scenarioName) {
  return render(
    readExpected(expectedText, scenarioName).map(({ file, line, column, endLine, endColumn, rule, messageId, details }) =>
      rule === 'parse-error' && messageId === 'parseError'
        ? parseErrorEntry(file)
        : { key: [file, line, column, rule], text: [`${file}:${line}:${column}-${endLine}:${endColumn} error ${rule}/${messageId}`, ...details].join('\n') },
    ),
  );
}
