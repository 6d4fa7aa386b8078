// Every palisade.json of the repository (the examples, the conformance corpus, the parity suites),
// read as the engine and editors read it, and the engine's verdict on each: the configs the
// schema and the generated types must accept are those the engine opens.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { PalisadeConfigError, Workspace } from '../../npm/palisade/src/index.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** @returns {string[]} the repository-relative paths of the tracked palisade.json files */
export function configFiles() {
  return execFileSync('git', ['ls-files', '--', '*palisade.json'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** JSON with comments and trailing commas, as palisade.json allows, read by TypeScript's reader. */
export function readJsonc(file) {
  const { config, error } = ts.parseConfigFileTextToJson(file, readFileSync(file, 'utf8'));
  assert.equal(error, undefined, `${file}: ${error?.messageText}`);
  return config;
}

/** Whether the engine opens the workspace of `file` with it, rather than refusing it as broken. */
export function engineOpens(file) {
  try {
    Workspace.open({ root: dirname(file), configFile: file }).close();
    return true;
  } catch (error) {
    if (!(error instanceof PalisadeConfigError)) {
      throw error;
    }
    return false;
  }
}
