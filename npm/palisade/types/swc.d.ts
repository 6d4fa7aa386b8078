// Types of `palisade/swc` (src/swc.js): the SWC plugin's path and the config it needs, a snapshot
// of the workspace inline or in a file.

import type { LocateOptions, WorkspaceSnapshot } from './index.js';

/** `'file'` (default): the snapshot goes to a file below the current directory; `'inline'`: in the config. */
export type SnapshotMode = 'file' | 'inline';

export interface SwcPluginOptions extends LocateOptions {
  snapshot?: SnapshotMode;
}

/** The config naming a snapshot file, relative to SWC's working directory or absolute. */
export type SnapshotFileConfig = { palisadeSnapshotFile: string };

/** The plugin's config: the snapshot itself, or the file that holds it. */
export type SwcPluginConfig = WorkspaceSnapshot | SnapshotFileConfig;

/** Where snapshot files go, below the working directory: `node_modules/.cache/palisade`. */
export declare const SNAPSHOT_FOLDER: string;

/** The absolute path of the plugin's `.wasm`. */
export declare function swcPluginPath(): string;

/** The snapshot of the workspace, made once per process; throws `PalisadeConfigError` for a broken palisade.json. */
export declare function workspaceSnapshot(options?: LocateOptions): WorkspaceSnapshot;

/** The name of the snapshot file of `snapshot`: one per workspace root and config file. */
export declare function snapshotFileName(snapshot: { root: string; configFile?: string }): string;

/** Writes `snapshot` below `folder` and returns the file's absolute path. */
export declare function writeSnapshotFile(snapshot: WorkspaceSnapshot, folder: string): string;

/** The plugin's config (the second element of `swcPlugin()`); throws `PalisadeConfigError` for a broken palisade.json. */
export declare function swcPluginConfig(options: SwcPluginOptions & { snapshot: 'inline' }): WorkspaceSnapshot;
export declare function swcPluginConfig(options?: SwcPluginOptions & { snapshot?: 'file' }): SnapshotFileConfig;
export declare function swcPluginConfig(options?: SwcPluginOptions): SwcPluginConfig;

/** The entry for `jsc.experimental.plugins`: `[absoluteWasmPath, config]`. */
export declare function swcPlugin(options: SwcPluginOptions & { snapshot: 'inline' }): [string, WorkspaceSnapshot];
export declare function swcPlugin(options?: SwcPluginOptions & { snapshot?: 'file' }): [string, SnapshotFileConfig];
export declare function swcPlugin(options?: SwcPluginOptions): [string, SwcPluginConfig];
