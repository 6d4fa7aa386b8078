// The JS API: the same engine the ESLint plugin uses, for custom tooling. A thin wrapper over the
// wasm module's `Workspace` that resolves paths, reads files and turns config errors into
// `PalisadeConfigError`.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PalisadeConfigError } from './config-error.js';
import { locate, openWorkspace, ruleMetadata } from './engine.js';

export { PalisadeConfigError, ruleMetadata };

/**
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

  /** @param {any} handle an open wasm `Workspace` */
  constructor(handle) {
    this.#handle = handle;
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
    const cwd = process.cwd();
    const location = locate({ root, configFile }, cwd, cwd);
    return new Workspace(openWorkspace(location.root, location.configFile));
  }

  /** @returns {string} absolute path of the workspace root */
  get root() {
    return this.#handle.root;
  }

  /** @returns {string[]} absolute paths of the workspace's source files, sorted */
  sourceFiles() {
    return this.#handle.sourceFiles();
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
   * Checks every source file: the diagnostics (sorted by file, line, column, rule), how many
   * files were checked and how many dependencies they declare.
   * @returns {{ diagnostics: any[], files: number, dependencies: number }}
   */
  report() {
    const report = this.#handle.checkAll();
    report.diagnostics.sort(compareDiagnostics);
    return report;
  }

  /** Frees the wasm memory held by this workspace; it cannot be used afterwards. */
  close() {
    this.#handle.free();
  }
}

function compareDiagnostics(a, b) {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.messageId, b.messageId)
  );
}

function compareStrings(a, b) {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
