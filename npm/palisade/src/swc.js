// The SWC surface: where the plugin's `.wasm` is and the config it needs. The plugin sees no
// workspace, so it checks against a snapshot of it (its folder listings, palisade.json, the
// manifests and tsconfig files), made here once per workspace. SWC then checks each file it
// compiles with the same rule core as ESLint and the CLI, and fails on a violating import.
//
// SWC hands a plugin its config anew for every file, which costs time in proportion to the
// config's size; it also lets a plugin read files below its working directory. So by default the
// snapshot goes to a file there (`node_modules/.cache/palisade/`) and the config only names it.
// The file is not JSON: its listings and texts are tables the plugin searches where they lie
// (`snapshotFileBytes`), so opening it costs next to nothing beyond reading it.

import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { wasm } from './engine.js';
import { Workspace } from './index.js';

const require = createRequire(import.meta.url);

/** Where snapshot files go, below the working directory. */
export const SNAPSHOT_FOLDER = join('node_modules', '.cache', 'palisade');

/** @type {Map<string, object>} snapshots by root and config file, made once per process */
const snapshots = new Map();
/** @type {Set<string>} snapshot files written by this process (one per folder, root and config) */
const written = new Set();

/**
 * The absolute path of the plugin's `.wasm` (SWC cannot resolve a path relative to the config).
 * @returns {string}
 */
export function swcPluginPath() {
  return require.resolve('palisade-swc-plugin');
}

/**
 * The snapshot of the workspace the plugin checks against, made once per process.
 * @param {{ root?: string, configFile?: string, cwd?: string }} [options] as `Workspace.locate`
 * @returns {object}
 * @throws {import('./config-error.js').PalisadeConfigError} when palisade.json is broken
 */
export function workspaceSnapshot(options = {}) {
  const location = Workspace.locate(options);
  const key = `${location.root}\0${location.configFile ?? ''}`;
  let snapshot = snapshots.get(key);
  if (snapshot === undefined) {
    const workspace = Workspace.open(location);
    // Closed after success only: after an engine failure, closing would throw and hide it.
    snapshot = workspace.snapshot();
    workspace.close();
    snapshots.set(key, snapshot);
  }
  return snapshot;
}

/**
 * The name of the snapshot file of `snapshot`: one per workspace root and config file.
 * @param {{ root: string, configFile?: string }} snapshot
 * @returns {string}
 */
export function snapshotFileName(snapshot) {
  const identity = `${snapshot.root}\0${snapshot.configFile ?? ''}`;
  return `swc-snapshot-${createHash('sha1').update(identity).digest('hex').slice(0, 16)}.bin`;
}

/**
 * Writes `snapshot` below `folder` (SWC's working directory) and returns the file's absolute
 * path. One file per workspace and config, replaced whole (written aside, then renamed), so a
 * compile running meanwhile reads either version entire.
 * @param {object} snapshot
 * @param {string} folder
 * @returns {string}
 */
export function writeSnapshotFile(snapshot, folder) {
  const directory = join(folder, SNAPSHOT_FOLDER);
  const file = join(directory, snapshotFileName(snapshot));
  if (written.has(file)) return file;
  mkdirSync(directory, { recursive: true });
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, wasm().snapshotFileBytes(JSON.stringify(snapshot)));
  renameSync(aside, file);
  written.add(file);
  return file;
}

const SNAPSHOT_MODES = ['file', 'inline'];

/**
 * The plugin config for the workspace: pass it as the second element of the plugin entry. With
 * `snapshot: 'file'` (the default) the snapshot is written below the current directory, which
 * must be SWC's working directory when it compiles; `'inline'` puts it in the config itself.
 * Files created or deleted later are not in it; call again in a new process to refresh.
 * @param {{ root?: string, configFile?: string, cwd?: string, snapshot?: 'file' | 'inline' }} [options]
 *   where the workspace is, as `Workspace.locate`, and how the snapshot travels
 * @returns {object}
 * @throws {import('./config-error.js').PalisadeConfigError} when palisade.json is broken
 * @throws {TypeError} on an unknown `snapshot` mode
 */
export function swcPluginConfig(options = {}) {
  const { snapshot: mode = 'file', ...location } = options;
  if (!SNAPSHOT_MODES.includes(mode)) {
    throw new TypeError(`palisade/swc: \`snapshot\` is 'file' or 'inline', not ${JSON.stringify(mode)}`);
  }
  const snapshot = workspaceSnapshot(location);
  if (mode === 'inline') return snapshot;
  return { palisadeSnapshotFile: writeSnapshotFile(snapshot, process.cwd()) };
}

/**
 * The entry for `jsc.experimental.plugins`: `[absoluteWasmPath, config]`.
 * @param {{ root?: string, configFile?: string, cwd?: string, snapshot?: 'file' | 'inline' }} [options]
 *   as `swcPluginConfig`
 * @returns {[string, object]}
 */
export function swcPlugin(options = {}) {
  return [swcPluginPath(), swcPluginConfig(options)];
}
