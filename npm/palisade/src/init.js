// `palisade init`: reads a workspace's ESLint config (flat `eslint.config.*`, or `.eslintrc.json`
// with its `overrides`) and writes the palisade.json that gives the same verdicts. `--from-nx`
// takes `@nx/enforce-module-boundaries`, whose options Palisade's `enforce-module-boundaries` rule
// takes unchanged; `--from-boundaries` translates eslint-plugin-boundaries (init-boundaries.js).
// Both carry `import/no-cycle` over to `no-cycle`. What cannot be carried over is reported, never
// dropped silently.

import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openWorkspace } from './engine.js';
import { fromBoundaries } from './init-boundaries.js';

const NX_RULE = '@nx/enforce-module-boundaries';
const FLAT_CONFIG_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs'];
const TYPESCRIPT_CONFIG_NAMES = ['eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const LEGACY_CONFIG_NAMES = ['.eslintrc.json', '.eslintrc'];
const SEVERITIES = { 0: 'off', 1: 'warn', 2: 'error', off: 'off', warn: 'warn', error: 'error' };
/** eslint-plugin-import's and eslint-plugin-import-x's cycle rule, under their usual plugin names. */
const CYCLE_RULES = ['import/no-cycle', 'import-x/no-cycle'];
/** The extensions of Palisade's source files. */
const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/** A problem that stops the import, with a message naming the file. */
export class InitError extends Error {}

/**
 * Where a rule is set in an ESLint config, in the order ESLint applies them (the last wins).
 * @typedef {{ where: string, name: string, files: unknown, setting: unknown }} RuleSite
 */

/**
 * The workspace's source files and the imports between them, as Palisade sees them without a
 * palisade.json: what tells whether leaving some files out changes the import graph.
 * @typedef {{ files: string[], links: { from: string, to: string }[] }} SourceGraph
 */

/**
 * The ESLint config file of the workspace at `root`: `explicit` when given, else the first flat
 * config, else `.eslintrc.json`.
 * @param {string} root
 * @param {string | undefined} explicit absolute
 */
export function findEslintConfig(root, explicit) {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) {
      throw new InitError(`${explicit}: no such ESLint config`);
    }
    return explicit;
  }
  for (const name of [...FLAT_CONFIG_NAMES, ...TYPESCRIPT_CONFIG_NAMES, ...LEGACY_CONFIG_NAMES]) {
    const candidate = join(root, name);
    if (existsSync(candidate)) {
      return candidate;
    }
  }
  throw new InitError(
    `no ESLint config in ${root} (looked for ${[...FLAT_CONFIG_NAMES, ...LEGACY_CONFIG_NAMES].join(', ')}); name one with --eslint-config`,
  );
}

/**
 * The blocks of an ESLint config in the order ESLint applies them: each flat config object, or an
 * `.eslintrc.json` and then each of its `overrides`.
 * @param {string} file absolute
 * @returns {Promise<{ where: string, files: unknown, settings: object | undefined, rules: object | undefined }[]>}
 */
export async function eslintBlocks(file) {
  const name = basename(file);
  if (TYPESCRIPT_CONFIG_NAMES.includes(name)) {
    throw new InitError(`${name}: a TypeScript ESLint config cannot be loaded by Node ${process.versions.node}; pass the compiled config, or an .eslintrc.json, with --eslint-config`);
  }
  if (LEGACY_CONFIG_NAMES.includes(name) || name.endsWith('.json')) {
    let config;
    try {
      config = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new InitError(`${name}: not valid JSON: ${error.message}`);
    }
    const top = { where: `${name} rules`, files: undefined, settings: config?.settings, rules: config?.rules };
    const overrides = (config?.overrides ?? []).map((override, index) => ({
      where: `${name} overrides[${index}]`,
      files: override?.files,
      settings: override?.settings,
      rules: override?.rules,
    }));
    return [top, ...overrides];
  }
  let loaded;
  try {
    loaded = (await import(pathToFileURL(file).href)).default;
  } catch (error) {
    throw new InitError(`${name}: cannot be loaded: ${error.message}`);
  }
  const blocks = (await loaded) ?? [];
  return (Array.isArray(blocks) ? blocks.flat(Infinity) : [blocks]).map((block, index) => ({
    where: `${name} [${index}]`,
    files: block?.files,
    settings: block?.settings,
    rules: block?.rules,
  }));
}

/**
 * Every place the config sets one of the rules `names`.
 * @param {Awaited<ReturnType<typeof eslintBlocks>>} blocks
 * @param {string[]} names
 * @returns {RuleSite[]}
 */
export function ruleSites(blocks, names) {
  return blocks.flatMap((block) => names
    .filter((name) => block.rules?.[name] !== undefined)
    .map((name) => ({ where: block.where, name, files: block.files, setting: block.rules[name] })));
}

/** Every place the config sets the Nx rule. */
export function nxRuleSites(blocks) {
  return ruleSites(blocks, [NX_RULE]);
}

/**
 * The source files and imports of the workspace at `root`, read without its palisade.json.
 * @param {string} root absolute
 * @returns {SourceGraph}
 */
export function sourceGraph(root) {
  const workspace = openWorkspace(root, undefined);
  // Freed after success only: after an engine failure, freeing would throw and hide it.
  const files = workspace.sourceFiles().map((file) => relative(root, file).split(sep).join('/'));
  const { links } = workspace.architecture('file');
  workspace.free();
  return { files, links };
}

/**
 * The palisade.json equivalent of the Nx rule's settings, and what could not be carried over.
 * @param {RuleSite[]} sites
 * @param {() => SourceGraph} [graph] the workspace, read only when the rule's `files` scope
 *   leaves some source files out
 * @returns {{ config: object, notes: string[] }}
 */
export function fromNx(sites, graph) {
  if (sites.length === 0) {
    throw new InitError(`the ESLint config does not set ${NX_RULE}`);
  }
  const notes = [];
  const last = sites.at(-1);
  const [level, options = {}] = Array.isArray(last.setting) ? last.setting : [last.setting];
  const severity = SEVERITIES[level];
  if (severity === undefined) {
    throw new InitError(`${last.where}: ${NX_RULE} has severity ${JSON.stringify(level)}, not off, warn or error`);
  }
  if (sites.length > 1) {
    notes.push(
      `${NX_RULE} is set in ${sites.length} places (${sites.map((site) => site.where).join(', ')}); palisade.json has one setting for the whole workspace, so it takes the last one (${last.where}), which ESLint applies over the others`,
    );
  }
  const ignore = scopeAsIgnore(last, graph, notes);
  const config = {
    $schema: './node_modules/palisade/schema.json',
    ...(ignore.length > 0 ? { ignore } : {}),
    rules: { 'enforce-module-boundaries': [severity, options] },
  };
  notes.push('Palisade also reports deep imports through path aliases, which Nx lets through; add "deepImports": false to the options to match Nx exactly');
  return { config, notes };
}

/**
 * The `files` scope of the Nx rule's site as `ignore` globs. palisade.json has no per-rule file
 * scope, only `ignore`, which also takes files out of the import graph; so a scope is carried over
 * only when it leaves out whole extensions that no file in the scope imports (config files such
 * as `*.cjs`). Any other scope is named in a note.
 * @param {RuleSite} site
 * @param {(() => SourceGraph) | undefined} graph
 * @param {string[]} notes
 * @returns {string[]}
 */
function scopeAsIgnore(site, graph, notes) {
  if (site.files === undefined) {
    return [];
  }
  const scope = `${site.where} applies ${NX_RULE} to ${JSON.stringify(site.files)} only`;
  const covered = scopeExtensions(site.files);
  const leftOut = covered === undefined ? undefined : SOURCE_EXTENSIONS.filter((extension) => !covered.has(extension));
  if (leftOut?.length === 0) {
    return [];
  }
  if (leftOut === undefined || graph === undefined) {
    notes.push(`${scope}; palisade.json has no per-rule file scope, so Palisade checks every source file of the workspace with it`);
    return [];
  }
  const { files, links } = graph();
  const extension = (file) => /\.([^./]+)$/u.exec(file)?.[1] ?? '';
  const importedBy = new Map();
  for (const link of links) {
    if (covered.has(extension(link.from)) && leftOut.includes(extension(link.to)) && !importedBy.has(extension(link.to))) {
      importedBy.set(extension(link.to), link);
    }
  }
  const carried = leftOut.filter((left) => !importedBy.has(left));
  if (carried.length > 0) {
    const count = files.filter((file) => carried.includes(extension(file))).length;
    notes.push(
      `${scope}; palisade.json has no per-rule file scope, so the source files it leaves out (${carried.map((left) => `*.${left}`).join(', ')}: ${count} file(s), none imported by a file in the scope) are in "ignore", which leaves them out of every rule and of the import graph`,
    );
  }
  for (const [left, link] of importedBy) {
    notes.push(`${scope}; *.${left} files cannot be left out (${link.from} imports ${link.to}, and "ignore" would take them out of the import graph), so Palisade checks them with it too`);
  }
  return carried.map((left) => `**/*.${left}`);
}

/**
 * The extensions an ESLint `files` setting covers, when it lists only extension globs (`*.tsx`,
 * the same after `**` and a slash, or with braces: `*.{js,jsx}`); undefined for any other scope.
 * @param {unknown} files
 * @returns {Set<string> | undefined}
 */
function scopeExtensions(files) {
  const patterns = typeof files === 'string' ? [files] : files;
  if (!Array.isArray(patterns)) {
    return undefined;
  }
  const extensions = new Set();
  for (const pattern of patterns) {
    // Nested arrays (all must match), functions and negations narrow the scope in other ways.
    const match = typeof pattern === 'string' ? /^(?:\*\*\/)?\*\.(?:\{([\w,]+)\}|(\w+))$/u.exec(pattern) : null;
    if (match === null) {
      return undefined;
    }
    for (const name of (match[1] ?? match[2]).split(',')) {
      extensions.add(name);
    }
  }
  return extensions;
}

/**
 * `import/no-cycle` (or `import-x/no-cycle`) as Palisade's `no-cycle`, or a note that file cycles
 * go unchecked: palisade.json lists only what was carried over, so the rule Palisade runs
 * without one is off unless the ESLint config turns its counterpart on.
 * @param {Awaited<ReturnType<typeof eslintBlocks>>} blocks
 * @param {'nx' | 'boundaries'} source Nx's rule reports cycles between projects itself
 * @param {string[]} notes
 * @returns {[string, object] | undefined}
 */
function cycleRule(blocks, source, notes) {
  const sites = ruleSites(blocks, CYCLE_RULES);
  const suggested = source === 'nx' ? '["error", { "projects": false }]' : '"error"';
  const howToCheck = `add "no-cycle": ${suggested} to the rules of palisade.json to check them (without a palisade.json, Palisade does)`;
  if (sites.length === 0) {
    notes.push(`file cycles are not checked: the ESLint config does not set ${CYCLE_RULES.join(' or ')}; ${howToCheck}`);
    return undefined;
  }
  const last = sites.at(-1);
  const [level, options = {}] = Array.isArray(last.setting) ? last.setting : [last.setting];
  const severity = SEVERITIES[level];
  if (severity === undefined || severity === 'off') {
    const why = severity === undefined ? `has severity ${JSON.stringify(level)}, not off, warn or error` : 'is off';
    notes.push(`file cycles are not checked: ${last.name} ${why} in ${last.where}; ${howToCheck}`);
    return undefined;
  }
  if (sites.length > 1) {
    notes.push(`${last.name} is set in ${sites.length} places (${sites.map((site) => site.where).join(', ')}); palisade.json takes the last one (${last.where})`);
  }
  // Both rules follow import() unless allowUnsafeDynamicCyclicDependency, and never `import type`;
  // neither looks for cycles between projects as such (Nx's rule does, enforce-module-boundaries too).
  const setting = [severity, { dynamic: options.allowUnsafeDynamicCyclicDependency !== true, projects: false }];
  const projectCycles = source === 'nx' ? 'left to enforce-module-boundaries, as in Nx' : 'not reported, as by eslint-plugin-boundaries; set "projects": true to report them';
  notes.push(
    `${last.name} (${last.where}) is carried over as "no-cycle": ${JSON.stringify(setting)}: type-only imports never count, import() counts unless allowUnsafeDynamicCyclicDependency; cycles between projects are ${projectCycles}; Palisade also follows require() calls, which ${last.name} mostly does not`,
  );
  if (typeof options.maxDepth === 'number' && Number.isFinite(options.maxDepth)) {
    notes.push(`${last.name} maxDepth ${options.maxDepth} is not carried over: Palisade reports cycles of any length`);
  }
  if (options.ignore !== undefined) {
    notes.push(`${last.name} ignore ${JSON.stringify(options.ignore)} is not carried over: no-cycle's "ignore" takes workspace-relative file globs, not module name patterns`);
  }
  return setting;
}

/**
 * palisade.json from the ESLint config blocks: `source` is `nx` or `boundaries`.
 * @param {'nx' | 'boundaries'} source
 * @param {Awaited<ReturnType<typeof eslintBlocks>>} blocks
 * @param {() => SourceGraph} [graph] the workspace's files and imports, read when needed
 * @returns {{ config: object, notes: string[] }}
 */
export function importFrom(source, blocks, graph) {
  let imported;
  if (source === 'nx') {
    imported = fromNx(nxRuleSites(blocks), graph);
  } else {
    imported = fromBoundaries(blocks);
    if (imported === undefined) {
      throw new InitError('the ESLint config sets no eslint-plugin-boundaries rule (boundaries/…)');
    }
  }
  const cycles = cycleRule(blocks, source, imported.notes);
  if (cycles !== undefined) {
    imported.config.rules['no-cycle'] = cycles;
  }
  return imported;
}
