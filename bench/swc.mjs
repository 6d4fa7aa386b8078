#!/usr/bin/env node
// The SWC plugin benchmark: what Palisade's plugin costs a compile, against an empty plugin built
// the same way (bench/swc-empty: same swc_core, profile and wasm-opt; it returns the program
// untouched). It prints the size of both modules, their first-use compile time in @swc/core (each
// in a fresh process with a fresh plugin cache), and the time per file of `transformSync` without
// a plugin, with the empty plugin and with Palisade's, on files of 15 KiB: each source file of the
// workspace keeps its own imports and is padded with typed TypeScript code to 15 KiB, so the
// plugin checks the real imports of a file of the target size.
//
//   node bench/swc.mjs --root examples/nx-nest [--files 200] [--rounds 5] [--plugin <palisade.wasm>]
//   node bench/swc.mjs --first-use <plugin.wasm>   (one measured first use; JSON on stdout)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { commandLine, isEntryPoint, readFlags } from './command-line.mjs';
import { median, table } from './eslint.mjs';

const THIS_FILE = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(THIS_FILE), '..');
const require = createRequire(path.join(REPO, 'package.json'));

export const TARGET_BYTES = 15 * 1024;
const LIMITS = { sizeMB: 2.5, firstUseSeconds: 3, overheadMs: 1 };
export const PALISADE_PLUGIN = path.join(REPO, 'npm/palisade-swc-plugin/palisade_swc.wasm');
export const EMPTY_PLUGIN = path.join(REPO, 'target/swc-empty/swc_empty_plugin.wasm');

/** The host; `RUST_BACKTRACE` would make it append a backtrace to every plugin error. */
function loadSwc() {
  delete process.env.RUST_BACKTRACE;
  return require('@swc/core');
}

/** Builds the empty plugin when it is missing or older than its source. */
export function ensureEmptyPlugin() {
  const source = path.join(REPO, 'bench/swc-empty/src/lib.rs');
  if (fs.existsSync(EMPTY_PLUGIN) && fs.statSync(EMPTY_PLUGIN).mtimeMs >= fs.statSync(source).mtimeMs) return;
  console.log('building the empty SWC plugin (bench/swc-empty)…');
  const built = spawnSync('bash', [path.join(REPO, 'scripts/build-swc.sh'), 'swc_empty_plugin', EMPTY_PLUGIN], {
    cwd: REPO, stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building bench/swc-empty failed');
}

/**
 * TypeScript that compiles on its own and uses what the parser and the AST round trip must
 * handle (typed parameters, interfaces, generics, classes, decorators-free members), numbered
 * from `seed` so that names do not clash.
 */
function fillerBlock(seed) {
  return `
export interface Record${seed}<T extends object = object> {
  readonly id: string;
  payload: T;
  tags: ReadonlyArray<string>;
  updatedAt?: Date;
}

export class Ledger${seed}<T extends object> {
  private readonly entries = new Map<string, Record${seed}<T>>();

  constructor(private readonly owner: string, private limit: number = ${100 + seed}) {}

  add(entry: Record${seed}<T>): boolean {
    if (this.entries.size >= this.limit) return false;
    this.entries.set(entry.id, { ...entry, updatedAt: new Date() });
    return true;
  }

  find(predicate: (entry: Record${seed}<T>) => boolean): Record${seed}<T>[] {
    return [...this.entries.values()].filter(predicate);
  }
}

export function summarise${seed}(values: number[], weight: number = ${seed % 7 + 1}): { total: number; mean: number } {
  const total = values.reduce((sum: number, value: number) => sum + value * weight, 0);
  return { total, mean: values.length === 0 ? 0 : total / values.length };
}
`;
}

/** `text` padded with filler blocks to at least `bytes`. */
export function padTo(text, bytes, seed = 0) {
  let out = text;
  let block = seed * 1000;
  while (Buffer.byteLength(out) < bytes) out += fillerBlock(block++);
  return out;
}

function transformOptions(filename, plugins, cacheRoot) {
  return {
    filename,
    swcrc: false,
    configFile: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: filename.endsWith('.tsx') },
      target: 'es2022',
      experimental: { plugins, ...(cacheRoot === undefined ? {} : { cacheRoot }) },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Child: one first use of a plugin, with a fresh cache

function firstUse(plugin, { empty }) {
  const swc = loadSwc();
  const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-swc-cache-'));
  const config = empty ? {} : emptyWorkspaceSnapshot();
  try {
    const run = () => {
      const started = performance.now();
      try {
        swc.transformSync('export const a: number = 1;\n', transformOptions('/tmp/bench/a.ts', [[plugin, config]], cacheRoot));
      } catch {
        // a verdict is not the point here
      }
      return performance.now() - started;
    };
    const first = run();
    const second = run();
    return { first, second, compileSeconds: (first - second) / 1000 };
  } finally {
    fs.rmSync(cacheRoot, { recursive: true, force: true });
  }
}

/** A snapshot of an empty workspace, so that the first-use run measures compiling, not checking. */
function emptyWorkspaceSnapshot() {
  return { palisadeSnapshot: 3, root: '/tmp/bench', listings: '\ta.ts', texts: {}, projects: [] };
}

function measureFirstUse(plugin, empty) {
  const child = spawnSync(process.execPath, [THIS_FILE, empty ? '--first-use-empty' : '--first-use', plugin], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`first use of ${plugin} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

// ---------------------------------------------------------------------------------------------
// Parent: per-file cost

/**
 * Compiles the workspace's first `files` source files, padded to 15 KiB, `rounds` times in each
 * mode (modes interleaved, the first round discarded as warm-up) and returns the median
 * milliseconds per file of each mode.
 */
export async function runSwcBench({ root, files = 200, rounds = 5, plugin = PALISADE_PLUGIN }) {
  const swc = loadSwc();
  const { Workspace } = await import(path.join(REPO, 'npm/palisade/src/index.js'));
  const { swcPluginConfig, workspaceSnapshot } = await import(path.join(REPO, 'npm/palisade/src/swc.js'));
  const absoluteRoot = path.resolve(root);
  const workspace = Workspace.open({ root: absoluteRoot });
  const paths = workspace.sourceFiles().slice(0, files);
  workspace.close();
  const inputs = paths.map((file, index) => ({ file, text: padTo(fs.readFileSync(file, 'utf8'), TARGET_BYTES, index) }));
  const modes = {
    none: [],
    empty: [[EMPTY_PLUGIN, {}]],
    palisade: [[plugin, swcPluginConfig({ root: absoluteRoot })]],
    inline: [[plugin, swcPluginConfig({ root: absoluteRoot, snapshot: 'inline' })]],
  };
  const samples = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
  const rejected = Object.fromEntries(Object.keys(modes).map((mode) => [mode, 0]));
  for (let round = 0; round <= rounds; round += 1) {
    for (const [mode, plugins] of Object.entries(modes)) {
      let failures = 0;
      const started = performance.now();
      for (const { file, text } of inputs) {
        try {
          swc.transformSync(text, transformOptions(file, plugins));
        } catch {
          failures += 1;
        }
      }
      const perFile = (performance.now() - started) / inputs.length;
      if (round > 0) samples[mode].push(perFile);
      rejected[mode] = failures;
    }
  }
  const perFile = Object.fromEntries(Object.entries(samples).map(([mode, values]) => [mode, median(values)]));
  const kib = inputs.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0) / 1024 / inputs.length;
  return {
    root: path.relative(process.cwd(), absoluteRoot) || '.',
    files: inputs.length,
    averageKiB: kib,
    snapshotKiB: Buffer.byteLength(JSON.stringify(workspaceSnapshot({ root: absoluteRoot }))) / 1024,
    perFile,
    overhead: perFile.palisade - perFile.empty,
    inlineOverhead: perFile.inline - perFile.empty,
    rejected,
    swcVersion: swc.version,
  };
}

/** Sizes and first-use compile times of both plugins. */
export function measurePlugins(palisade = PALISADE_PLUGIN) {
  return Object.fromEntries([['palisade', palisade], ['empty', EMPTY_PLUGIN]].map(([name, plugin]) => [
    name,
    { bytes: fs.statSync(plugin).size, ...measureFirstUse(plugin, name === 'empty') },
  ]));
}

/** Prints the module table and the per-file table. */
export function printSwcReport(plugins, benches) {
  const mb = (bytes) => (bytes / 1e6).toFixed(2);
  console.log(`Plugin modules (limits: ≤ ${LIMITS.sizeMB} MB, first-use compile ≤ ${LIMITS.firstUseSeconds} s)`);
  console.log(table(['plugin', 'size MB', 'first use s', 'compile s'], Object.entries(plugins).map(([name, p]) => [
    name, mb(p.bytes), (p.first / 1000).toFixed(2), p.compileSeconds.toFixed(2),
  ])));
  if (benches.length === 0) return;
  console.log('');
  console.log(`transformSync per 15 KiB TypeScript file, @swc/core ${benches[0].swcVersion} ` +
    `(target: Palisade minus the empty plugin ≤ ${LIMITS.overheadMs} ms)`);
  console.log(table(
    ['workspace', 'files', 'KiB/file', 'snapshot KiB', 'no plugin ms', 'empty ms', 'palisade ms', 'overhead ms',
      'inline snapshot: ms', 'overhead ms', 'rejected by palisade'],
    benches.map((b) => [
      b.root, String(b.files), b.averageKiB.toFixed(1), b.snapshotKiB.toFixed(0), b.perFile.none.toFixed(3),
      b.perFile.empty.toFixed(3), b.perFile.palisade.toFixed(3), b.overhead.toFixed(3), b.perFile.inline.toFixed(3),
      b.inlineOverhead.toFixed(3), String(b.rejected.palisade),
    ]),
  ));
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = `usage: node bench/swc.mjs --root <workspace> [--files 200] [--rounds 5] [--plugin <palisade.wasm>]
       node bench/swc.mjs --first-use[-empty] <plugin.wasm>`;

function parseArgs(argv) {
  const args = { roots: [], files: 200, rounds: 5, plugin: PALISADE_PLUGIN };
  readFlags(argv, (flag, take) => {
    switch (flag) {
      case '--root': args.roots.push(take()); break;
      case '--files': args.files = Number(take()); break;
      case '--rounds': args.rounds = Number(take()); break;
      case '--plugin': args.plugin = path.resolve(take()); break;
      case '--first-use': args.firstUse = take(); break;
      case '--first-use-empty': args.firstUse = take(); args.empty = true; break;
      case '-h': case '--help': args.help = true; break;
      default: throw new Error(`unknown argument ${flag}`);
    }
  });
  if (!(args.files > 0) || !(args.rounds > 0)) throw new Error('--files and --rounds must be positive');
  return args;
}

async function main() {
  const { args, exit } = commandLine('bench/swc', USAGE, parseArgs);
  if (args === undefined) return exit;
  if (args.firstUse !== undefined) {
    console.log(JSON.stringify(firstUse(args.firstUse, { empty: args.empty === true })));
    return 0;
  }
  if (args.roots.length === 0) args.roots.push(path.join(REPO, 'examples/nx-nest'));
  ensureEmptyPlugin();
  const plugins = measurePlugins(args.plugin);
  const benches = [];
  for (const root of args.roots) benches.push(await runSwcBench({ root, files: args.files, rounds: args.rounds, plugin: args.plugin }));
  printSwcReport(plugins, benches);
  return 0;
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main();
