// `palisade check` as a function: options in, the exit code and the report out. Owns the run
// itself (finding the workspace, narrowing it to paths, the baseline, the summary and the choice
// of report format); the command line and the Nx executor both call it with their options.

import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { BaselineError, applyBaseline, updateBaseline } from './baseline.js';
import { PalisadeConfigError, Workspace } from './index.js';
import { printable } from './printable-text.js';
import { PROGRESS_DELAY_MS, progressBar } from './progress-bar.js';
import { renderGithub } from './report/github.js';
import { renderJson } from './report/json.js';
import { renderPretty } from './report/pretty.js';
import { renderSarif } from './report/sarif.js';

const RENDERERS = { pretty: renderPretty, json: renderJson, sarif: renderSarif, github: renderGithub };

/** The report formats of `check`, the default first. */
export const REPORT_FORMATS = /** @type {Array<keyof typeof RENDERERS>} */ (Object.keys(RENDERERS));

/**
 * @typedef {object} CheckOptions
 * @property {string} [root] workspace root, absolute or relative to `cwd` (default: found from `cwd`)
 * @property {string} [config] palisade.json to use, absolute or relative to `cwd`
 * @property {string[]} [paths] check only the files under these, as the user typed them (relative
 *   to `cwd`); messages name them that way
 * @property {'pretty' | 'json' | 'sarif' | 'github'} [format] default `pretty`
 * @property {boolean} [color] `pretty`: paint for a terminal
 * @property {number} [maxWarnings] exit 1 when there are more warnings than this
 * @property {number} [threads] threads checking files (default: every core, at most 4)
 * @property {string} [baseline] baseline file as typed, relative to `cwd`
 * @property {boolean} [updateBaseline] write the violations to the baseline instead of reporting them
 */

/**
 * What a report format renders.
 * @typedef {object} ReportInput
 * @property {string} root absolute workspace root
 * @property {import('./index.js').Diagnostic[]} diagnostics sorted, baseline applied
 * @property {{ files: number, dependencies: number, errors: number, warnings: number, durationMs: number,
 *   baseline?: { file: string, known: number, fixed: number } }} summary
 * @property {boolean} color
 */

/**
 * @typedef {object} CheckResult
 * @property {0 | 1 | 2} exitCode 0 clean, 1 errors or too many warnings, 2 a configuration,
 *   path, baseline or format error (told on `stderr`)
 * @property {string} output the report, for stdout (empty on exit code 2 and after `updateBaseline`)
 * @property {string} notes what people are told after the report, for stderr: baseline entries
 *   that are fixed (empty when there are none)
 */

/**
 * Runs `palisade check`. Warnings that did not stop the run, errors that did, and the progress
 * bar go to `io.stderr` as they happen; the report comes back as `output`. An exception is a bug
 * in Palisade, not a verdict: callers report it with `reportInternalError`.
 * @param {CheckOptions} options
 * @param {{ cwd: string, stderr: { isTTY?: boolean, write(text: string): unknown }, progressDelayMs?: number }} io
 *   `progressDelayMs`: how long a run goes before the progress bar shows (tests set 0)
 * @returns {Promise<CheckResult>}
 */
export async function runCheck(options, io) {
  const failed = (message) => {
    io.stderr.write(`palisade: ${printable(message)}\n`);
    return { exitCode: /** @type {const} */ (2), output: '', notes: '' };
  };
  const format = options.format ?? REPORT_FORMATS[0];
  // The command line checks its --format; an executor's options come from project.json.
  if (!Object.hasOwn(RENDERERS, format)) {
    return failed(`the report format must be one of ${REPORT_FORMATS.join(', ')}, not \`${format}\``);
  }
  const pathsAsTyped = options.paths ?? [];
  const started = performance.now();
  let workspace;
  let report;
  const progress = progressBar(io.stderr, io.progressDelayMs ?? PROGRESS_DELAY_MS);
  let workers;
  let paths;
  let whole;
  try {
    const location = Workspace.locate({ root: options.root, configFile: options.config, cwd: io.cwd });
    paths = checkPaths(pathsAsTyped, io.cwd, location.root);
    // The workers open the workspace while this thread does.
    workers = Workspace.startWorkers(location, options.threads);
    workspace = Workspace.open(location);
    // Paths that leave out part of the workspace (one Nx project, say): only what they reach is
    // read, on this thread, and the engine reports only the files under them. Otherwise every
    // file, on every thread.
    whole = paths.length === 0 || paths.some((path) => relative(workspace.root, path) === '');
    if (whole) {
      report = await workspace.reportInParallel({ workers, onProgress: progress?.update });
    } else {
      workers.stop();
      report = workspace.reportScope(paths);
    }
  } catch (error) {
    if (error instanceof PathError || error instanceof PalisadeConfigError) {
      return failed(error.message);
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
  let diagnostics = report.diagnostics;
  // Baseline entries of files outside the paths were not looked at: they are kept, and never
  // counted as fixed.
  const checked = (file) => underAny(file, paths, workspace.root);
  const defaultBaseline = resolve(workspace.root, 'palisade.baseline.json');
  const baselineFile = options.baseline === undefined
    ? (options.updateBaseline ? defaultBaseline : undefined)
    : resolve(io.cwd, options.baseline);
  // Messages name the baseline as it was typed, or the default relative to the current directory.
  const baselineName = options.baseline ?? relativeName(io.cwd, defaultBaseline);
  let baseline;
  try {
    if (options.updateBaseline) {
      // A check of some paths replaces their entries only: the other files were not looked at.
      const { written, kept } = updateBaseline(/** @type {string} */ (baselineFile), diagnostics, whole ? undefined : (file) => !checked(file));
      const under = whole ? '' : ` under ${pathsAsTyped.map(printable).join(', ')}`;
      const others = whole ? '' : `; kept ${kept} entries of other files`;
      io.stderr.write(`palisade: wrote ${written} baseline entries (${diagnostics.length} violations${under}) to ${printable(baselineName)}${others}\n`);
      return { exitCode: 0, output: '', notes: '' };
    }
    if (baselineFile !== undefined) {
      const { known, fresh, fixed } = applyBaseline(baselineFile, diagnostics, checked);
      diagnostics = fresh;
      baseline = { file: baselineFile, known: known.length, fixed };
    }
  } catch (error) {
    if (error instanceof BaselineError) {
      return failed(`${baselineName}: ${error.reason}`);
    }
    throw error;
  }
  /** @type {ReportInput['summary']} */
  const summary = {
    files: report.files,
    dependencies: report.dependencies,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warn').length,
    durationMs: Math.round(performance.now() - started),
  };
  if (baseline !== undefined) {
    summary.baseline = { file: baseline.file, known: baseline.known, fixed: baseline.fixed.length };
  }
  const output = RENDERERS[format]({ root: workspace.root, diagnostics, summary, color: Boolean(options.color) });
  let notes = '';
  if (baseline !== undefined && baseline.fixed.length > 0) {
    const lines = baseline.fixed.map(
      (e) => `  ${printable(e.file)}: ${printable(e.rule)} \`${printable(e.specifier)}\`${e.count > 1 ? ` (${e.count}×)` : ''}`,
    );
    notes = `palisade: ${baseline.fixed.length} baseline entries are fixed and can be removed (run with --update-baseline):\n${lines.join('\n')}\n`;
  }
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  return { exitCode: summary.errors > 0 || tooManyWarnings ? 1 : 0, output, notes };
}

/**
 * Whether the workspace-relative `file` lies under one of `paths` (all files when none). The
 * engine asks the same of the diagnostics of `reportScope`; this is for baseline entries, which
 * it never sees.
 */
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
 * @param {string[]} pathsAsTyped relative to `cwd`, or absolute
 * @param {string} cwd
 * @param {string} root
 * @returns {string[]}
 * @throws {PathError} naming the first that does not, as it was typed
 */
function checkPaths(pathsAsTyped, cwd, root) {
  const realRoot = existsSync(root) ? realpathSync(root) : root;
  return pathsAsTyped.map((name) => {
    const path = resolve(cwd, name);
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
