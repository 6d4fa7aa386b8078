#!/usr/bin/env node
// `make bench`: makes sure the benchmark workspaces exist (bench/workspaces/<size>, git-ignored),
// then runs one suite on each and prints one table per size:
// - `cli` (default): `palisade check` against peer cycle finders (bench/cli.mjs), peers installed
//   into bench/peers when absent;
// - `eslint`: the overhead of Palisade's ESLint rules on `eslint .` (bench/eslint.mjs);
// - `swc`: the SWC plugin's size, first-use compile time and cost per 15 KiB file against an
//   empty plugin (bench/swc.mjs), on the example workspace and each size (default 1k).
//
//   node bench/run.mjs [--suite cli|eslint|swc] [--sizes 1k,10k] [--runs N] [--seed 1] [--regenerate]
//                      cli:    [--peers oxlint,madge,dependency-cruiser,eslint-import-x|all|none] [--timeout 600]
//                      eslint: [--only baseline|palisade] [--eslint eslint|eslint9]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLine, readFlags } from './command-line.mjs';
import { PEER_NAMES, TOOLS, ensurePeers, parsePeers, runCliBench } from './cli.mjs';
import { runEslintBench, table } from './eslint.mjs';
import { ensureEmptyPlugin, measurePlugins, printSwcReport, runSwcBench } from './swc.mjs';
import { GENERATOR_VERSION, METADATA_FILE, generateWorkspace, parseSize } from './generate.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const WORKSPACES_DIR = path.join(BENCH_DIR, 'workspaces');
const SUITES = ['cli', 'eslint', 'swc'];

const USAGE = `usage: node bench/run.mjs [--suite cli|eslint|swc] [--sizes 1k,10k] [--runs N] [--seed 1] [--regenerate]
  cli suite:    [--peers ${PEER_NAMES.join(',')}|all|none] [--timeout 600]
  eslint suite: [--only baseline|palisade] [--eslint eslint|eslint9]`;

function parseArgs(argv) {
  const args = {
    suite: 'cli', sizes: undefined, runs: 1, seed: 1, regenerate: false, eslintPackage: 'eslint',
    peers: PEER_NAMES, timeout: 600,
  };
  readFlags(argv, (flag, take) => {
    switch (flag) {
      case '--suite': args.suite = take(); break;
      case '--sizes': args.sizes = take().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--runs': args.runs = Number(take()); break;
      case '--seed': args.seed = Number(take()); break;
      case '--regenerate': args.regenerate = true; break;
      case '--only': args.only = take(); break;
      case '--eslint': args.eslintPackage = take(); break;
      case '--peers': args.peers = parsePeers(take()); break;
      case '--timeout': args.timeout = Number(take()); break;
      case '-h': case '--help': args.help = true; break;
      default: throw new Error(`unknown argument ${flag}`);
    }
  });
  if (!SUITES.includes(args.suite)) throw new Error(`--suite must be one of ${SUITES.join(', ')}`);
  args.sizes ??= args.suite === 'swc' ? ['1k'] : ['1k', '10k'];
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs must be a positive integer');
  if (!(args.timeout > 0)) throw new Error('--timeout must be a positive number of seconds');
  for (const size of args.sizes) parseSize(size);
  return args;
}

/** Generates the workspace of `size` unless an up-to-date one (same generator, files, seed) exists. */
function ensureWorkspace(size, seed, regenerate) {
  const files = parseSize(size);
  const root = path.join(WORKSPACES_DIR, size);
  const metadataPath = path.join(root, METADATA_FILE);
  if (!regenerate && fs.existsSync(metadataPath)) {
    const metadata = JSON.parse(fs.readFileSync(metadataPath, 'utf8'));
    if (metadata.version === GENERATOR_VERSION && metadata.files === files && metadata.seed === seed) {
      console.log(`workspace ${path.relative(process.cwd(), root)}: up to date (${metadata.sourceFiles} files)`);
      return root;
    }
  }
  const result = generateWorkspace({ files, out: root, seed });
  console.log(`workspace ${path.relative(process.cwd(), root)}: generated ${result.sourceFiles} files ` +
    `(avg ${(result.averageBytes / 1024).toFixed(2)} KiB, ${result.expectedDiagnostics} expected diagnostics, ` +
    `${result.seededCycles.length} seeded cycles) in ${result.seconds.toFixed(2)} s`);
  return root;
}

function runEslintSuite(args) {
  const rows = [];
  for (const size of args.sizes) {
    let summary;
    try {
      const root = ensureWorkspace(size, args.seed, args.regenerate);
      summary = runEslintBench({ root, runs: args.runs, only: args.only, eslintPackage: args.eslintPackage });
    } catch (error) {
      console.error(`bench ${size}: ${error.message}`);
      continue;
    }
    const base = summary.modes.baseline;
    const withPalisade = summary.modes.palisade;
    const comparison = summary.comparison;
    rows.push([
      size,
      String((base ?? withPalisade)?.files ?? '—'),
      base === undefined ? '—' : base.seconds.toFixed(2),
      withPalisade === undefined ? '—' : withPalisade.seconds.toFixed(2),
      summary.overheadPercent === undefined ? '—' : `${summary.overheadPercent >= 0 ? '+' : ''}${summary.overheadPercent.toFixed(1)} %`,
      matchedText(comparison),
    ]);
    console.log('');
  }
  if (rows.length > 0) {
    console.log('Summary (target: overhead ≤ 10 %; violations found/expected)');
    console.log(table(['size', 'files', 'baseline s', 'with palisade s', 'overhead', 'violations'], rows));
  }
}

async function runCliSuite(args) {
  const unavailable = ensurePeers(TOOLS.filter((t) => args.peers.includes(t.name)));
  const rows = [];
  for (const size of args.sizes) {
    let summary;
    try {
      const root = ensureWorkspace(size, args.seed, args.regenerate);
      summary = await runCliBench({ root, runs: args.runs, peers: args.peers, timeout: args.timeout, unavailable });
    } catch (error) {
      console.error(`bench ${size}: ${error.message}`);
      continue;
    }
    const palisade = summary.tools.palisade;
    const comparison = summary.comparison;
    rows.push([
      size,
      String(summary.files),
      palisade.seconds === undefined ? '—' : palisade.seconds.toFixed(2),
      ...args.peers.map((name) => {
        const tool = summary.tools[name];
        return tool.seconds === undefined ? (tool.failure?.startsWith('>') ? tool.failure : '—') : tool.seconds.toFixed(2);
      }),
      matchedText(comparison),
    ]);
    console.log('');
  }
  if (rows.length > 1) {
    console.log('Summary (wall seconds; Palisade diagnostics matched/expected)');
    console.log(table(['size', 'files', 'palisade s', ...args.peers.map((p) => `${p} s`), 'palisade diagnostics'], rows));
  }
}

async function runSwcSuite(args) {
  ensureEmptyPlugin();
  const plugins = measurePlugins();
  const roots = [path.join(BENCH_DIR, '..', 'examples', 'nx-nest')];
  for (const size of args.sizes) {
    try {
      roots.push(ensureWorkspace(size, args.seed, args.regenerate));
    } catch (error) {
      console.error(`bench ${size}: ${error.message}`);
    }
  }
  const benches = [];
  for (const root of roots) benches.push(await runSwcBench({ root, rounds: Math.max(3, args.runs) }));
  console.log('');
  printSwcReport(plugins, benches);
}

async function main() {
  const { args, exit } = commandLine('bench', USAGE, parseArgs);
  if (args === undefined) return exit;
  if (args.suite === 'eslint') runEslintSuite(args);
  else if (args.suite === 'swc') await runSwcSuite(args);
  else await runCliSuite(args);
  // a benchmark is not a test: no assertion on times or counts
  return 0;
}

process.exitCode = await main();

/** `matched/expected`, with the missing and extra counts when there are any; `—` without a comparison. */
function matchedText(comparison) {
  if (comparison === undefined) return '—';
  const { matched, expected, missing, extra } = comparison;
  return `${matched}/${expected}${missing.length + extra.length > 0 ? ` (missing ${missing.length}, extra ${extra.length})` : ''}`;
}
