// `palisade init`: reads a workspace's ESLint config (flat `eslint.config.*`, or `.eslintrc.json`
// with its `overrides`) and writes the palisade.json that gives the same verdicts. `--from-nx`
// takes `@nx/enforce-module-boundaries`, whose options Palisade's `enforce-module-boundaries` rule
// takes unchanged; `--from-boundaries` translates eslint-plugin-boundaries (init-boundaries.js).
// What cannot be carried over is reported, never dropped silently.

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromBoundaries } from './init-boundaries.js';

const NX_RULE = '@nx/enforce-module-boundaries';
const FLAT_CONFIG_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs'];
const TYPESCRIPT_CONFIG_NAMES = ['eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const LEGACY_CONFIG_NAMES = ['.eslintrc.json', '.eslintrc'];
const SEVERITIES = { 0: 'off', 1: 'warn', 2: 'error', off: 'off', warn: 'warn', error: 'error' };

/** A problem that stops the import, with a message naming the file. */
export class InitError extends Error {}

/**
 * Where the Nx rule is set in an ESLint config, in the order ESLint applies them (the last wins).
 * @typedef {{ where: string, files: unknown, setting: unknown }} RuleSite
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
 * Every place the config sets the Nx rule.
 * @param {Awaited<ReturnType<typeof eslintBlocks>>} blocks
 * @returns {RuleSite[]}
 */
export function nxRuleSites(blocks) {
  return blocks
    .filter((block) => block.rules?.[NX_RULE] !== undefined)
    .map((block) => ({ where: block.where, files: block.files, setting: block.rules[NX_RULE] }));
}

/**
 * The palisade.json equivalent of the Nx rule's settings, and what could not be carried over.
 * @param {RuleSite[]} sites
 * @returns {{ config: object, notes: string[] }}
 */
export function fromNx(sites) {
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
  if (last.files !== undefined && JSON.stringify(last.files) !== JSON.stringify(['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'])) {
    notes.push(`${last.where} applies to ${JSON.stringify(last.files)}; Palisade checks every source file of the workspace`);
  }
  const config = {
    $schema: './node_modules/palisade/schema.json',
    rules: { 'enforce-module-boundaries': [severity, options] },
  };
  notes.push('Palisade also reports deep imports through path aliases, which Nx lets through; add "deepImports": false to the options to match Nx exactly');
  return { config, notes };
}

/**
 * palisade.json from the ESLint config blocks: `source` is `nx` or `boundaries`.
 * @returns {{ config: object, notes: string[] }}
 */
export function importFrom(source, blocks) {
  if (source === 'nx') {
    return fromNx(nxRuleSites(blocks));
  }
  const imported = fromBoundaries(blocks);
  if (imported === undefined) {
    throw new InitError('the ESLint config sets no eslint-plugin-boundaries rule (boundaries/…)');
  }
  return imported;
}
