// The SWC surface: where the plugin's `.wasm` is and the config it needs. The plugin has no file
// system, so its config is a snapshot of the workspace (its folder listings, palisade.json, the
// manifests and tsconfig files), made here once per workspace. SWC then checks each file it
// compiles with the same rule core as ESLint and the CLI, and fails on a violating import.

import { createRequire } from 'node:module';
import { Workspace } from './index.js';

const require = createRequire(import.meta.url);

/** @type {Map<string, object>} snapshots by root and config file, made once per process */
const snapshots = new Map();

/**
 * The absolute path of the plugin's `.wasm` (SWC cannot resolve a path relative to the config).
 * @returns {string}
 */
export function swcPluginPath() {
  return require.resolve('palisade-swc-plugin');
}

/**
 * The plugin config for the workspace: pass it as the second element of the plugin entry.
 * Files created or deleted later are not in it; call again in a new process to refresh.
 * @param {{ root?: string, configFile?: string, cwd?: string }} [options] as `Workspace.locate`
 * @returns {object}
 * @throws {import('./config-error.js').PalisadeConfigError} when palisade.json is broken
 */
export function swcPluginConfig(options = {}) {
  const location = Workspace.locate(options);
  const key = `${location.root}\0${location.configFile ?? ''}`;
  let snapshot = snapshots.get(key);
  if (snapshot === undefined) {
    const workspace = Workspace.open(location);
    try {
      snapshot = workspace.snapshot();
    } finally {
      workspace.close();
    }
    snapshots.set(key, snapshot);
  }
  return snapshot;
}

/**
 * The entry for `jsc.experimental.plugins`: `[absoluteWasmPath, config]`.
 * @param {{ root?: string, configFile?: string, cwd?: string }} [options] as `Workspace.locate`
 * @returns {[string, object]}
 */
export function swcPlugin(options = {}) {
  return [swcPluginPath(), swcPluginConfig(options)];
}
