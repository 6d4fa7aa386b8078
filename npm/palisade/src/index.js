// The JS API: the same engine the ESLint plugin uses, for custom tooling. A thin wrapper over the
// wasm module's `Workspace` that resolves paths, reads files and turns config errors into
// `PalisadeConfigError`.

import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { PalisadeConfigError } from './config-error.js';
import { locate, openWorkspace, ruleMetadata } from './engine.js';
import { checkInParallel, startWorkers } from './parallel.js';

export { PalisadeConfigError, ruleMetadata };

/**
 * (types/index.d.ts declares this and the rest of the API for TypeScript.)
 * @typedef {object} Diagnostic
 * @property {string} rule rule id, e.g. `entry-point`
 * @property {string} messageId
 * @property {'error' | 'warn'} severity
 * @property {string} file workspace-relative, `/`-separated
 * @property {string} message
 * @property {string} help
 * @property {Record<string, string>} data the values the message and help were rendered with
 * @property {string} docsUrl
 * @property {string} [specifier]
 * @property {string[]} [cycle] `no-cycle`: the files or projects around it, the first repeated at the end
 * @property {number} start UTF-8 byte offset
 * @property {number} end UTF-8 byte offset
 * @property {number} line 1-based
 * @property {number} column 0-based, UTF-16
 * @property {number} endLine 1-based
 * @property {number} endColumn 0-based, UTF-16
 */

export class Workspace {
  /** @type {any} */
  #handle;

  /** @type {{ root: string, configFile: string | undefined }} */
  #location;

  /**
   * @param {any} handle an open wasm `Workspace`
   * @param {{ root: string, configFile: string | undefined }} location where it was opened from
   */
  constructor(handle, location) {
    this.#handle = handle;
    this.#location = location;
  }

  /**
   * Opens the workspace at `root` with `configFile` (relative paths resolve against the current
   * directory). With neither, finds it by walking up from the current directory. Each call opens a
   * fresh workspace that sees the files as they are now.
   * @param {{ root?: string, configFile?: string }} [options]
   * @returns {Workspace}
   * @throws {PalisadeConfigError} when palisade.json is broken
   */
  static open({ root, configFile } = {}) {
    const location = Workspace.locate({ root, configFile });
    return new Workspace(openWorkspace(location.root, location.configFile), location);
  }

  /**
   * Where `open` with the same options finds the workspace, without opening it.
   * @param {{ root?: string, configFile?: string, cwd?: string }} [options] `cwd` (default: the
   *   process's) is where relative paths start and where the search walks up from
   * @returns {{ root: string, configFile: string | undefined }}
   */
  static locate({ root, configFile, cwd = process.cwd() } = {}) {
    return locate({ root, configFile }, cwd, cwd);
  }

  /**
   * Starts the worker threads of `reportInParallel` ahead of time: they open the workspace while
   * this thread opens it too. Pass the result as `workers`.
   * @param {{ root: string, configFile: string | undefined }} location from `Workspace.locate`
   * @param {number} [threads] default: every core, at most 4
   */
  static startWorkers(location, threads) {
    return startWorkers(location, threads);
  }

  /** @returns {string} absolute path of the workspace root */
  get root() {
    return this.#handle.root;
  }

  /** @returns {string[]} absolute paths of the workspace's source files, sorted */
  sourceFiles() {
    return this.#handle.sourceFiles();
  }

  /**
   * @returns {Array<string | null>} the root (workspace-relative, `''` for a root project) of the
   *   project owning each source file, as `sourceFiles()` lists them; `null` where none does
   */
  sourceOwners() {
    // The engine leaves a file no project owns undefined.
    return this.#handle.sourceOwners().map((root) => root ?? null);
  }

  /** @returns {string[]} problems that did not stop loading (unreadable manifests, unusable tsconfig files) */
  warnings() {
    return this.#handle.warnings();
  }

  /**
   * Diagnostics of one file. Reads the file when `text` is omitted.
   * @param {string} path absolute, or relative to the current directory
   * @param {string} [text]
   * @returns {Diagnostic[]}
   */
  checkFile(path, text) {
    const absolutePath = resolve(path);
    return this.#handle.checkFile(absolutePath, text ?? readFileSync(absolutePath, 'utf8'));
  }

  /**
   * Diagnostics of every source file, sorted by file, line, column and rule.
   * @returns {Diagnostic[]}
   */
  check() {
    return this.report().diagnostics;
  }

  /**
   * Checks every source file: the diagnostics (sorted by the engine: file, line, column, rule), how many
   * files were checked and how many dependencies they declare.
   * @returns {{ diagnostics: any[], files: number, dependencies: number }}
   */
  report() {
    return this.#handle.checkAll();
  }

  /**
   * `report()` for the source files under `paths` only (folders or files, absolute or relative
   * to the current directory). The whole-graph rules are answered from what those files reach
   * (every file of each project they reach, transitively), so the verdicts are a whole check's,
   * and the rest of the workspace is never read: what one Nx task for one project needs.
   * @param {string[]} paths
   * @returns {{ diagnostics: any[], files: number, dependencies: number }}
   */
  reportScope(paths) {
    const scope = paths.map((path) => relative(this.root, resolve(path)).split(sep).join('/'));
    return this.#handle.checkScope(scope);
  }

  /**
   * `report()` on several threads: worker threads with their own instance of the workspace check
   * slices of the files alongside this one. Same result, sorted the same way.
   * @param {{ threads?: number, workers?: any, onProgress?: (done: number, total: number) => void }} [options]
   *   `threads` defaults to the number of cores (at most 4); 1 checks on this thread only.
   *   `workers` are ones started by `Workspace.startWorkers` (then `threads` is theirs).
   *   `onProgress` is called as files are done.
   * @returns {Promise<{ diagnostics: any[], files: number, dependencies: number }>}
   */
  async reportInParallel({ threads, workers, onProgress } = {}) {
    return checkInParallel(this.#handle, { location: this.#location, pool: workers, threads, onProgress });
  }

  /**
   * Why one file gets the verdicts it gets: its project, element and captures, the rules that
   * apply, and each import with kind, resolution and diagnostics (cycles included). Reads the
   * file when `text` is omitted.
   * @param {string} path absolute, or relative to the current directory
   * @param {string} [text]
   */
  explain(path, text) {
    const absolutePath = resolve(path);
    return this.#handle.explain(absolutePath, text ?? readFileSync(absolutePath, 'utf8'));
  }

  /**
   * The architecture as a graph: `{ nodes: [{ id, files, tags?, root?, kind? }], links: [{ from, to, imports,
   * violations }] }` at the level of projects, elements or files; `violations` lists the rules
   * that report imports along a link.
   * @param {'project' | 'element' | 'file'} [level]
   */
  graph(level = 'project') {
    return this.#handle.architecture(level);
  }

  /**
   * Everything a per-file check reads besides the file itself (folder listings, palisade.json,
   * manifests, tsconfig files): the SWC plugin's config, as it has no file system.
   * @returns {object}
   */
  snapshot() {
    return JSON.parse(this.#handle.snapshot());
  }

  /** Frees the wasm memory held by this workspace; it cannot be used afterwards. */
  close() {
    this.#handle.free();
  }
}
