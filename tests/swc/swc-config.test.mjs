// The `.swcrc` route: `palisade swc-config` prints a plugin entry whose workspace root is relative
// to the current directory, so the same entry works in every clone. A workspace copied to another
// folder after the entry was made still gets its verdicts; a broken entry is one readable error.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../npm/palisade/src/cli.js';
import { swcPlugin, swcPluginPath } from 'palisade/swc';

delete process.env.RUST_BACKTRACE;
const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const EXAMPLE = fileURLToPath(new URL('../../examples/nx-nest/', import.meta.url));
const VIOLATING = 'libs/billing/domain/src/lib/invoice-number.ts';

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'palisade-swcrc-')));
after(() => rmSync(scratch, { recursive: true, force: true }));

async function swcConfig(cwd, ...args) {
  let stdout = '';
  const io = { cwd, stdout: { write: (text) => { stdout += text; } }, stderr: { write: () => {} } };
  const code = await main(['swc-config', ...args], io);
  return { code, stdout };
}

/** Compiles `file` of the workspace at `root` with `entry`, SWC's working directory being `root`. */
function compile(root, file, entry) {
  const previous = process.cwd();
  process.chdir(root);
  try {
    swc.transformSync(readFileSync(join(root, file), 'utf8'), {
      filename: file,
      swcrc: false,
      configFile: false,
      jsc: { parser: { syntax: 'typescript', decorators: true }, experimental: { plugins: [entry] } },
    });
    return '';
  } catch (error) {
    return String(error?.message ?? error);
  } finally {
    process.chdir(previous);
  }
}

test('the entry names the plugin package and a root relative to the current directory', async () => {
  const { code, stdout } = await swcConfig(EXAMPLE);
  assert.equal(code, 0);
  const [name, config] = JSON.parse(stdout);
  assert.equal(name, 'palisade-swc-plugin');
  assert.equal(config.root, '.');
  assert.equal(config.configFile, 'palisade.json');
  assert.ok(Object.keys(config.texts).every((path) => !path.startsWith('/')), 'texts are keyed by relative paths');
});

test('an entry made in one folder works after the workspace moves', async () => {
  const first = join(scratch, 'first');
  cpSync(EXAMPLE, first, { recursive: true, filter: (path) => !path.includes('node_modules') });
  const { stdout } = await swcConfig(first, '--format', 'config');
  const moved = join(scratch, 'elsewhere', 'moved');
  mkdirSync(join(scratch, 'elsewhere'));
  renameSync(first, moved);
  const errors = compile(moved, VIOLATING, [swcPluginPath(), JSON.parse(stdout)]);
  assert.match(errors, /palisade\/external: libs\/billing\/domain\/src\/lib\/invoice-number\.ts:2:28: `domain\(scope=billing\)` may not import `@nestjs\/common`/u);
  assert.equal(compile(moved, 'libs/shared/util/src/lib/money.ts', [swcPluginPath(), JSON.parse(stdout)]), '');
});

test('a broken entry is one readable error naming what is wrong', () => {
  const errors = compile(EXAMPLE, VIOLATING, [swcPluginPath(), { palisadeSnapshot: 3, root: '.', listings: [], texts: {}, projects: [] }]);
  assert.match(errors, /palisade: the SWC plugin config is not usable: the Palisade snapshot:1:\d+: listings: expected a string, found an array/u);
  assert.doesNotMatch(errors, /panicked|RuntimeError|unreachable/u);
  const missing = compile(EXAMPLE, VIOLATING, [swcPluginPath(), {}]);
  assert.match(missing, /the SWC plugin needs its workspace config/u);
});

/** The JSON header of a snapshot file: after its magic line and the header's `u32` length. */
function snapshotHeader(file) {
  const bytes = readFileSync(file);
  const magic = 'palisade-snapshot\n';
  assert.equal(bytes.subarray(0, magic.length).toString('latin1'), magic);
  const length = bytes.readUInt32LE(magic.length);
  return JSON.parse(bytes.subarray(magic.length + 4, magic.length + 4 + length).toString('utf8'));
}

test('--snapshot file writes the snapshot below the current directory and the entry names it', async () => {
  const workspace = join(scratch, 'by-file');
  cpSync(EXAMPLE, workspace, { recursive: true, filter: (path) => !path.includes('node_modules') });
  const { code, stdout } = await swcConfig(workspace, '--snapshot', 'file');
  assert.equal(code, 0);
  const [name, config] = JSON.parse(stdout);
  assert.equal(name, 'palisade-swc-plugin');
  assert.deepEqual(Object.keys(config), ['palisadeSnapshotFile']);
  assert.match(config.palisadeSnapshotFile, /^node_modules\/\.cache\/palisade\/swc-snapshot-[0-9a-f]{16}\.bin$/u);
  assert.equal(snapshotHeader(join(workspace, config.palisadeSnapshotFile)).root, '.');
  const errors = compile(workspace, VIOLATING, [swcPluginPath(), config]);
  assert.match(errors, /palisade\/external: libs\/billing\/domain\/src\/lib\/invoice-number\.ts:2:28:/u);
  assert.equal(compile(workspace, 'libs/shared/util/src/lib/money.ts', [swcPluginPath(), config]), '');
});

test('swcPlugin() names a snapshot file by default, or carries it inline', () => {
  const previous = process.cwd();
  const folder = join(scratch, 'helper');
  mkdirSync(folder);
  process.chdir(folder);
  try {
    const [, byFile] = swcPlugin({ root: EXAMPLE });
    assert.deepEqual(Object.keys(byFile), ['palisadeSnapshotFile']);
    assert.ok(byFile.palisadeSnapshotFile.startsWith(join(folder, 'node_modules', '.cache', 'palisade')), byFile.palisadeSnapshotFile);
    assert.equal(snapshotHeader(byFile.palisadeSnapshotFile).palisadeSnapshot, 3);
    const [, inline] = swcPlugin({ root: EXAMPLE, snapshot: 'inline' });
    assert.equal(inline.palisadeSnapshot, 3);
    assert.throws(() => swcPlugin({ root: EXAMPLE, snapshot: 'disk' }), /`snapshot` is 'file' or 'inline', not "disk"/u);
  } finally {
    process.chdir(previous);
  }
});

test('a snapshot file SWC cannot read is one readable error', () => {
  const gone = compile(EXAMPLE, VIOLATING, [swcPluginPath(), { palisadeSnapshotFile: 'node_modules/.cache/palisade/gone.json' }]);
  assert.match(gone, /palisade: cannot read the workspace snapshot .*gone\.json: .*npx palisade swc-config --snapshot file/u);
  const outside = compile(EXAMPLE, VIOLATING, [swcPluginPath(), { palisadeSnapshotFile: join(scratch, 'x.json') }]);
  assert.match(outside, /palisade: the workspace snapshot .*x\.json is not below SWC's working directory/u);
  for (const errors of [gone, outside]) assert.doesNotMatch(errors, /panicked|RuntimeError|unreachable/u);
});

test('--snapshot is checked', async () => {
  let stderr = '';
  const io = { cwd: EXAMPLE, stdout: { write: () => {} }, stderr: { write: (text) => { stderr += text; } } };
  assert.equal(await main(['swc-config', '--snapshot', 'disk'], io), 2);
  assert.match(stderr, /--snapshot must be one of inline, file, not `disk`/u);
  assert.equal(await main(['graph', '--snapshot', 'file'], io), 2);
  assert.match(stderr, /--snapshot is an option of `palisade swc-config`/u);
});
