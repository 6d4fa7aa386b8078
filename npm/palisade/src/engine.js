// Owns the one wasm instance of this process and the workspaces opened through it: loading the
// module, finding the workspace of a file, and caching open handles (and config errors) so that
// linting many files opens each workspace once.

import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PalisadeConfigError } from './config-error.js';
import { Prefetch } from './prefetch.js';

const require = createRequire(import.meta.url);

/** The extensions Palisade reads; other files are never checked. */
export const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

const CONFIG_FILE_NAME = 'palisade.json';

/** @type {any} */
let wasmModule;

/** @returns {any} the wasm-bindgen module (CommonJS, instantiated synchronously) */
export function wasm() {
  if (wasmModule === undefined) {
    wasmModule = loadWasm(fileURLToPath(new URL('../wasm/palisade_wasm.js', import.meta.url)));
  }
  return wasmModule;
}

/**
 * Whether `error` is a failure of the wasm instance itself (a trap, a stack overflow) rather than
 * an answer: after one, the instance's memory cannot be trusted.
 */
export function isEngineFailure(error) {
  return error instanceof WebAssembly.RuntimeError || (error instanceof RangeError && /call stack/u.test(error.message));
}

/**
 * Drops the wasm instance and every workspace opened through it, after an engine failure: the next
 * call loads a fresh instance and opens its workspaces again, so one bad file does not break the
 * rest of a lint run.
 */
export function restartEngine() {
  const modulePath = fileURLToPath(new URL('../wasm/palisade_wasm.js', import.meta.url));
  for (const opened of openWorkspaces.values()) {
    opened.prefetch?.stop();
  }
  openWorkspaces.clear();
  locationsByDirectory.clear();
  rules = undefined;
  delete require.cache[require.resolve(modulePath)];
  wasmModule = undefined;
}

function loadWasm(modulePath) {
  const binaryPath = join(dirname(modulePath), 'palisade_wasm_bg.wasm');
  if (!existsSync(modulePath) || !existsSync(binaryPath)) {
    throw new Error('palisade: the WebAssembly module is not built; run `make build`');
  }
  return require(modulePath);
}

/**
 * Rules set by another tool's settings (an ESLint rule's options) instead of `palisade.json`.
 * @typedef {{ json: string, origin: string }} RulesOverride the `rules` object as JSON; where it comes from, for errors
 */

/** @type {ReadonlyArray<any> | undefined} */
let rules;

/**
 * Metadata of every rule the core knows: id, description, docsUrl, recommended, messages.
 * @returns {ReadonlyArray<{ id: string, description: string, docsUrl: string, recommended: boolean,
 *   messages: Record<string, { message: string, help: string }> }>}
 */
export function ruleMetadata() {
  rules ??= wasm().ruleMetadata();
  return rules;
}

/**
 * Opens a workspace afresh (no cache). Throws `PalisadeConfigError` for a broken config.
 * @param {string} root absolute
 * @param {string | undefined} configFile absolute
 * @param {RulesOverride} [rules] replaces the config's `rules`
 */
export function openWorkspace(root, configFile, rules) {
  try {
    return rules === undefined
      ? wasm().Workspace.open(root, configFile)
      : wasm().Workspace.openWithRules(root, configFile, rules.json, rules.origin);
  } catch (error) {
    throw PalisadeConfigError.fromWasm(error);
  }
}

/**
 * Where a workspace lives. Explicit `root`/`configFile` (resolved against `baseDir`) win; a
 * `configFile` alone puts the root beside it; a `root` alone uses `<root>/palisade.json` if present.
 * Without either, walks up from `startDir` (cached per directory).
 * @param {{ root?: string, configFile?: string }} explicit
 * @param {string} baseDir directory relative `root`/`configFile` are resolved against
 * @param {string} startDir directory discovery starts from
 * @returns {{ root: string, configFile: string | undefined }}
 */
export function locate({ root, configFile }, baseDir, startDir) {
  if (root === undefined && configFile === undefined) {
    return locateFromDirectory(startDir);
  }
  const configPath = configFile === undefined ? undefined : resolve(baseDir, configFile);
  const rootPath = root === undefined ? dirname(/** @type {string} */ (configPath)) : resolve(baseDir, root);
  if (configPath !== undefined) {
    return { root: rootPath, configFile: configPath };
  }
  const candidate = join(rootPath, CONFIG_FILE_NAME);
  return { root: rootPath, configFile: existsSync(candidate) ? candidate : undefined };
}

/** @type {Map<string, { root: string, configFile: string | undefined }>} */
const locationsByDirectory = new Map();

function locateFromDirectory(directory) {
  let location = locationsByDirectory.get(directory);
  if (location === undefined) {
    const found = wasm().locateWorkspace(directory);
    location = { root: found.root, configFile: found.configFile ?? undefined };
    locationsByDirectory.set(directory, location);
  }
  return location;
}

/**
 * @typedef {({ workspace: any, configError?: undefined }
 *   | { workspace?: undefined, configError: PalisadeConfigError })
 *   & { configStamp: string, lastUsed: number, prefetch?: Prefetch }} OpenResult
 */

/** @type {Map<string, OpenResult>} keyed by `root + '\0' + configFile` */
const openWorkspaces = new Map();

/**
 * The cached workspace that governs `filePath`, or the config error that prevents opening it
 * (remembered, so a broken config is parsed once, not once per file). `undefined` when Palisade has
 * nothing to say about the file: an extension it does not read, or a path outside the root.
 * @param {string} filePath absolute
 * @param {{ root?: string, configFile?: string, cwd?: string, rules?: RulesOverride }} [settings]
 *   explicit location, relative paths resolved against `cwd` (default: the process's); `rules`
 *   replaces the config's rules
 * @returns {OpenResult | undefined}
 */
export function workspaceFor(filePath, { root, configFile, cwd = process.cwd(), rules: override } = {}) {
  if (!isAbsolute(filePath) || !SOURCE_EXTENSIONS.has(extname(filePath))) {
    return undefined;
  }
  const location = locate({ root, configFile }, cwd, dirname(filePath));
  if (!isInside(location.root, filePath)) {
    return undefined;
  }
  const key = `${location.root}\0${location.configFile ?? ''}\0${override?.json ?? ''}`;
  const now = Date.now();
  let opened = openWorkspaces.get(key);
  if (opened !== undefined && now - opened.lastUsed > IDLE_REFRESH_MS) {
    // A pause means an editor, not a batch run: files may have changed since the last check.
    if (configStamp(location.configFile) !== opened.configStamp) {
      opened = undefined;
    } else {
      opened.workspace?.refresh();
      opened.prefetch?.stop();
    }
  }
  if (opened === undefined) {
    const stamp = configStamp(location.configFile);
    try {
      const workspace = openWorkspace(location.root, location.configFile, override);
      // Workers check with the config's rules; a workspace with other rules checks on demand.
      const prefetch =
        override === undefined ? new Prefetch(location.root, location.configFile, workspace.sourceFiles().length) : undefined;
      opened = { workspace, prefetch, configStamp: stamp, lastUsed: now };
    } catch (error) {
      if (!(error instanceof PalisadeConfigError)) {
        throw error;
      }
      opened = { configError: error, configStamp: stamp, lastUsed: now };
    }
    openWorkspaces.set(key, opened);
  }
  opened.lastUsed = now;
  return opened;
}

/**
 * Diagnostics for `filePath` with text `text`: the prefetched result when a batch run has one
 * for exactly this text, else checked now.
 * @param {{ workspace: any, prefetch?: Prefetch }} opened
 */
export function checkOpened(opened, filePath, text) {
  return opened.prefetch?.take(filePath, text) ?? opened.workspace.checkFile(filePath, text);
}

/** After this long without a check, cached file-system facts are refreshed. */
const IDLE_REFRESH_MS = 2000;

/** Changes when the config file is edited, created or deleted. */
function configStamp(configFile) {
  if (configFile === undefined) {
    return '';
  }
  const stats = statSync(configFile, { throwIfNoEntry: false });
  return stats === undefined ? 'missing' : `${stats.mtimeMs}:${stats.size}`;
}

function isInside(root, filePath) {
  const path = relative(root, filePath);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}
