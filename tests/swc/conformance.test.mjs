// Runs every conformance scenario (tests/conformance/<rule>/<scenario>/) through the SWC plugin,
// loaded from its built `.wasm` by real @swc/core (the oldest supported, 1.15.0, and the newest
// 1.16.x), and compares the errors SWC reports with the scenario's expected.txt.
//
// The SWC surface differs from the core by design, and expected.txt is adjusted before comparing:
// - Whole-graph rules (`no-cycle`) are the CLI's and ESLint's job: their entries are dropped.
// - SWC reports syntax errors itself: an expected syntax error (`parse-error/parseError`) must
//   show up as SWC failing to parse that file, with no Palisade error. A file SWC parses but
//   Palisade will not (`parse-error/tooDeep`) is the plugin's to report.
// - Every Palisade diagnostic fails the build (SWC drops warnings), so severity is not compared.
// An error's text carries the rule, `file:line:column`, the message and the help; those are
// compared. The ESLint and Rust suites check end positions and message ids on the same corpus.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import { swcPlugin } from 'palisade/swc';
import { findScenarios, parseErrorEntry as parseError, readExpected, render, sourceFilesUnder } from '../conformance/scenarios.mjs';
import { lineDiff } from '../eslint/line-diff.mjs';

// @swc/core appends a native backtrace to every error when this is set, even when empty.
delete process.env.RUST_BACKTRACE;

const require = createRequire(import.meta.url);
const swcVersions = [
  { label: '@swc/core newest', swc: require('@swc/core') },
  { label: '@swc/core oldest', swc: require('swc-core-1-15') },
];

/** One Palisade error in SWC's output: the plugin's first line, then its help line. */
const SWC_ERROR = /palisade\/(?<rule>[a-z-]+): (?<file>.+?):(?<line>\d+):(?<column>\d+): (?<message>.*)\n[\s|│]*help: (?<help>.*)/gu;

const scenarios = findScenarios();

test('the conformance corpus has scenarios', () => {
  assert.ok(scenarios.length >= 40, `found ${scenarios.length} scenarios`);
});

for (const { label, swc } of swcVersions) {
  describe(`${label} (${swc.version})`, () => {
    for (const scenario of scenarios) {
      test(scenario.name, () => {
        const expected = expectedForSwc(readFileSync(join(scenario.dir, 'expected.txt'), 'utf8'), scenario.name);
        const actual = compileScenario(swc, scenario.dir);
        if (actual !== expected) {
          assert.fail(`${scenario.name}: SWC output differs from expected.txt (- expected, + actual)\n${lineDiff(expected, actual)}`);
        }
      });
    }
  });
}

/** SWC's parser options for a file, by extension. */
export function parserFor(file) {
  const extension = extname(file);
  if (['.ts', '.mts', '.cts', '.tsx'].includes(extension)) {
    return { syntax: 'typescript', tsx: extension === '.tsx', decorators: true };
  }
  return { syntax: 'ecmascript', jsx: true, decorators: true };
}

function compileScenario(swc, dir) {
  const plugin = swcPlugin({ cwd: dir });
  const entries = [];
  for (const path of sourceFilesUnder(dir)) {
    const file = relative(dir, path).split(sep).join('/');
    try {
      swc.transformSync(readFileSync(path, 'utf8'), {
        filename: path,
        swcrc: false,
        configFile: false,
        jsc: { parser: parserFor(path), target: 'es2022', experimental: { plugins: [plugin] } },
      });
    } catch (error) {
      const text = String(error?.message ?? error);
      const found = [...text.matchAll(SWC_ERROR)];
      if (found.length === 0) {
        entries.push(parseErrorEntry(file));
      }
      for (const { groups } of found) {
        assert.equal(groups.file, file, `an error names ${groups.file} while compiling ${file}`);
        entries.push({
          key: [file, Number(groups.line), Number(groups.column), groups.rule],
          text: `${file}:${groups.line}:${groups.column} ${groups.rule}\n  message: ${groups.message}\n  help: ${groups.help}`,
        });
      }
    }
  }
  return render(entries);
}

function parseErrorEntry(file) {
  return parseError(file, "SWC's parser");
}

/** Turns expected.txt into what SWC must print (see the top of this file). */
function expectedForSwc(expectedText, scenarioName) {
  return render(
    readExpected(expectedText, scenarioName)
      .filter(({ rule }) => rule !== 'no-cycle')
      .map(({ file, line, column, rule, messageId, details }) =>
        rule === 'parse-error' && messageId === 'parseError'
          ? parseErrorEntry(file)
          : { key: [file, line, column, rule], text: [`${file}:${line}:${column} ${rule}`, ...details].join('\n') },
      ),
  );
}
