// `palisade init --preset`: each preset writes a palisade.json that opens, fitted to the folders
// and tags of the workspace, and that reports the example workspace's seeded violations.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { workspaceWith } from '../temporary-workspace.mjs';

const PALISADE = fileURLToPath(new URL('../../npm/palisade/bin/palisade.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/nx-nest/', import.meta.url));

function palisade(root, ...args) {
  return spawnSync(process.execPath, [PALISADE, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** The example workspace without its palisade.json. */
function example() {
  const root = workspaceWith({});
  cpSync(EXAMPLE, root, { recursive: true });
  rmSync(join(root, 'palisade.json'));
  return root;
}

function checked(root) {
  const result = palisade(root, 'check', '--format', 'json');
  assert.equal(result.status, 1, result.stderr);
  return JSON.parse(result.stdout).diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`);
}

const written = (root) => readFileSync(join(root, 'palisade.json'), 'utf8');

test('nestjs-layered: layers per bounded context, found in libs/<scope>/<layer>', () => {
  const root = example();
  const result = palisade(root, 'init', '--preset', 'nestjs-layered');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, 'wrote palisade.json from the nestjs-layered preset\n');
  const text = written(root);
  for (const element of [
    '{"type":"domain","pattern":"libs/{scope}/domain/**"}',
    '{"type":"interface","pattern":"libs/{scope}/api/**"}',
    '{"type":"app","pattern":"apps/api/**"}',
    '{"type":"shared","pattern":"libs/shared/**"}',
  ]) {
    assert.ok(text.includes(element), `${element} in\n${text}`);
  }
  assert.match(text, /^\s+\/\/ Use cases depend on their own domain only\.$/mu);
  assert.match(text, /"ignore": \["eslint\.config\.mjs","tools\/\*\*"\]/u);
  const found = checked(root);
  for (const expected of [
    'dependencies apps/api/src/health.controller.ts:3',
    'dependencies libs/billing/api/src/index.ts:4',
    'dependencies libs/billing/application/src/lib/create-invoice.service.ts:6',
    'dependencies libs/orders/domain/src/lib/order-factory.ts:3',
    'external libs/billing/domain/src/lib/invoice-number.ts:2',
    'external libs/billing/application/src/lib/revenue-report.service.ts:4',
    'entry-point libs/orders/application/src/lib/get-order.service.ts:7',
  ]) {
    assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
  }
  assert.ok(!found.some((d) => d.startsWith('no-unknown-files')), found.join('\n'));
});

test('hexagonal: controllers and repositories are adapters; a missing ports layer is a note', () => {
  const root = example();
  const result = palisade(root, 'init', '--preset', 'hexagonal');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^note: no ports folder found/mu);
  const text = written(root);
  assert.ok(text.includes('{"type":"adapters","pattern":"libs/{scope}/api/**"}'), text);
  assert.ok(text.includes('{"type":"adapters","pattern":"libs/{scope}/infrastructure/**"}'), text);
  const found = checked(root);
  assert.ok(found.includes('dependencies libs/orders/domain/src/lib/order-factory.ts:3'), found.join('\n'));
  assert.ok(found.includes('dependencies libs/billing/api/src/index.ts:4'), found.join('\n'));
});

test('nx-scope-type: constraints from the tags the projects carry', () => {
  const root = example();
  assert.equal(palisade(root, 'init', '--preset', 'nx-scope-type').status, 0);
  const text = written(root);
  assert.ok(text.includes('{"sourceTag":"scope:orders","onlyDependOnLibsWithTags":["scope:orders","scope:shared"]}'), text);
  assert.ok(text.includes('{"sourceTag":"scope:api","onlyDependOnLibsWithTags":["*"]}'), text);
  assert.ok(text.includes('{"sourceTag":"type:domain","onlyDependOnLibsWithTags":["type:domain","type:util"]}'), text);
  const found = checked(root);
  assert.ok(found.includes('tags libs/billing/application/src/lib/create-invoice.service.ts:6'), found.join('\n'));
  assert.ok(found.includes('tags libs/orders/domain/src/lib/order-factory.ts:3'), found.join('\n'));
});

test('presets fit layers inside an app and flat library names, and name what they miss', () => {
  const root = workspaceWith({
    'package.json': '{ "name": "shop", "private": true }',
    'apps/shop/project.json': '{ "name": "shop", "projectType": "application" }',
    'apps/shop/src/main.ts': "import { placeOrder } from './orders/application/place-order';\nexport const main = placeOrder;\n",
    'apps/shop/src/orders/domain/order.ts': "import { placeOrder } from '../application/place-order';\nexport const order = placeOrder;\n",
    'apps/shop/src/orders/application/place-order.ts': "import { invoice } from '../../billing/domain/invoice';\nexport const placeOrder = invoice;\n",
    'apps/shop/src/billing/domain/invoice.ts': 'export const invoice = 1;\n',
    'libs/catalog-domain/project.json': '{ "name": "catalog-domain" }',
    'libs/catalog-domain/src/index.ts': 'export const product = 1;\n',
  });
  const result = palisade(root, 'init', '--preset', 'nestjs-layered');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /no infrastructure folder found/u);
  const text = written(root);
  for (const element of [
    '{"type":"domain","pattern":"apps/shop/src/{scope}/domain/**"}',
    '{"type":"domain","pattern":"libs/{scope}-domain/**"}',
    '{"type":"application","pattern":"apps/shop/src/{scope}/application/**"}',
  ]) {
    assert.ok(text.includes(element), `${element} in\n${text}`);
  }
  const found = checked(root);
  assert.ok(found.includes('dependencies apps/shop/src/orders/domain/order.ts:1'), found.join('\n'));
  assert.ok(found.includes('dependencies apps/shop/src/orders/application/place-order.ts:1'), found.join('\n'));

  const untagged = palisade(root, 'init', '--preset', 'nx-scope-type', '--force');
  assert.equal(untagged.status, 0, untagged.stderr);
  assert.match(untagged.stderr, /2 project\(s\) have no scope: or type: tag \(catalog-domain, shop\)/u);
  assert.match(untagged.stderr, /the constraints below are examples to adapt/u);
});

test('init --preset: unknown preset, --eslint-config with a preset, an empty workspace', () => {
  const root = workspaceWith({ 'package.json': '{}', 'src/index.ts': 'export const a = 1;\n' });
  let result = palisade(root, 'init', '--preset', 'onion');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--preset must be one of nestjs-layered, hexagonal, nx-scope-type, not `onion`/u);
  result = palisade(root, 'init', '--preset', 'hexagonal', '--eslint-config', 'x.json');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--eslint-config goes with --from-nx or --from-boundaries, not --preset/u);
  result = palisade(root, 'init', '--preset', 'hexagonal');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /no layer folder was found: the elements below are examples to adapt/u);
  assert.ok(written(root).includes('{"type":"domain","pattern":"libs/{scope}/domain/**"}'));
  assert.equal(palisade(root, 'check').status, 0);
});
