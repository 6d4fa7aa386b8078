#!/usr/bin/env node
// The CLI benchmark: `palisade check` on a whole generated workspace, against peer tools that find
// import cycles (oxlint, madge, dependency-cruiser, ESLint + import-x), each run in a fresh process
// and timed with its peak memory. Palisade's diagnostics are compared with the workspace's
// expected-violations.json; each tool's cycle reports with the seeded cycles (generated.json).
//
//   node bench/cli.mjs --root bench/workspaces/10k [--runs N] [--peers oxlint,madge] [--timeout 600]
//
// Peers come from bench/peers (`npm ci --prefix bench/peers`; run.mjs installs them when absent).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLine, isEntryPoint, readFlags } from './command-line.mjs';
import { compareWithExpected, median, printComparison, table } from './eslint.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const PEERS_DIR = path.join(BENCH_DIR, 'peers');
const PALISADE_BIN = path.join(REPO_ROOT, 'npm/palisade/bin/palisade.js');
const TIME_BIN = '/usr/bin/time';
const SAMPLE_MS = 50;

const peerFile = (rel) => path.join(PEERS_DIR, rel);
const peerBin = (pkg, rel) => path.join(PEERS_DIR, 'node_modules', pkg, rel);
const relative = (root, file) => path.relative(root, path.resolve(root, file)).split(path.sep).join('/');

// The source folders every peer is given: the workspace's projects, not node_modules. (Palisade
// checks the whole workspace, which adds its root eslint.config.mjs.)
const SOURCES = ['libs', 'apps'];

/**
 * @typedef {{ files: string[] }} CycleReport the files (or, for a Palisade project cycle, project
 *   names) one report names: where it is reported and the cycle it draws
 * @typedef {{ count: number, reports: CycleReport[], diagnostics?: any[] }} ToolOutput
 * @typedef {object} Tool
 * @property {string} name
 * @property {string[]} packages npm packages (in bench/peers) it needs; none for Palisade
 * @property {(root: string) => string[]} args arguments of `node`, run with the workspace as cwd
 * @property {Record<string, string>} [env]
 * @property {(text: string, root: string) => ToolOutput} parse its stdout
 */

/** @type {Tool[]} Palisade first: the others are compared with it. */
export const TOOLS = [
  {
    name: 'palisade',
    packages: [],
    args: (root) => [PALISADE_BIN, 'check', '--root', root, '--format', 'json'],
    parse: (text) => {
      const { diagnostics } = JSON.parse(text);
      const cycles = diagnostics.filter((d) => d.rule === 'no-cycle');
      return { count: cycles.length, reports: cycles.map((d) => ({ files: [d.file, ...(d.cycle ?? [])] })), diagnostics };
    },
  },
  {
    name: 'oxlint',
    packages: ['oxlint'],
    // (it honours .gitignore files up to the repository root: the generator makes each workspace one)
    args: () => [peerBin('oxlint', 'bin/oxlint'), '-c', peerFile('oxlintrc.json'), '-f', 'json', ...SOURCES],
    parse: (text) => {
      const cycles = JSON.parse(text).diagnostics.filter((d) => d.code === 'import(no-cycle)');
      return {
        count: cycles.length,
        // the note draws the cycle: `… (libs/…/a.ts)` per step
        reports: cycles.map((d) => ({ files: [d.filename, ...[...(d.note ?? '').matchAll(/\(([^()\s]+\.[cm]?[jt]sx?)\)/gu)].map((m) => m[1])] })),
      };
    },
  },
  {
    name: 'madge',
    packages: ['madge', 'typescript'],
    env: { madge_config: peerFile('madgerc.json') },
    args: () => [
      peerBin('madge', 'bin/cli.js'), '--circular', '--json', '--no-spinner', '--no-color',
      '--extensions', 'ts', '--ts-config', 'tsconfig.base.json', ...SOURCES,
    ],
    parse: (text) => {
      const chains = JSON.parse(text);
      return { count: chains.length, reports: chains.map((files) => ({ files })) };
    },
  },
  {
    name: 'dependency-cruiser',
    packages: ['dependency-cruiser', 'typescript'],
    // the `baseline` reporter prints only the violations (`json` would print the whole graph)
    args: () => [peerBin('dependency-cruiser', 'bin/dependency-cruise.mjs'), '--config', peerFile('dependency-cruiser.cjs'), '--output-type', 'baseline', ...SOURCES],
    parse: (text) => {
      const cycles = JSON.parse(text).filter((v) => v.rule?.name === 'no-circular');
      return { count: cycles.length, reports: cycles.map((v) => ({ files: [v.from, ...(v.cycle ?? []).map((c) => c.name ?? c)] })) };
    },
  },
  {
    name: 'eslint-import-x',
    packages: ['eslint-plugin-import-x', 'eslint', 'eslint-import-resolver-typescript', '@typescript-eslint/parser'],
    args: () => [peerBin('eslint', 'bin/eslint.js'), '--config', peerFile('eslint.config.mjs'), '--format', 'json', ...SOURCES],
    parse: (text, root) => {
      const reports = [];
      for (const result of JSON.parse(text)) {
        for (const message of result.messages) {
          if (message.ruleId === 'import-x/no-cycle') reports.push({ files: [relative(root, result.filePath)] });
        }
      }
      return { count: reports.length, reports };
    },
  },
];

export const PEER_NAMES = TOOLS.slice(1).map((t) => t.name);

// ---------------------------------------------------------------------------------------------
// Peers: installation and versions

/** Exact versions pinned in bench/peers/package.json. */
function pinnedVersions() {
  const manifest = JSON.parse(fs.readFileSync(peerFile('package.json'), 'utf8'));
  return { ...manifest.dependencies, ...manifest.devDependencies };
}

function installedVersion(pkg) {
  try {
    return JSON.parse(fs.readFileSync(peerBin(pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure the packages of `tools` are installed at their pinned versions, running
 * `npm ci --prefix bench/peers` when one is missing or differs.
 * @returns {Map<string, string>} tool name → why it cannot run (tools that can run are absent)
 */
export function ensurePeers(tools, log = console.log) {
  const pinned = pinnedVersions();
  const stale = () => [...new Set(tools.flatMap((t) => t.packages))].filter((p) => installedVersion(p) !== pinned[p]);
  const unavailable = new Map();
  if (stale().length > 0) {
    log(`peers: installing ${stale().join(', ')} (npm ci --prefix bench/peers)`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (install.status !== 0) {
      const errors = install.stderr.split('\n').filter((l) => l.startsWith('npm error')).slice(0, 2).join(' | ');
      const reason = install.error?.message ?? (errors || `exit ${install.status}`);
      log(`peers: npm ci failed: ${reason}`);
    }
    const missing = new Set(stale());
    for (const tool of tools) {
      const lacking = tool.packages.filter((p) => missing.has(p));
      if (lacking.length > 0) unavailable.set(tool.name, `not installed (${lacking.join(', ')}); run npm ci --prefix bench/peers`);
    }
  }
  return unavailable;
}

/** `name version` of each tool, with the other packages it runs on in brackets. */
export function peerVersions(tools) {
  const palisade = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'npm/palisade/package.json'), 'utf8')).version;
  return tools.map((t) => {
    if (t.name === 'palisade') return `palisade ${palisade}`;
    const [main, ...rest] = t.packages.map((p) => `${p} ${installedVersion(p) ?? '?'}`);
    return rest.length === 0 ? main : `${main} (${rest.join(', ')})`;
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring one process tree

/** Resident set size (kB) of every process under `pid` (not `pid` itself), and how many there are. */
function treeRss(pid) {
  let total = 0;
  let processes = 0;
  const visit = (parent) => {
    let tasks;
    try {
      tasks = fs.readdirSync(`/proc/${parent}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children;
      try {
        children = fs.readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(' ').filter(Boolean)) {
        try {
          const status = fs.readFileSync(`/proc/${child}/status`, 'utf8');
          total += Number(/^VmRSS:\s+(\d+)/mu.exec(status)?.[1] ?? 0);
          processes += 1;
        } catch {
          // it exited meanwhile
        }
        visit(child);
      }
    }
  };
  visit(pid);
  return { total, processes };
}

/**
 * Runs `node <args>` once in `cwd`, stdout to `stdoutFile`. Wall time is measured here, CPU time
 * (user + system, all threads and children) by GNU time; peak RSS
 * is GNU time's maximum resident set size (the largest process of the tree) or, when the tool ran
 * several processes at once, the largest sum seen by sampling /proc every 50 ms, if greater.
 * @returns {Promise<{ seconds: number, cpuSeconds: number | undefined, rssKb: number | undefined, processes: number, code: number | null,
 *   signal: string | null, timedOut: boolean, stderr: string }>}
 */
export async function measure({ args, cwd, env = {}, stdoutFile, timeoutSeconds }) {
  const timeFile = `${stdoutFile}.time`;
  const stderrFile = `${stdoutFile}.stderr`;
  const useTime = fs.existsSync(TIME_BIN);
  const command = useTime ? [TIME_BIN, '-f', '%e %M %U %S', '-o', timeFile, process.execPath, ...args] : [process.execPath, ...args];
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(stderrFile, 'w');
  const started = process.hrtime.bigint();
  // its own process group, so that a timeout kills the whole tree
  const child = spawn(command[0], command.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, err], detached: true });
  fs.closeSync(out);
  fs.closeSync(err);
  let sampledKb = 0;
  let processes = 0;
  const sampleRoot = useTime ? child.pid : process.pid;
  const sampler = setInterval(() => {
    const { total, processes: count } = treeRss(sampleRoot);
    sampledKb = Math.max(sampledKb, total);
    processes = Math.max(processes, count);
  }, SAMPLE_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutSeconds * 1000);
  const { code, signal } = await new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: null, signal: error.message }));
    child.on('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  clearTimeout(timer);
  let timeKb;
  let cpuSeconds;
  if (useTime && fs.existsSync(timeFile)) {
    // GNU time prints "Command exited with non-zero status N" before its own line
    const [, maxRss, user, system] = (fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (maxRss > 0) timeKb = maxRss;
    if (Number.isFinite(user + system)) cpuSeconds = user + system;
  }
  const rssKb = timeKb === undefined && sampledKb === 0 ? undefined : Math.max(timeKb ?? 0, processes > 1 ? sampledKb : 0);
  const stderr = fs.readFileSync(stderrFile, 'utf8');
  return { seconds, cpuSeconds, rssKb, processes, code, signal, timedOut, stderr };
}

// ---------------------------------------------------------------------------------------------
// The suite

/**
 * Runs every tool `runs` times on one workspace (interleaved, fresh processes) and prints the table.
 * @param {{ root: string, runs?: number, peers?: string[], timeout?: number, log?: (line: string) => void,
 *   unavailable?: Map<string, string> }} options
 */
export async function runCliBench({ root, runs = 1, peers = PEER_NAMES, timeout = 600, log = console.log, unavailable = new Map() }) {
  const workspace = path.resolve(root);
  const metadataPath = path.join(workspace, 'generated.json');
  if (!fs.existsSync(metadataPath)) throw new Error(`${workspace} is not a generated workspace (no generated.json)`);
  const metadata = JSON.parse(fs.readFileSync(metadataPath, 'utf8'));
  const seeded = metadata.seededCycles ?? [];
  const tools = TOOLS.filter((t) => t.name === 'palisade' || peers.includes(t.name));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-bench-'));

  /** @type {Map<string, { samples: any[], output?: ToolOutput, failure?: string }>} */
  const results = new Map(tools.map((t) => [t.name, { samples: [], failure: unavailable.get(t.name) }]));
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const tool of tools) {
        const result = results.get(tool.name);
        if (result.failure !== undefined) continue;
        const stdoutFile = path.join(scratch, `${tool.name}-${run}.out`);
        const sample = await measure({ args: tool.args(workspace), cwd: workspace, env: tool.env, stdoutFile, timeoutSeconds: timeout });
        if (sample.timedOut) {
          result.failure = `> ${timeout} s`;
          result.timedOut = true;
          continue;
        }
        if (result.output === undefined) {
          try {
            result.output = tool.parse(fs.readFileSync(stdoutFile, 'utf8'), workspace);
          } catch (error) {
            const tail = sample.stderr.trim().split('\n').slice(-3).join(' | ');
            result.failure = `failed (exit ${sample.code ?? sample.signal}): ${tail || error.message}`;
            continue;
          }
        }
        result.samples.push(sample);
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const palisadeSeconds = results.get('palisade').samples.length > 0 ? median(results.get('palisade').samples.map((s) => s.seconds)) : undefined;
  const rows = [];
  const summary = { root: workspace, runs, files: metadata.sourceFiles, tools: {} };
  const fileLevel = seeded.filter((c) => c.files.length > 0);
  const projectOnly = seeded.filter((c) => c.files.length === 0);
  for (const tool of tools) {
    const result = results.get(tool.name);
    if (result.samples.length === 0) {
      rows.push([tool.name, result.timedOut ? result.failure : 'did not run', '—', '—', '—', '—', '—', '—', '—']);
      summary.tools[tool.name] = { failure: result.failure };
      continue;
    }
    const seconds = median(result.samples.map((s) => s.seconds));
    const rss = result.samples.some((s) => s.rssKb === undefined) ? undefined : median(result.samples.map((s) => s.rssKb)) / 1024;
    const cpu = result.samples.some((s) => s.cpuSeconds === undefined) ? undefined : median(result.samples.map((s) => s.cpuSeconds));
    // a file-level cycle is named by one of its files; a project-only one by one of its projects
    const names = (report, cycle) => report.files.some((f) => (cycle.files.length > 0 ? cycle.files : cycle.projects).includes(f));
    const found = (cycle) => result.output.reports.some((r) => names(r, cycle));
    const stray = result.output.reports.filter((r) => !seeded.some((c) => names(r, c))).length;
    const ratio = palisadeSeconds === undefined || tool.name === 'palisade'
      ? '—'
      : seconds >= palisadeSeconds ? `${(seconds / palisadeSeconds).toFixed(1)}× slower` : `${(palisadeSeconds / seconds).toFixed(1)}× faster`;
    rows.push([
      tool.name,
      secondsCell(result.samples.map((s) => s.seconds)),
      cpu === undefined ? '—' : cpu.toFixed(2),
      rss === undefined ? '—' : rss.toFixed(0),
      String(result.output.count),
      `${fileLevel.filter(found).length}/${fileLevel.length}`,
      `${projectOnly.filter(found).length}/${projectOnly.length}`,
      String(stray),
      ratio,
    ]);
    summary.tools[tool.name] = {
      seconds, all: result.samples.map((s) => s.seconds), cpuSeconds: cpu, rssMb: rss, processes: Math.max(...result.samples.map((s) => s.processes)),
      cycleReports: result.output.count, fileCyclesFound: fileLevel.filter(found).length, projectOnlyFound: projectOnly.filter(found).length, stray,
    };
  }

  const runsText = runs === 1 ? '1 run' : `median of ${runs} runs`;
  log('');
  log(`CLI bench: ${path.relative(process.cwd(), workspace) || '.'} (${metadata.sourceFiles} source files; ` +
    `${seeded.length} seeded cycles: ${fileLevel.length} file-level, ${projectOnly.length} project-only; ` +
    `node ${process.version}, ${os.cpus().length} cores, ${runsText} each, fresh process per run)`);
  log(table(
    ['tool', 'wall s', 'cpu s', 'peak RSS MB', 'cycles reported', 'seeded file cycles', 'project-only', 'other', 'vs palisade'],
    rows,
  ));
  for (const tool of tools) {
    const result = results.get(tool.name);
    if (result.samples.length === 0 && !result.timedOut) log(`${tool.name}: did not run: ${result.failure}`);
    if (result.timedOut) log(`${tool.name}: killed after ${timeout} s (--timeout)`);
  }
  log(`versions: ${peerVersions(tools).join('; ')}`);
  const multi = Object.entries(summary.tools).filter(([, t]) => t.processes > 1);
  for (const [name, t] of multi) log(`note: ${name} ran ${t.processes} processes at once; its RSS is their sampled sum`);

  const palisade = results.get('palisade');
  if (palisade.output !== undefined) {
    const comparison = compareWithExpected(workspace, palisade.output.diagnostics);
    summary.comparison = comparison;
    if (comparison !== undefined) printComparison('Palisade check diagnostics vs expected-violations.json', comparison, log);
  }
  return summary;
}

const secondsCell = (all) => {
  const spread = all.length > 1 ? ` [${Math.min(...all).toFixed(2)}–${Math.max(...all).toFixed(2)}]` : '';
  return `${median(all).toFixed(2)}${spread}`;
};

// ---------------------------------------------------------------------------------------------
// Command line

/** `--peers oxlint,madge` (or `all`, or `none`) → peer names; throws on an unknown one. */
export function parsePeers(text) {
  if (text === 'all') return PEER_NAMES;
  if (text === 'none' || text === '') return [];
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!PEER_NAMES.includes(name)) throw new Error(`unknown peer ${name}; known: ${PEER_NAMES.join(', ')}`);
  }
  return names;
}

function parseArgs(argv) {
  const args = { runs: 1, peers: PEER_NAMES, timeout: 600 };
  readFlags(argv, (flag, take) => {
    switch (flag) {
      case '--root': args.root = take(); break;
      case '--runs': args.runs = Number(take()); break;
      case '--peers': args.peers = parsePeers(take()); break;
      case '--timeout': args.timeout = Number(take()); break;
      case '--json': args.json = true; break;
      case '-h': case '--help': args.help = true; break;
      default: throw new Error(`unknown argument ${flag}`);
    }
  });
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs must be a positive integer');
  if (!(args.timeout > 0)) throw new Error('--timeout must be a positive number of seconds');
  return args;
}

const USAGE = `usage: node bench/cli.mjs --root <workspace> [--runs N] [--peers ${PEER_NAMES.join(',')}|all|none] [--timeout 600] [--json]`;

async function main() {
  const { args, exit } = commandLine('cli bench', USAGE, parseArgs, 'root');
  if (args === undefined) return exit;
  try {
    const log = args.json ? () => {} : console.log;
    const unavailable = ensurePeers(TOOLS.filter((t) => args.peers.includes(t.name)), log);
    const summary = await runCliBench({ ...args, log, unavailable });
    if (args.json) console.log(JSON.stringify(summary, null, 2));
  } catch (error) {
    console.error(`cli bench: ${error.message}`);
    return 2;
  }
  // a benchmark is not a test: no assertion on times or counts
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main();
}
