// SWC's own build tools with the plugin entry in `.swcrc`, as a user sets it up: `palisade
// swc-config` writes the entry (the plugin by package name, the workspace snapshot with a relative
// root), `@swc/cli` compiles the example's API app and stops on its seeded violation, then
// compiles once the violation is gone; `@swc/jest` runs a clean test file and fails one whose
// module under test breaks the architecture. The workspace is a copy inside this repository, so
// that SWC and Jest find `palisade-swc-plugin` and `@swc/jest` in its node_modules.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../npm/palisade/src/cli.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(REPO, 'examples/nx-nest');
const BIN = join(REPO, 'node_modules/.bin');
const CONTROLLER = 'apps/api/src/health.controller.ts';

let workspace;

before(async () => {
  workspace = mkdtempSync(join(REPO, 'tests/swc/.scratch-'));
  cpSync(EXAMPLE, workspace, { recursive: true, filter: (path) => !path.includes('node_modules') });
  let entry = '';
  const io = { cwd: workspace, stdout: { write: (text) => { entry += text; } }, stderr: { write: () => {} } };
  assert.equal(await main(['swc-config'], io), 0);
  const swcrc = {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      experimental: { plugins: [JSON.parse(entry)] },
    },
    module: { type: 'commonjs' },
  };
  writeFileSync(join(workspace, '.swcrc'), JSON.stringify(swcrc, null, 2));
});

after(() => rmSync(workspace, { recursive: true, force: true }));

/** Runs a tool of node_modules/.bin in the workspace, without `RUST_BACKTRACE` (see TOOLCHAIN). */
function run(tool, args) {
  const env = { ...process.env };
  delete env.RUST_BACKTRACE;
  const result = spawnSync(join(BIN, tool), args, { cwd: workspace, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('@swc/cli stops on the seeded violation in the API app', () => {
  const { status, output } = run('swc', ['apps/api/src', '-d', 'dist']);
  assert.notEqual(status, 0, output);
  assert.match(output, /palisade\/dependencies: apps\/api\/src\/health\.controller\.ts:3:29: `app\(app=api\)` may not import `domain\(scope=orders\)`/u);
  assert.match(output, /help: import only elements that `app\(app=api\)` may depend on/u);
  assert.match(output, /palisade\/tags: apps\/api\/src\/health\.controller\.ts:3:29: `api` \(tagged `type:app`\)/u);
  assert.match(output, /import \{ OrderStatus \} from '@acme\/orders-domain';\n\s+:\s+\^+/u, 'SWC draws the code frame');
  assert.doesNotMatch(output, /panicked|RuntimeError/u);
});

test('@swc/cli compiles the API app once the violation is removed', () => {
  const fixed = readFileSync(join(workspace, CONTROLLER), 'utf8')
    .replace(/^\/\/ Seeded violation.*\n^import \{ OrderStatus \}.*\n/mu, '')
    .replace('; orderStates: number', '')
    .replace(', orderStates: Object.keys(OrderStatus).length', '');
  assert.doesNotMatch(fixed, /OrderStatus/u);
  writeFileSync(join(workspace, CONTROLLER), fixed);
  const { status, output } = run('swc', ['apps/api/src', '-d', 'dist']);
  assert.equal(status, 0, output);
  assert.match(output, /Successfully compiled: 3 files/u);
  for (const file of ['main', 'app.module', 'health.controller']) {
    assert.ok(existsSync(join(workspace, 'dist/apps/api/src', `${file}.js`)), `${file}.js was written`);
  }
});

test('@swc/jest runs a clean test file, and fails one that loads a violating module', () => {
  writeFileSync(join(workspace, 'jest.config.js'),
    "module.exports = { testEnvironment: 'node', transform: { '^.+\\\\.ts$': '@swc/jest' } };\n");
  writeFileSync(join(workspace, 'libs/shared/util/src/lib/money.spec.ts'), `import { Money } from './money';

describe('Money', () => {
  it('adds amounts of one currency', () => {
    expect(Money.of(150).add(Money.of(50)).toString()).toBe('2.00 EUR');
  });
});
`);
  writeFileSync(join(workspace, 'libs/billing/domain/src/lib/invoice-number.spec.ts'), `import { toInvoiceNumber } from './invoice-number';

it('formats invoice numbers', () => {
  expect(typeof toInvoiceNumber).toBe('function');
});
`);
  const clean = run('jest', ['--no-cache', 'libs/shared']);
  assert.equal(clean.status, 0, clean.output);
  assert.match(clean.output, /Tests:\s+1 passed, 1 total/u);
  const violating = run('jest', ['--no-cache', 'libs/billing/domain']);
  assert.notEqual(violating.status, 0, violating.output);
  assert.match(violating.output, /palisade\/external: libs\/billing\/domain\/src\/lib\/invoice-number\.ts:2:28: `domain\(scope=billing\)` may not import `@nestjs\/common`/u);
});
