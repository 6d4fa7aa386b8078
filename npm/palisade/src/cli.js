// The `palisade` command line: parses the arguments and runs the command: `check` (run by
// ./check-command.js, its report formats in ./report/), `explain`, `graph`, `swc-config` and `init`.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { REPORT_FORMATS, runCheck } from './check-command.js';
import { PalisadeConfigError, Workspace } from './index.js';
import { InitError, eslintBlocks, findEslintConfig, importFrom, sourceGraph } from './init.js';
import { PRESETS, preset, surveyWorkspace } from './init-presets.js';
import { renderExplanation, renderGraph } from './inspect.js';
import { reportInternalError } from './internal-error.js';
import { packageVersion } from './package-version.js';
import { printable } from './printable-text.js';
import { workspaceSnapshot, writeSnapshotFile } from './swc.js';
import { painter, useColor } from './terminal-style.js';

export { reportInternalError };

const FORMATS = {
  check: REPORT_FORMATS,
  explain: ['pretty', 'json'],
  graph: ['dot', 'mermaid', 'json'],
  'swc-config': ['entry', 'config'],
};
const LEVELS = ['project', 'element', 'file'];
const SNAPSHOT_MODES = ['inline', 'file'];
const CHECK_ONLY = ['max-warnings', 'baseline', 'update-baseline', 'threads'];
const INIT_ONLY = ['from-nx', 'from-boundaries', 'preset', 'eslint-config', 'force'];
const USAGE = `Usage: palisade check [paths…] [options]
       palisade explain FILE [--root DIR] [--config FILE] [--format pretty|json]
       palisade graph [--level project|element|file] [--format dot|mermaid|json] [--root DIR] [--config FILE]
       palisade swc-config [--format entry|config] [--snapshot inline|file] [--root DIR] [--config FILE]
       palisade init --from-nx|--from-boundaries [--eslint-config FILE] [--force] [--root DIR] [--config FILE]
       palisade init --preset nestjs-layered|hexagonal|nx-scope-type [--force] [--root DIR] [--config FILE]

check    checks every source file of the workspace against palisade.json (or the zero-config
         defaults)
explain  shows why FILE gets its verdicts: its project, element and captures, the rules that
         apply, and each import with its kind, resolution and verdict
graph    prints the architecture as a graph of projects (default), elements or files, links
         that carry violations in red (dot for Graphviz, mermaid for Markdown, or json)
swc-config  prints the SWC plugin's entry for .swcrc's jsc.experimental.plugins (or, with
         --format config, its config alone): a snapshot of the workspace with its root relative
         to the current directory; run it again when files are added or removed
init     writes palisade.json from the workspace's ESLint config (eslint.config.js/mjs/cjs, or
         .eslintrc.json and its overrides): with --from-nx, its @nx/enforce-module-boundaries
         setting, whose options Palisade's enforce-module-boundaries rule takes unchanged; with
         --from-boundaries, its eslint-plugin-boundaries settings and rules, translated to
         elements, dependencies, entry-point and external; what cannot be carried over is
         printed as a note. With --preset, a commented policy for that architecture, fitted to
         the layer folders, apps and project tags found in the workspace

Options:
  --root DIR          workspace root (default: found from the current directory)
  --config FILE       palisade.json to use (default: <root>/palisade.json)
  --format FORMAT     check: pretty (default), json, sarif, github; explain: pretty (default),
                      json; graph: dot (default), mermaid, json; swc-config: entry (default),
                      config
  --level LEVEL       graph: project (default), element, file
  --snapshot MODE     swc-config: inline (default) puts the snapshot in the entry; file writes
                      it to node_modules/.cache/palisade/ below the current directory (SWC's
                      working directory when it compiles) and the entry names it, which makes
                      each compiled file cheaper in a large workspace
  --max-warnings N    exit 1 when there are more than N warnings
  --baseline FILE     accepted violations: report only new ones, and entries now fixed
  --update-baseline   write the current violations to the baseline file
                      (--baseline, default <root>/palisade.baseline.json), never over a file
                      that is not a baseline; with paths, only their entries are replaced
  --threads N         threads checking files (default: the number of cores, at most 4)
  --from-nx           init: import @nx/enforce-module-boundaries from the ESLint config
  --from-boundaries   init: import eslint-plugin-boundaries from the ESLint config
  --preset NAME       init: nestjs-layered, hexagonal or nx-scope-type
  --eslint-config F   init: the ESLint config to read (default: found in the workspace root)
  --force             init: replace an existing palisade.json
  -h, --help          show this help
  -v, --version       show the version

A progress bar is drawn on stderr when it is a terminal and the run takes more than a moment.

Exit codes: 0 clean (explain, graph, swc-config and init: done), 1 errors or too many warnings, 2
usage, configuration or baseline error, a path that does not exist or lies outside the workspace,
or an internal error (a bug in Palisade: PALISADE_DEBUG=1 prints its stack).`;

class UsageError extends Error {}

/**
 * Runs the command line; resolves to the exit code.
 * @param {string[]} argv
 * @param {{ cwd: string, stdout: NodeJS.WritableStream & { isTTY?: boolean },
 *   stderr: NodeJS.WritableStream & { isTTY?: boolean }, progressDelayMs?: number }} io
 *   `progressDelayMs`: how long a run goes before the progress bar shows (tests set 0)
 */
export async function main(argv, io) {
  try {
    return await run(argv, io);
  } catch (error) {
    return reportInternalError(error, io.stderr);
  }
}

async function run(argv, io) {
  let options;
  try {
    options = parseCommand(argv, io.cwd);
  } catch (error) {
    if (error instanceof UsageError || error?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      io.stderr.write(`palisade: ${printable(error.message)}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (options.command === 'init') {
    return init(options, io);
  }
  if (options.command !== 'check') {
    return inspect(options, io);
  }
  const { root, config, paths, format, maxWarnings, threads, baseline, updateBaseline } = options;
  const { exitCode, output, notes } = await runCheck(
    { root, config, paths, format, maxWarnings, threads, baseline, updateBaseline, color: useColor(io.stdout) },
    { cwd: io.cwd, stderr: io.stderr, progressDelayMs: io.progressDelayMs },
  );
  // The report, then what follows it for people (baseline entries now fixed).
  io.stdout.write(output);
  if (notes !== '') {
    io.stderr.write(notes);
  }
  return exitCode;
}

function parseCommand(argv, cwd) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean' },
      threads: { type: 'string' },
      level: { type: 'string' },
      snapshot: { type: 'string' },
      'from-nx': { type: 'boolean' },
      'from-boundaries': { type: 'boolean' },
      preset: { type: 'string' },
      'eslint-config': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help || values.version) {
    return { help: values.help, version: values.version };
  }
  const [command, ...paths] = positionals;
  if (command !== 'init') {
    const misplaced = INIT_ONLY.find((name) => values[name] !== undefined);
    if (misplaced !== undefined) {
      throw new UsageError(`--${misplaced} is an option of \`palisade init\`, not of \`palisade ${command ?? ''}\``);
    }
  }
  if (command === 'init') {
    const misplaced = [...CHECK_ONLY, 'format', 'level', 'snapshot'].find((name) => values[name] !== undefined);
    if (misplaced !== undefined) {
      throw new UsageError(`--${misplaced} is not an option of \`palisade init\``);
    }
    const sources = ['nx', 'boundaries'].filter((source) => values[`from-${source}`]);
    if (sources.length + (values.preset === undefined ? 0 : 1) !== 1) {
      throw new UsageError('`palisade init` needs one source: --from-nx, --from-boundaries or --preset NAME');
    }
    if (values.preset !== undefined && !PRESETS.includes(values.preset)) {
      throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}, not \`${values.preset}\``);
    }
    if (values.preset !== undefined && values['eslint-config'] !== undefined) {
      throw new UsageError('--eslint-config goes with --from-nx or --from-boundaries, not --preset');
    }
    if (paths.length > 0) {
      throw new UsageError('`palisade init` takes no paths');
    }
    return {
      command,
      source: sources[0],
      preset: values.preset,
      root: values.root === undefined ? undefined : resolve(cwd, values.root),
      config: values.config === undefined ? undefined : resolve(cwd, values.config),
      eslintConfig: values['eslint-config'] === undefined ? undefined : resolve(cwd, values['eslint-config']),
      force: Boolean(values.force),
    };
  }
  if (!Object.hasOwn(FORMATS, command ?? '')) {
    throw new UsageError(command === undefined ? 'a command is required' : `unknown command \`${command}\``);
  }
  const formats = FORMATS[command];
  const format = values.format ?? formats[0];
  if (!formats.includes(format)) {
    throw new UsageError(`${command} --format must be one of ${formats.join(', ')}, not \`${format}\``);
  }
  if (command !== 'check') {
    const misplaced = CHECK_ONLY.find((name) => values[name] !== undefined);
    if (misplaced !== undefined) {
      throw new UsageError(`--${misplaced} is an option of \`palisade check\`, not of \`palisade ${command}\``);
    }
  }
  if (values.level !== undefined && command !== 'graph') {
    throw new UsageError(`--level is an option of \`palisade graph\`, not of \`palisade ${command}\``);
  }
  if (values.level !== undefined && !LEVELS.includes(values.level)) {
    throw new UsageError(`--level must be one of ${LEVELS.join(', ')}, not \`${values.level}\``);
  }
  if (values.snapshot !== undefined && command !== 'swc-config') {
    throw new UsageError(`--snapshot is an option of \`palisade swc-config\`, not of \`palisade ${command}\``);
  }
  if (values.snapshot !== undefined && !SNAPSHOT_MODES.includes(values.snapshot)) {
    throw new UsageError(`--snapshot must be one of ${SNAPSHOT_MODES.join(', ')}, not \`${values.snapshot}\``);
  }
  if (command === 'explain' && paths.length !== 1) {
    throw new UsageError('`palisade explain` takes exactly one file');
  }
  if ((command === 'graph' || command === 'swc-config') && paths.length > 0) {
    throw new UsageError(`\`palisade ${command}\` takes no paths`);
  }
  let maxWarnings;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings must be a whole number, not \`${values['max-warnings']}\``);
    }
  }
  let threads;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1) {
      throw new UsageError(`--threads must be a whole number of at least 1, not \`${values.threads}\``);
    }
  }
  return {
    command,
    level: values.level ?? 'project',
    snapshot: values.snapshot ?? 'inline',
    threads,
    root: values.root === undefined ? undefined : resolve(cwd, values.root),
    config: values.config === undefined ? undefined : resolve(cwd, values.config),
    format,
    maxWarnings,
    // As typed: `check` names them so in its messages, and resolves them against `cwd` itself.
    baseline: values.baseline,
    updateBaseline: Boolean(values['update-baseline']),
    paths,
  };
}

/** `init`: writes palisade.json, checks that it opens, prints what it could not carry. */
async function init(options, io) {
  // The workspace root is where the ESLint config and palisade.json sit: the current directory.
  const root = options.root ?? io.cwd;
  const target = options.config ?? join(root, 'palisade.json');
  const shown = (path) => relative(io.cwd, path).split(sep).join('/') || '.';
  try {
    if (existsSync(target) && !options.force) {
      throw new InitError(`${shown(target)} exists; pass --force to replace it`);
    }
    let written;
    if (options.preset === undefined) {
      const eslintConfig = findEslintConfig(root, options.eslintConfig);
      const { config, notes } = importFrom(options.source, await eslintBlocks(eslintConfig), () => sourceGraph(root));
      written = { text: `${JSON.stringify(config, null, 2)}\n`, notes, from: shown(eslintConfig) };
    } else {
      // The projects, files and imports as they are, whatever an existing palisade.json says.
      written = { ...preset(options.preset, surveyWorkspace(root)), from: `the ${options.preset} preset` };
    }
    writeFileSync(target, written.text);
    Workspace.open({ root, configFile: target });
    for (const note of written.notes) {
      io.stderr.write(`note: ${printable(note)}\n`);
    }
    io.stdout.write(`wrote ${printable(shown(target))} from ${printable(written.from)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InitError || error instanceof PalisadeConfigError) {
      io.stderr.write(`palisade: ${printable(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * `explain`, `graph` and `swc-config`: open the workspace, print, exit 0 (2 on a config error or
 * a missing file).
 */
function inspect(options, io) {
  let workspace;
  try {
    const location = Workspace.locate({ root: options.root, configFile: options.config, cwd: io.cwd });
    if (options.command === 'swc-config') {
      const snapshot = { ...workspaceSnapshot(location), root: relative(io.cwd, location.root).split(sep).join('/') || '.' };
      const config = options.snapshot === 'inline'
        ? snapshot
        : { palisadeSnapshotFile: relative(io.cwd, writeSnapshotFile(snapshot, io.cwd)).split(sep).join('/') };
      const printed = options.format === 'config' ? config : ['palisade-swc-plugin', config];
      io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
      return 0;
    }
    workspace = Workspace.open(location);
  } catch (error) {
    if (error instanceof PalisadeConfigError) {
      io.stderr.write(`palisade: ${printable(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  if (options.command === 'graph') {
    io.stdout.write(renderGraph(workspace.graph(options.level), options.format, options.level));
    return 0;
  }
  const file = resolve(io.cwd, options.paths[0]);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr.write(`palisade: cannot read ${printable(file)}: ${printable(error.code ?? error.message)}\n`);
    return 2;
  }
  const explanation = workspace.explain(file, text);
  const paint = painter(useColor(io.stdout));
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation, paint));
  return 0;
}
