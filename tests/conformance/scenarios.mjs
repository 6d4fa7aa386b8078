// The conformance corpus as the JS test suites read it: the scenarios, their source files, their
// expected.txt entries, and the one text format each suite renders its surface's output in.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONFORMANCE_DIR = fileURLToPath(new URL('./', import.meta.url));
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const HEADER = /^(?<file>.+):(?<line>\d+):(?<column>\d+)-(?<endLine>\d+):(?<endColumn>\d+) (?<severity>error|warn) (?<rule>[a-z-]+)\/(?<messageId>\w+)$/u;

/** @returns {{ name: string, dir: string, skipEslint?: string }[]} every `<rule>/<scenario>` with an expected.txt */
export function findScenarios() {
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

/** @returns {string[]} the scenario's source files, absolute */
export function sourceFilesUnder(dir) {
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

/**
 * The diagnostics of an expected.txt: `[]` for `none`, else one entry per diagnostic, with its
 * header's fields and its detail lines.
 * @returns {{ file: string, line: number, column: number, endLine: number, endColumn: number,
 *   severity: string, rule: string, messageId: string, details: string[] }[]}
 */
export function readExpected(expectedText, scenarioName) {
  const lines = expectedText.replace(/\r\n?/gu, '\n').trimEnd().split('\n');
  if (lines.length === 1 && lines[0] === 'none') {
    return [];
  }
  const entries = [];
  for (const line of lines) {
    if (line.startsWith('  ')) {
      assert.ok(entries.length > 0, `${scenarioName}/expected.txt: detail line before any diagnostic: ${line}`);
      entries.at(-1).details.push(line);
      continue;
    }
    const header = HEADER.exec(line);
    assert.ok(header, `${scenarioName}/expected.txt: not a diagnostic line: ${line}`);
    const { line: row, column, endLine, endColumn, ...rest } = header.groups;
    entries.push({ ...rest, line: Number(row), column: Number(column), endLine: Number(endLine), endColumn: Number(endColumn), details: [] });
  }
  return entries;
}

/**
 * Renders entries `{ key, text }` sorted by key (file, line, column, rule), then text; `none`
 * for no entry.
 */
export function render(entries) {
  if (entries.length === 0) {
    return 'none';
  }
  return entries
    .sort((a, b) => compareKeys(a.key, b.key) || compareValues(a.text, b.text))
    .map((entry) => entry.text)
    .join('\n');
}

/** The entry a file that the surface's own parser rejected renders as. */
export function parseErrorEntry(file, parser) {
  return { key: [file, 0, 0, 'parse-error'], text: `${file}: parse error (reported by ${parser})` };
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
