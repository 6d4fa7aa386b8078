// The `palisade` command line: `check` (the whole-workspace run and its report formats: pretty
// code frames, JSON, SARIF, GitHub workflow annotations), `explain`, `graph` and `swc-config`.

import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BaselineError, applyBaseline, updateBaseline } from './baseline.js';
import { PalisadeConfigError, Workspace, ruleMetadata } from './index.js';
import { InitError, eslintBlocks, findEslintConfig, importFrom, sourceGraph } from './init.js';
import { PRESETS, preset, surveyWorkspace } from './init-presets.js';
import { renderExplanation, renderGraph } from './inspect.js';
import { printable, printableLines, printableMessage } from './printable-text.js';
import { workspaceSnapshot, writeSnapshotFile } from './swc.js';

const FORMATS = {
  check: ['pretty', 'json', 'sarif', 'github'],
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

const ISSUES_URL = 'https://github.com/palisade-dev/palisade/issues';

/**
 * Reports an exception that no command expects (an engine bug, say) and returns its exit code: 2,
 * never 1, which is a verdict on the code. The stack only with `PALISADE_DEBUG=1`.
 * @param {unknown} error
 * @param {NodeJS.WritableStream} stderr
 * @returns {number}
 */
export function reportInternalError(error, stderr) {
  const described = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const lines = [
    `palisade: internal error: ${printable(described)}`,
    `palisade: this is a bug in Palisade, not in your code; please report it at ${ISSUES_URL} with the command you ran and the stack (PALISADE_DEBUG=1 prints it)`,
  ];
  if (process.env.PALISADE_DEBUG === '1' && error instanceof Error && error.stack !== undefined) {
    lines.push(printableLines(error.stack));
  }
  stderr.write(`${lines.join('\n')}\n`);
  return 2;
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
    io.stdout.write(`${readPackageVersion()}\n`);
    return 0;
  }
  if (options.command === 'init') {
    return init(options, io);
  }
  if (options.command !== 'check') {
    return inspect(options, io);
  }
  const started = performance.now();
  let workspace;
  let report;
  const progress = progressBar(io.stderr, io.progressDelayMs ?? PROGRESS_DELAY_MS);
  let workers;
  let paths;
  let whole;
  try {
    const location = Workspace.locate({ root: options.root, configFile: options.config, cwd: io.cwd });
    paths = checkPaths(options, location.root);
    // The workers open the workspace while this thread does.
    workers = Workspace.startWorkers(location, options.threads);
    workspace = Workspace.open(location);
    // Paths that leave out part of the workspace (one Nx project, say): only what they reach is
    // read, on this thread. Otherwise every file, on every thread.
    whole = paths.length === 0 || paths.some((path) => relative(workspace.root, path) === '');
    if (whole) {
      report = await workspace.reportInParallel({ workers, onProgress: progress?.update });
    } else {
      workers.stop();
      report = workspace.reportScope(paths);
    }
  } catch (error) {
    if (error instanceof PathError) {
      io.stderr.write(`palisade: ${printable(error.message)}\n`);
      return 2;
    }
    if (error instanceof PalisadeConfigError) {
      io.stderr.write(`palisade: ${printable(error.message)}\n`);
      return 2;
    }
    throw error;
  } finally {
    progress?.clear();
    workers?.stop();
  }
  // Problems that did not stop the run (an unreadable manifest, a tsconfig that extends a
  // missing file): on stderr, so that the report on stdout stays machine-readable.
  for (const warning of workspace.warnings()) {
    io.stderr.write(`palisade: warning: ${printable(warning)}\n`);
  }
  const checked = (file) => underAny(file, paths, workspace.root);
  let diagnostics = report.diagnostics.filter((d) => checked(d.file));
  const defaultBaseline = resolve(workspace.root, 'palisade.baseline.json');
  const baselineFile = options.baseline ?? (options.updateBaseline ? defaultBaseline : undefined);
  // Messages name the baseline as it was typed, or the default relative to the current directory.
  const baselineName = options.baselineAsTyped ?? relativeName(io.cwd, defaultBaseline);
  let baseline;
  try {
    if (options.updateBaseline) {
      // A check of some paths replaces their entries only: the other files were not looked at.
      const { written, kept } = updateBaseline(baselineFile, diagnostics, whole ? undefined : (file) => !checked(file));
      const under = whole ? '' : ` under ${options.pathsAsTyped.map(printable).join(', ')}`;
      const others = whole ? '' : `; kept ${kept} entries of other files`;
      io.stderr.write(`palisade: wrote ${written} baseline entries (${diagnostics.length} violations${under}) to ${printable(baselineName)}${others}\n`);
      return 0;
    }
    if (baselineFile !== undefined) {
      const { known, fresh, fixed } = applyBaseline(baselineFile, diagnostics, checked);
      diagnostics = fresh;
      baseline = { file: baselineFile, known: known.length, fixed };
    }
  } catch (error) {
    if (error instanceof BaselineError) {
      io.stderr.write(`palisade: ${printable(`${baselineName}: ${error.reason}`)}\n`);
      return 2;
    }
    throw error;
  }
  const summary = {
    files: report.files,
    dependencies: report.dependencies,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warn').length,
    durationMs: Math.round(performance.now() - started),
  };
  const render = { pretty: renderPretty, json: renderJson, sarif: renderSarif, github: renderGithub }[options.format];
  if (baseline !== undefined) {
    summary.baseline = { file: baseline.file, known: baseline.known, fixed: baseline.fixed.length };
  }
  io.stdout.write(render({ root: workspace.root, diagnostics, summary, color: useColor(io.stdout) }));
  if (baseline !== undefined && baseline.fixed.length > 0) {
    const lines = baseline.fixed.map(
      (e) => `  ${printable(e.file)}: ${printable(e.rule)} \`${printable(e.specifier)}\`${e.count > 1 ? ` (${e.count}×)` : ''}`,
    );
    io.stderr.write(
      `palisade: ${baseline.fixed.length} baseline entries are fixed and can be removed (run with --update-baseline):\n${lines.join('\n')}\n`,
    );
  }
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
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
    baseline: values.baseline === undefined ? undefined : resolve(cwd, values.baseline),
    baselineAsTyped: values.baseline,
    updateBaseline: Boolean(values['update-baseline']),
    paths: paths.map((path) => resolve(cwd, path)),
    pathsAsTyped: paths,
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
  const [file] = options.paths;
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr.write(`palisade: cannot read ${printable(file)}: ${printable(error.code ?? error.message)}\n`);
    return 2;
  }
  const explanation = workspace.explain(file, text);
  const color = useColor(io.stdout);
  const paint = (style, value) => (color ? `\u001b[${STYLES[style]}m${value}\u001b[0m` : value);
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation, paint));
  return 0;
}

/** Whether the workspace-relative `file` lies under one of `paths` (all files when none). */
function underAny(file, paths, root) {
  if (paths.length === 0) {
    return true;
  }
  const absolute = resolve(root, file);
  return paths.some((path) => isUnder(absolute, path));
}

/** Whether `path` is `folder` or lies below it. */
function isUnder(path, folder) {
  const rest = relative(folder, path);
  return rest === '' || (!rest.startsWith(`..${sep}`) && rest !== '..' && !isAbsolute(rest));
}

/** A path given to `check` that it cannot narrow the check to. */
class PathError extends Error {}

/**
 * `check`'s paths with links resolved, as the workspace root is (the engine never follows a link
 * out of the workspace); each must exist and lie in the workspace at `root`.
 * @throws {PathError} naming the first that does not, as it was typed
 */
function checkPaths(options, root) {
  const realRoot = existsSync(root) ? realpathSync(root) : root;
  return options.paths.map((path, index) => {
    const name = options.pathsAsTyped[index];
    if (!existsSync(path)) {
      throw new PathError(`${name}: no such file or directory`);
    }
    const real = realpathSync(path);
    if (!isUnder(real, realRoot)) {
      throw new PathError(`${name}: outside the workspace, whose root is ${realRoot}`);
    }
    return real;
  });
}

/** `path` as messages show it: relative to `cwd`, with `/`. */
function relativeName(cwd, path) {
  return relative(cwd, path).split(sep).join('/') || '.';
}

function readPackageVersion() {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}

/** Delay before the progress bar appears: quick runs print nothing extra. */
const PROGRESS_DELAY_MS = 300;

/** A progress bar on `stream` when it is a terminal; `undefined` otherwise. */
function progressBar(stream, delayMs) {
  if (!stream.isTTY) {
    return undefined;
  }
  const started = performance.now();
  let drawn = false;
  return {
    update(done, total) {
      if (performance.now() - started < delayMs) {
        return;
      }
      const width = 30;
      const filled = Math.round((width * done) / Math.max(total, 1));
      stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} files`);
      drawn = true;
    },
    clear() {
      if (drawn) {
        stream.write('\r\u001b[2K');
      }
    },
  };
}

function useColor(stream) {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

/** A diagnostic as the JSON report and annotations give it: 1-based columns, ESLint-style end. */
function publicDiagnostic(d) {
  const out = {
    rule: d.rule,
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column + 1,
    endLine: d.endLine,
    endColumn: d.endColumn + 1,
    message: d.message,
    help: d.help,
  };
  if (d.specifier !== undefined) {
    out.specifier = d.specifier;
  }
  if (d.cycle !== undefined) {
    out.cycle = d.cycle;
  }
  return out;
}

function renderJson({ root, diagnostics, summary }) {
  return `${JSON.stringify({ version: 1, root, summary, diagnostics: diagnostics.map(publicDiagnostic) }, null, 2)}\n`;
}

/** SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule, paths relative to the root. */
function renderSarif({ root, diagnostics }) {
  const rules = ruleMetadata();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const occurrences = new Map();
  const results = diagnostics.map((d) => {
    const p = publicDiagnostic(d);
    // Stable across line shifts: rule, file, specifier and which occurrence of them it is.
    const key = `${p.rule}:${p.file}:${p.specifier ?? ''}`;
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    return {
      ruleId: p.rule,
      ruleIndex: ruleIndex.get(p.rule),
      level: p.severity === 'error' ? 'error' : 'warning',
      message: { text: `${p.message}. Help: ${p.help}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: p.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'ROOT' },
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        },
      ],
      partialFingerprints: { 'palisade/v1': `${key}:${occurrence}` },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'palisade',
            version: readPackageVersion(),
            informationUri: 'https://github.com/palisade-dev/palisade',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: rule.docsUrl,
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        originalUriBaseIds: { ROOT: { uri: `${pathToFileURL(root).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function escapeData(text) {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

function escapeProperty(text) {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

function renderGithub({ diagnostics }) {
  return diagnostics
    .map((d) => {
      const p = publicDiagnostic(d);
      const level = d.severity === 'error' ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(printable(p.file))}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`palisade(${p.rule})`)}`,
      ].join(',');
      // A message may span lines (`%0A` in an annotation); anything else a terminal or the log
      // viewer would act on is shown as text.
      return `::${level} ${properties}::${escapeData(`${printableMessage(d)}. Help: ${printable(p.help)}`)}\n`;
    })
    .join('');
}

const STYLES = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 };

function renderPretty({ root, diagnostics, summary, color }) {
  const paint = (style, text) => (color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
  const texts = new Map();
  const lineOf = (file, line) => {
    if (!texts.has(file)) {
      let text = '';
      try {
        text = readFileSync(resolve(root, file), 'utf8').replace(/^\uFEFF/u, '');
      } catch {
        // The frame is left out; the diagnostic still names the place.
      }
      texts.set(file, text.split(/\r\n|[\r\n\u2028\u2029]/u));
    }
    return texts.get(file)[line - 1];
  };
  const blocks = diagnostics.map((d) => {
    const label = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    const file = printable(d.file);
    const lines = [`${label}${paint('bold', `[${d.rule}]: ${printableMessage(d)}`)}`, `  ${paint('cyan', '-->')} ${file}:${d.line}:${d.column + 1}`];
    const source = lineOf(d.file, d.line);
    if (source !== undefined && source !== '') {
      // Tabs as four spaces and control characters escaped: the caret is placed on the line as
      // printed, so the columns before it are measured the same way.
      const shown = (text) => printable(text.replace(/\t/gu, '    '));
      const gutter = ' '.repeat(String(d.line).length);
      const end = d.endLine === d.line ? Math.max(d.endColumn, d.column + 1) : source.length;
      const caret = ' '.repeat(shown(source.slice(0, d.column)).length) + '^'.repeat(Math.max(1, shown(source.slice(d.column, end)).length));
      lines.push(
        `${gutter} ${paint('cyan', '|')}`,
        `${paint('cyan', `${d.line} |`)} ${shown(source)}`,
        `${gutter} ${paint('cyan', '|')} ${paint(d.severity === 'error' ? 'red' : 'yellow', caret)}`,
      );
    }
    lines.push(`  ${paint('cyan', '=')} help: ${printable(d.help)}`, `  ${paint('cyan', '=')} docs: ${d.docsUrl}`);
    return `${lines.join('\n')}\n`;
  });
  const problems = summary.errors + summary.warnings;
  const counts = countsOf(summary.errors, summary.warnings);
  const accepted = summary.baseline === undefined ? '' : `, ${summary.baseline.known} known violations accepted by the baseline`;
  const tail = `${summary.files} files, ${summary.dependencies} dependencies checked in ${summary.durationMs} ms${accepted}`;
  const line = problems === 0 ? paint('bold', `✔ no problems (${tail})`) : paint('bold', `✖ ${problems} problem${problems === 1 ? '' : 's'} (${counts}); ${tail}`);
  return `${blocks.join('\n')}${blocks.length > 0 ? '\n' : ''}${line}\n${ruleTable(diagnostics, paint)}`;
}

/**
 * The problems per rule under the summary line, most first (ties by rule id), one line each:
 * `  no-cycle  3 errors`, or `3 (2 errors, 1 warning)` when a rule reports both.
 */
function ruleTable(diagnostics, paint) {
  const byRule = new Map();
  for (const d of diagnostics) {
    const tally = byRule.get(d.rule) ?? { errors: 0, warnings: 0 };
    tally[d.severity === 'error' ? 'errors' : 'warnings'] += 1;
    byRule.set(d.rule, tally);
  }
  const rows = [...byRule]
    .map(([rule, { errors, warnings }]) => ({ rule, errors, warnings, total: errors + warnings }))
    .sort((a, b) => b.total - a.total || (a.rule < b.rule ? -1 : 1));
  const ruleWidth = Math.max(0, ...rows.map((row) => row.rule.length));
  const countWidth = Math.max(0, ...rows.map((row) => String(row.total).length));
  return rows
    .map(({ rule, errors, warnings, total }) => {
      const count = String(total).padStart(countWidth);
      let kind;
      if (warnings === 0) {
        kind = paint('red', `${count} error${total === 1 ? '' : 's'}`);
      } else if (errors === 0) {
        kind = paint('yellow', `${count} warning${total === 1 ? '' : 's'}`);
      } else {
        kind = `${count} (${countsOf(errors, warnings)})`;
      }
      return `  ${rule.padEnd(ruleWidth)}  ${kind}\n`;
    })
    .join('');
}

function countsOf(errors, warnings) {
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
