#!/usr/bin/env node
// The ESLint benchmark: lints a generated workspace with typescript-eslint alone (baseline) and
// with Palisade's recommended config added, each run in a fresh Node process, and compares the
// Palisade diagnostics with the workspace's expected-violations.json.
//
//   node bench/eslint.mjs --root bench/workspaces/10k [--runs 3] [--only baseline|palisade]
//   node bench/eslint.mjs --mode baseline|palisade --root <ws>   (one measured run; JSON on stdout)
//
// ESLint, typescript-eslint and the plugin are imported dynamically, so that each child measures
// its own loading too, and so that this file can be imported by run.mjs without loading them.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { commandLine, isEntryPoint, readFlags } from './command-line.mjs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
const MODES = ['baseline', 'palisade'];
const OVERHEAD_TARGET_PERCENT = 10;

// ---------------------------------------------------------------------------------------------
// Child: one measured lint of the whole workspace

/**
 * Lints `root` once in this process and returns what was measured and found.
 * @param {{ mode: 'baseline' | 'palisade', root: string, eslintPackage: string, plugin: string }} options
 */
async function lintOnce({ mode, root, eslintPackage, plugin }) {
  const started = performance.now();
  const { ESLint } = await import(eslintPackage);
  const { default: tseslint } = await import('typescript-eslint');
  const config = [
    { name: 'bench/ignores', ignores: ['**/dist/**'] },
    ...tseslint.configs.recommended,
  ];
  const notes = [];
  const [major, minor] = ESLint.version.split('.').map(Number);
  if (major === 9 && minor < 10) {
    // typescript-eslint's extension of this core rule reads defaultOptions that ESLint < 9.10 lacks
    config.push({ name: 'bench/eslint-9.9-compat', rules: { '@typescript-eslint/no-unused-expressions': 'off' } });
    notes.push(`ESLint ${ESLint.version}: @typescript-eslint/no-unused-expressions turned off (needs ESLint ≥ 9.10)`);
  }
  let namespace;
  let pluginRules = [];
  if (mode === 'palisade') {
    const { default: palisade } = await import(plugin);
    pluginRules = Object.keys(palisade.rules ?? {});
    const recommended = [palisade.configs.recommended].flat();
    config.push(...recommended);
    namespace = palisade.meta?.namespace ?? Object.keys(recommended.find((c) => c.plugins)?.plugins ?? {})[0] ?? 'palisade';
  }
  const loaded = performance.now();

  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, cache: false });
  const results = await eslint.lintFiles(['.']);
  const finished = performance.now();

  const palisadeMessages = [];
  const configErrors = [];
  const otherByRule = {};
  const fatal = [];
  for (const result of results) {
    const file = path.relative(root, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (message.ruleId === null || message.fatal) {
        fatal.push({ file, line: message.line, message: message.message });
      } else if (namespace !== undefined && message.ruleId.startsWith(`${namespace}/`)) {
        const entry = {
          file, line: message.line, column: message.column,
          rule: message.ruleId.slice(namespace.length + 1), messageId: message.messageId,
        };
        if (message.messageId === 'configError') configErrors.push({ ...entry, message: message.message });
        else palisadeMessages.push(entry);
      } else {
        otherByRule[message.ruleId] = (otherByRule[message.ruleId] ?? 0) + 1;
      }
    }
  }
  return {
    mode,
    eslintVersion: ESLint.version,
    files: results.length,
    loadSeconds: (loaded - started) / 1000,
    lintSeconds: (finished - loaded) / 1000,
    seconds: (finished - started) / 1000,
    palisade: palisadeMessages,
    configErrors,
    otherByRule,
    fatal: fatal.slice(0, 20),
    fatalCount: fatal.length,
    notes,
    pluginRules,
  };
}

// ---------------------------------------------------------------------------------------------
// Driver: fresh child processes, medians, comparison with the expected violations

/**
 * Runs the benchmark on one workspace and prints its tables.
 * @param {{ root: string, runs?: number, only?: string, eslintPackage?: string, plugin?: string,
 *   log?: (line: string) => void }} options
 * @returns {object} the summary printed, for run.mjs
 */
export function runEslintBench({ root, runs = 1, only, eslintPackage = 'eslint', plugin = 'palisade/eslint', log = console.log }) {
  const workspace = path.resolve(root);
  if (!fs.existsSync(path.join(workspace, 'palisade.json'))) {
    throw new Error(`${workspace} holds no palisade.json; generate it first (node bench/generate.mjs)`);
  }
  const modes = only === undefined ? MODES : [only];
  /** @type {Record<string, any[]>} */
  const samples = Object.fromEntries(modes.map((m) => [m, []]));
  /** @type {Record<string, string>} */
  const failures = {};
  // interleaved (baseline, palisade, baseline, …) so that drift in machine load hits both alike
  for (let run = 0; run < runs; run += 1) {
    for (const mode of modes) {
      if (failures[mode] !== undefined) continue;
      const outcome = runChild({ mode, root: workspace, eslintPackage, plugin });
      if (outcome.error !== undefined) failures[mode] = outcome.error;
      else samples[mode].push(outcome.result);
    }
  }

  const summary = { root: workspace, runs, modes: {}, failures };
  for (const mode of modes) {
    if (samples[mode].length === 0) continue;
    summary.modes[mode] = {
      seconds: median(samples[mode].map((s) => s.seconds)),
      lintSeconds: median(samples[mode].map((s) => s.lintSeconds)),
      loadSeconds: median(samples[mode].map((s) => s.loadSeconds)),
      all: samples[mode].map((s) => s.seconds),
      files: samples[mode][0].files,
      eslintVersion: samples[mode][0].eslintVersion,
      otherByRule: samples[mode][0].otherByRule,
      fatalCount: samples[mode][0].fatalCount,
      fatal: samples[mode][0].fatal,
      configErrors: samples[mode][0].configErrors,
      notes: samples[mode][0].notes,
      palisade: samples[mode][0].palisade,
      pluginRules: samples[mode][0].pluginRules,
    };
  }
  const base = summary.modes.baseline;
  const withPalisade = summary.modes.palisade;
  if (base !== undefined && withPalisade !== undefined) {
    summary.overheadPercent = ((withPalisade.seconds - base.seconds) / base.seconds) * 100;
  }
  if (withPalisade !== undefined) {
    // the plugin's no-cycle rule is newer than some builds: judge it only where the plugin has it
    const skipRules = withPalisade.pluginRules.includes('no-cycle') ? [] : ['no-cycle'];
    summary.comparison = compareWithExpected(workspace, withPalisade.palisade, { skipRules });
  }
  printSummary(summary, log);
  return summary;
}

function runChild({ mode, root, eslintPackage, plugin }) {
  const child = spawnSync(
    process.execPath,
    [THIS_FILE, '--mode', mode, '--root', root, '--eslint', eslintPackage, '--plugin', plugin],
    { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stdout = child.stdout ?? '';
  const lastLine = stdout.trim().split('\n').pop() ?? '';
  let parsed;
  try {
    parsed = JSON.parse(lastLine);
  } catch {
    parsed = undefined;
  }
  if (child.status === 0 && parsed?.result !== undefined) return { result: parsed.result };
  const reason = parsed?.error ?? (child.stderr.trim().split('\n').slice(-5).join('\n') || `exit ${child.status}`);
  return { error: reason };
}

/**
 * Matches `found` diagnostics with the workspace's expected-violations.json on (file, line, rule),
 * each expected entry at most once. Entries of `skipRules` are left out on both sides.
 * @returns {object | undefined} undefined when the workspace has no expected-violations.json
 */
export function compareWithExpected(root, allFound, { skipRules = [] } = {}) {
  const expectedPath = path.join(root, 'expected-violations.json');
  if (!fs.existsSync(expectedPath)) return undefined;
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8')).filter((v) => !skipRules.includes(v.rule));
  const found = allFound.filter((v) => !skipRules.includes(v.rule));
  const key = (v) => `${v.file}:${v.line}:${v.rule}`;
  const remaining = new Map();
  for (const v of expected) remaining.set(key(v), [...(remaining.get(key(v)) ?? []), v]);
  const extra = [];
  const matched = [];
  for (const v of found) {
    const candidates = remaining.get(key(v));
    if (candidates !== undefined && candidates.length > 0) matched.push(candidates.shift());
    else extra.push(v);
  }
  const missing = [...remaining.values()].flat();
  const rules = [...new Set([...expected, ...found].map((v) => v.rule))].sort();
  const count = (list, rule) => list.filter((v) => v.rule === rule).length;
  return {
    expected: expected.length, found: found.length, matched: matched.length,
    missing, extra, skipRules,
    byRule: rules.map((rule) => ({
      rule, expected: count(expected, rule), found: count(found, rule), matched: count(matched, rule),
      missing: count(missing, rule), extra: count(extra, rule),
    })),
  };
}

function printSummary(summary, log) {
  const base = summary.modes.baseline;
  const withPalisade = summary.modes.palisade;
  const any = base ?? withPalisade;
  const runs = summary.runs === 1 ? '1 run' : `median of ${summary.runs} runs`;
  log('');
  log(`ESLint bench: ${path.relative(process.cwd(), summary.root) || '.'} ` +
    `(eslint ${any?.eslintVersion ?? '?'}, node ${process.version}, ${runs} each, fresh process per run)`);
  const overhead = summary.overheadPercent === undefined
    ? '—'
    : `${summary.overheadPercent >= 0 ? '+' : ''}${summary.overheadPercent.toFixed(1)} % ` +
      `(${summary.overheadPercent <= OVERHEAD_TARGET_PERCENT ? 'within' : 'over'} the ${OVERHEAD_TARGET_PERCENT} % target)`;
  log(table(
    ['files', 'baseline s', 'with palisade s', 'overhead'],
    [[
      String(any?.files ?? '—'),
      base === undefined ? '—' : seconds(base),
      withPalisade === undefined ? '—' : seconds(withPalisade),
      overhead,
    ]],
  ));
  for (const [mode, reason] of Object.entries(summary.failures)) {
    log(`${mode}: did not run: ${reason}`);
  }
  for (const [mode, data] of Object.entries(summary.modes)) {
    const other = Object.entries(data.otherByRule);
    if (data.fatalCount > 0) {
      log(`${mode}: ${data.fatalCount} parse errors, e.g. ${data.fatal.slice(0, 3).map((f) => `${f.file}:${f.line} ${f.message}`).join('; ')}`);
    }
    if (other.length > 0) {
      log(`${mode}: other ESLint messages: ${other.map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
    }
    for (const note of new Set(data.notes)) log(`${mode}: note: ${note}`);
    if (data.configErrors.length > 0) {
      log(`${mode}: palisade config error: ${data.configErrors[0].message}`);
    }
  }
  const comparison = summary.comparison;
  if (withPalisade !== undefined && comparison === undefined) {
    log(`palisade found ${withPalisade.palisade.length} violations (no expected-violations.json to compare with)`);
  } else if (comparison !== undefined) {
    printComparison('Palisade violations vs expected-violations.json', comparison, log);
  }
}

/** Prints a comparison made by compareWithExpected: totals, a table per rule, up to five of each mismatch. */
export function printComparison(title, comparison, log) {
  const verdict = comparison.missing.length === 0 && comparison.extra.length === 0 ? 'all as expected' : 'MISMATCH';
  const skipped = comparison.skipRules.length > 0 ? `; ${comparison.skipRules.join(', ')} not compared (not in this plugin build)` : '';
  log(`${title}: found ${comparison.found}, expected ${comparison.expected}, ` +
    `missing ${comparison.missing.length}, extra ${comparison.extra.length} (${verdict})${skipped}`);
  log(table(
    ['rule', 'expected', 'found', 'matched', 'missing', 'extra'],
    comparison.byRule.map((r) => [r.rule, r.expected, r.found, r.matched, r.missing, r.extra].map(String)),
  ));
  const show = (label, list) => {
    for (const v of list.slice(0, 5)) {
      const detail = v.kind ? ` (${v.kind}: ${v.specifier})` : v.message ? `: ${v.message.slice(0, 120)}` : '';
      log(`  ${label}: ${v.file}:${v.line} ${v.rule}${detail}${v.messageId ? ` [${v.messageId}]` : ''}`);
    }
    if (list.length > 5) log(`  … ${list.length - 5} more ${label}`);
  };
  show('missing', comparison.missing);
  show('extra', comparison.extra);
}

const seconds = (data) => {
  const spread = data.all.length > 1 ? ` [${Math.min(...data.all).toFixed(2)}–${Math.max(...data.all).toFixed(2)}]` : '';
  return `${data.seconds.toFixed(2)}${spread}`;
};

/** A Markdown table with aligned columns. */
export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const args = { runs: 1, eslintPackage: 'eslint', plugin: 'palisade/eslint' };
  readFlags(argv, (flag, take) => {
    switch (flag) {
      case '--root': args.root = take(); break;
      case '--mode': args.mode = take(); break;
      case '--runs': args.runs = Number(take()); break;
      case '--only': args.only = take(); break;
      case '--eslint': args.eslintPackage = take(); break;
      case '--plugin': args.plugin = take(); break;
      case '--json': args.json = true; break;
      case '-h': case '--help': args.help = true; break;
      default: throw new Error(`unknown argument ${flag}`);
    }
  });
  for (const [flag, value] of [['--mode', args.mode], ['--only', args.only]]) {
    if (value !== undefined && !MODES.includes(value)) throw new Error(`${flag} must be one of ${MODES.join(', ')}`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs must be a positive integer');
  // a path (not a package specifier) is taken relative to the current directory
  if (/^\.{0,2}[\\/]|^[a-zA-Z]:[\\/]/u.test(args.plugin)) args.plugin = pathToFileURL(path.resolve(args.plugin)).href;
  return args;
}

const USAGE = `usage: node bench/eslint.mjs --root <workspace> [--runs N] [--only baseline|palisade] [--eslint eslint|eslint9] [--plugin palisade/eslint] [--json]
       node bench/eslint.mjs --mode baseline|palisade --root <workspace>   (one run in this process, JSON result)`;

async function main() {
  const { args, exit } = commandLine('eslint bench', USAGE, parseArgs, 'root');
  if (args === undefined) return exit;
  if (args.mode !== undefined) {
    try {
      const result = await lintOnce({ mode: args.mode, root: path.resolve(args.root), eslintPackage: args.eslintPackage, plugin: args.plugin });
      console.log(JSON.stringify({ result }));
      return 0;
    } catch (error) {
      console.log(JSON.stringify({ error: error?.message ?? String(error) }));
      return 3;
    }
  }
  try {
    const summary = runEslintBench({ ...args, log: args.json ? () => {} : console.log });
    if (args.json) console.log(JSON.stringify(summary, null, 2));
  } catch (error) {
    console.error(`eslint bench: ${error.message}`);
    return 2;
  }
  // a benchmark is not a test: no assertion on times or counts
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main();
}
