// `palisade check` on a workspace written by the bench generator (1,000 files, seeded violations
// and cycles): it reports exactly the generator's expected-violations.json, the same with one
// thread as with worker threads, and draws a progress bar on a terminal.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../npm/palisade/src/cli.js';
import { generateWorkspace } from '../../bench/generate.mjs';

const BIN = fileURLToPath(new URL('../../npm/palisade/bin/palisade.js', import.meta.url));
const root = join(mkdtempSync(join(tmpdir(), 'palisade-generated-')), 'ws');
generateWorkspace({ files: 1000, out: root, seed: 7 });
after(() => rmSync(join(root, '..'), { recursive: true, force: true }));

function check(threads) {
  const run = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '--threads', String(threads)], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(run.status, 1, run.stderr);
  return JSON.parse(run.stdout);
}

describe('a generated workspace', () => {
  const single = check(1);

  test('every seeded violation and cycle is found, none invented', () => {
    const expected = JSON.parse(readFileSync(join(root, 'expected-violations.json'), 'utf8'));
    const key = (d) => `${d.file}:${d.line} ${d.rule} ${d.specifier}`;
    assert.deepEqual(single.diagnostics.map(key).sort(), expected.map(key).sort());
    assert.ok(expected.some((d) => d.rule === 'no-cycle'), 'the generator seeds cycles');
    assert.ok(single.summary.files > 1000);
  });

  test('worker threads give the same report', () => {
    const parallel = check(2);
    assert.deepEqual(parallel.diagnostics, single.diagnostics);
    assert.deepEqual({ ...parallel.summary, durationMs: 0 }, { ...single.summary, durationMs: 0 });
  });

  test('a terminal gets a progress bar on stderr, cleared at the end; stdout gets only the report', async () => {
    const written = { stdout: '', stderr: '' };
    const stream = (name) => ({ isTTY: name === 'stderr', write: (text) => { written[name] += text; return true; } });
    const status = await main(['check', '--format', 'json', '--threads', '1'], {
      cwd: root,
      stdout: stream('stdout'),
      stderr: stream('stderr'),
      progressDelayMs: 0,
    });
    assert.equal(status, 1);
    assert.match(written.stderr, /█+░* \d+\/\d+ files/u);
    assert.ok(written.stderr.endsWith(`${'\r'}\u001b[2K`), 'the bar is cleared at the end');
    assert.equal(JSON.parse(written.stdout).summary.errors, single.summary.errors);
  });
});
