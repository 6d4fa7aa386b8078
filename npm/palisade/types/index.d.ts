// Types of `palisade`, the JS API (src/index.js): the workspace, what its checks return, and the
// rule metadata. Written by hand against what the engine returns; tests/cli/types.test.mjs checks
// them against real results from the example workspace and compiles the README's usage with them.

// The whole `palisade.json`; `palisade/config` exports its parts (types/config.d.ts, generated).
export type { PalisadeConfig } from './config.js';
import type { RulesConfig } from './config.js';

/**
 * Every rule id the engine knows: the keys of `palisade.json`'s `rules` (generated from the rule
 * registry), and `parse-error`, which is not configured (`ruleMetadata()` lists them; the test
 * above checks the two agree).
 */
export type RuleId = keyof RulesConfig | 'parse-error';

/** `palisade.json`'s `"warn"` and `"error"`; a rule that is `"off"` reports nothing. */
export type Severity = 'error' | 'warn';

/** A diagnostic as the checks of a `Workspace` give it. */
export interface Diagnostic {
  rule: RuleId;
  /** Which of the rule's messages, e.g. `deepImport` (see `ruleMetadata()`). */
  messageId: string;
  severity: Severity;
  /** Workspace-relative, `/`-separated. */
  file: string;
  message: string;
  /** What to do about it, imperative. */
  help: string;
  /** The values `message` and `help` were rendered with. */
  data: Record<string, string>;
  docsUrl: string;
  /** The import's specifier as written, for diagnostics on an import. */
  specifier?: string;
  /** `no-cycle`: the files (or projects) around the cycle, the first repeated at the end. */
  cycle?: string[];
  /** UTF-8 byte offset where the span (the quoted specifier) starts. */
  start: number;
  /** UTF-8 byte offset where it ends. */
  end: number;
  /** 1-based. */
  line: number;
  /** 0-based, in UTF-16 code units (as ESLint counts). */
  column: number;
  /** 1-based. */
  endLine: number;
  /** 0-based, in UTF-16 code units. */
  endColumn: number;
}

/** What a check of many files gives. */
export interface CheckReport {
  /** Sorted by file, position, rule. */
  diagnostics: Diagnostic[];
  /** Source files checked. */
  files: number;
  /** Imports (and other dependencies) they declare. */
  dependencies: number;
}

/** Where a workspace lives: `Workspace.locate`'s answer. */
export interface WorkspaceLocation {
  /** Absolute. */
  root: string;
  /** Absolute; `undefined` for the zero-config defaults. */
  configFile: string | undefined;
}

export interface OpenOptions {
  /** The workspace root, absolute or relative to the current directory. */
  root?: string;
  /** The `palisade.json` to use; without `root`, the root is its folder. */
  configFile?: string;
}

export interface LocateOptions extends OpenOptions {
  /** Where relative paths start and the search walks up from (default: the process's). */
  cwd?: string;
}

/** Worker threads started ahead of `reportInParallel` by `Workspace.startWorkers`. */
export interface WorkerPool {
  /** Stops the workers that are still running. */
  stop(): void;
}

export interface ParallelOptions {
  /** Threads in all, this one included (default: the number of cores, at most 4); 1 checks here only. */
  threads?: number;
  /** Workers from `Workspace.startWorkers` (then `threads` is theirs). */
  workers?: WorkerPool;
  /** Called as files are done. */
  onProgress?: (done: number, total: number) => void;
}

/** How a file depends on another. */
export type DependencyKind =
  | 'static'
  | 'side-effect'
  | 'type-only'
  | 'type-specifiers'
  | 'typeof-import'
  | 'export-from'
  | 'dynamic'
  | 'require'
  | 'require-resolve'
  | 'import-equals';

/** Where an import leads. */
export type ResolutionKind = 'file' | 'package' | 'workspace-package' | 'builtin' | 'unresolved' | 'ignored' | 'outside';

/** `app`, `lib` or `e2e`, as Nx would call the project. */
export type ProjectKind = 'app' | 'lib' | 'e2e';

/** 1-based line, 0-based UTF-16 column. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A diagnostic inside an `Explanation`: the same facts as a `Diagnostic`, with the span and its
 * positions nested rather than flattened.
 */
export interface ExplainedDiagnostic {
  rule: RuleId;
  messageId: string;
  severity: Severity;
  file: string;
  /** UTF-8 byte offsets. */
  span: { start: number; end: number };
  start: Position;
  end: Position;
  message: string;
  help: string;
  data: Record<string, string>;
  docsUrl: string;
  specifier?: string;
  cycle?: string[];
}

export interface ExplainedProject {
  name: string;
  /** Workspace-relative, `''` for a project at the root. */
  root: string;
  tags: string[];
  /** The name other projects import it by, when it declares one. */
  publicSpecifier?: string;
  /** Workspace-relative files that are its public entries. */
  entries: string[];
}

export interface ExplainedElement {
  type: string;
  /** `type`, or `type(k=v, …)` with its captures. */
  label: string;
  captures: Record<string, string>;
  /** The element instance's folder, workspace-relative. */
  base: string;
}

export interface ExplainedImport {
  specifier: string;
  kind: DependencyKind;
  /** 1-based. */
  line: number;
  /** 0-based, UTF-16. */
  column: number;
  resolution: ResolutionKind;
  /** The file, package or built-in it resolves to. */
  target?: string;
  targetProject?: string;
  targetElement?: string;
  /** Empty when every rule allows it. */
  diagnostics: ExplainedDiagnostic[];
}

/** Why one file gets the verdicts it gets: `Workspace.explain`. */
export interface Explanation {
  /** Workspace-relative (absolute when outside the workspace). */
  file: string;
  /** Why the file is not checked, when it is not; then only `file` and `rules` say more. */
  notChecked?: string;
  project?: ExplainedProject;
  element?: ExplainedElement;
  /** The rules that run, with their severity. */
  rules: Array<[RuleId, Severity]>;
  imports: ExplainedImport[];
  /** Diagnostics on the file rather than on an import (`no-unknown-files`, `parse-error`). */
  fileDiagnostics: ExplainedDiagnostic[];
}

export type GraphLevel = 'project' | 'element' | 'file';

export interface ArchitectureNode {
  /** Project name, element label or file. */
  id: string;
  /** Source files in it. */
  files: number;
  /** Project level: its tags (absent when it has none). */
  tags?: string[];
  /** Project level: its folder, workspace-relative (`''` for the root). */
  root?: string;
  /** Project level. */
  kind?: ProjectKind;
}

export interface ArchitectureLink {
  from: string;
  to: string;
  /** Imports along it. */
  imports: number;
  /** The rules that report imports along it, sorted; empty for a clean link. */
  violations: RuleId[];
}

/** The architecture as a graph: `Workspace.graph`. */
export interface ArchitectureGraph {
  nodes: ArchitectureNode[];
  links: ArchitectureLink[];
}

/** One project as a snapshot records it. */
export type SnapshotProject = {
  name: string;
  /** Root-relative, `''` for a project at the root. */
  root: string;
  tags?: string[];
  packageName?: string;
  entries?: string[];
  entryGlobs?: string[];
  publicSpecifier?: string;
  entryDeclaration?: string;
};

/**
 * Everything a per-file check reads besides the file: `Workspace.snapshot`, the SWC plugin's
 * config (docs/CONTRACT.md, "Snapshot", describes each field).
 */
export type WorkspaceSnapshot = {
  palisadeSnapshot: number;
  /** Absolute, or relative to the folder the snapshot is used from. */
  root: string;
  /** Root-relative; absent for the zero-config defaults. */
  configFile?: string;
  listings: string;
  texts: Record<string, string>;
  projects: SnapshotProject[];
  resolver?: Record<string, string>;
};

export interface RuleMessage {
  /** Template with `{{placeholders}}`. */
  message: string;
  help: string;
  /** The one line ESLint shows: `<message>. Help: <help>`. */
  eslint: string;
}

export interface RuleMetadata {
  id: RuleId;
  description: string;
  docsUrl: string;
  /** On in the zero-config defaults. */
  recommended: boolean;
  /**
   * What the rule looks at: each import, each file, or the whole import graph (`graph` rules run
   * where every file can be read: CLI, ESLint, API; not in the SWC plugin).
   */
  kind: 'per-import' | 'per-file' | 'graph';
  messages: Record<string, RuleMessage>;
}

/** Metadata of every rule: id, description, docs URL, zero-config default and message templates. */
export declare function ruleMetadata(): ReadonlyArray<RuleMetadata>;

/** A broken `palisade.json` (or broken settings): thrown by `Workspace.open`. */
export declare class PalisadeConfigError extends Error {
  constructor(message: string, location?: { file?: string; jsonPath?: string; line?: number; column?: number });
  name: 'PalisadeConfigError';
  /** The config file as the message names it. Set for errors in `palisade.json`. */
  file: string | undefined;
  /** Where in it, e.g. `rules.external[1].rules[0].from`. */
  jsonPath: string | undefined;
  /** 1-based. */
  line: number | undefined;
  /** 1-based. */
  column: number | undefined;
  /** An error the wasm module threw, as a `PalisadeConfigError` when it is one; anything else unchanged. */
  static fromWasm(error: unknown): unknown;
}

/** A workspace, opened once and asked many questions. */
export declare class Workspace {
  private constructor();
  /**
   * Opens the workspace at `root` / with `configFile`, or the one found from the current
   * directory. Sees the files as they are at that moment.
   * @throws {PalisadeConfigError} when palisade.json is broken
   */
  static open(options?: OpenOptions): Workspace;
  /** Where `open` with the same options finds the workspace, without opening it. */
  static locate(options?: LocateOptions): WorkspaceLocation;
  /** Starts the worker threads of `reportInParallel` ahead of time. */
  static startWorkers(location: WorkspaceLocation, threads?: number): WorkerPool;
  /** Absolute path of the workspace root (links resolved). */
  get root(): string;
  /** Absolute paths of the source files, sorted. */
  sourceFiles(): string[];
  /**
   * The root (workspace-relative, `''` for a root project) of the project owning each source
   * file, as `sourceFiles()` lists them; `null` where no project does.
   */
  sourceOwners(): Array<string | null>;
  /** Problems that did not stop loading (unreadable manifests, unusable tsconfig files). */
  warnings(): string[];
  /** Diagnostics of one file (absolute, or relative to the current directory); reads it when `text` is omitted. */
  checkFile(path: string, text?: string): Diagnostic[];
  /** Diagnostics of every source file, sorted by file, position, rule. */
  check(): Diagnostic[];
  /** Checks every source file. */
  report(): CheckReport;
  /** `report()` for the source files under `paths` only, reading only what they reach. */
  reportScope(paths: readonly string[]): CheckReport;
  /** `report()` on worker threads. */
  reportInParallel(options?: ParallelOptions): Promise<CheckReport>;
  /** Why one file gets its verdicts; reads it when `text` is omitted. */
  explain(path: string, text?: string): Explanation;
  /** The architecture as a graph of projects (default), elements or files. */
  graph(level?: GraphLevel): ArchitectureGraph;
  /** Everything a per-file check reads besides the file itself. */
  snapshot(): WorkspaceSnapshot;
  /** Frees the WebAssembly memory; the workspace cannot be used afterwards. */
  close(): void;
}
