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
import { swcPluginPath } from 'palisade/swc';

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
  const errors = compile(EXAMPLE, VIOLATING, [swcPluginPath(), { palisadeSnapshot: 2, root: '.', listings: [], texts: {}, projects: [] }]);
  assert.match(errors, /palisade: the SWC plugin config is not usable: the Palisade snapshot:1:\d+: listings: invalid type: sequence, expected a string/u);
  assert.doesNotMatch(errors, /panicked|RuntimeError|unreachable/u);
  const missing = compile(EXAMPLE, VIOLATING, [swcPluginPath(), {}]);
  assert.match(missing, /the SWC plugin needs its workspace config/u);
});
