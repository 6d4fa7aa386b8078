// Workspaces written to a fresh temporary directory for one test file, removed when it ends.

import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

const created = [];
after(() => {
  for (const dir of created) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes `files` (workspace-relative path → text) into a fresh directory and returns its real path. */
export function workspaceWith(files) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'palisade-test-')));
  created.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
