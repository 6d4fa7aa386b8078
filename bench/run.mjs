#!/usr/bin/env node
// `make bench`: makes sure the benchmark workspaces exist (bench/workspaces/<size>, git-ignored),
// then runs the ESLint benchmark on each and prints one table per size and a summary.
//
//   node bench/run.mjs [--sizes 1k,10k] [--runs N] [--seed 1] [--regenerate] [--only baseline|palisade]
//                      [--eslint eslint|eslint9]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEslintBench, table } from './eslint.mjs';
import { GENERATOR_VERSION, METADATA_FILE, generateWorkspace, parseSize } from './generate.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const WORKSPACES_DIR = path.join(BENCH_DIR, 'workspaces');

function parseArgs(argv) {
  const args = { sizes: ['1k', '10k'], runs: 1, seed: 1, regenerate: false, eslintPackage: 'eslint' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const take = () => {
      i += 1;
      if (argv[i] === undefined) throw new Error(`${flag} needs a value`);
      return argv[i];
    };
    switch (flag) {
      case '--sizes': args.sizes = take().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--runs': args.runs = Number(take()); break;
      case '--seed': args.seed = Number(take()); break;
      case '--regenerate': args.regenerate = true; break;
      case '--only': args.only = take(); break;
      case '--eslint': args.eslintPackage = take(); break;
      case '-h': case '--help': args.help = true; break;
      default: throw new Error(`unknown argument ${flag}`);
    }
  }
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
    `(avg ${(result.averageBytes / 1024).toFixed(2)} KiB, ${result.expectedDiagnostics} expected diagnostics) ` +
    `in ${result.seconds.toFixed(2)} s`);
  return root;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error.message}`);
    return 2;
  }
  if (args.help) {
    console.log('usage: node bench/run.mjs [--sizes 1k,10k] [--runs N] [--seed 1] [--regenerate] [--only baseline|palisade] [--eslint eslint|eslint9]');
    return 0;
  }
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
      comparison === undefined
        ? '—'
        : `${comparison.matched}/${comparison.expected}` +
          (comparison.missing.length + comparison.extra.length > 0
            ? ` (missing ${comparison.missing.length}, extra ${comparison.extra.length})`
            : ''),
    ]);
    console.log('');
  }
  if (rows.length > 0) {
    console.log('Summary (target: overhead ≤ 10 %; violations found/expected)');
    console.log(table(['size', 'files', 'baseline s', 'with palisade s', 'overhead', 'violations'], rows));
  }
  // a benchmark is not a test: no assertion on times or counts
  return 0;
}

process.exitCode = main();
