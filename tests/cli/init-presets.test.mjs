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

/** `palisade check`'s findings as `rule file:line`; it exits 1 when there are any, else 0. */
function checked(root) {
  const result = palisade(root, 'check', '--format', 'json');
  const diagnostics = JSON.parse(result.stdout).diagnostics;
  assert.equal(result.status, diagnostics.length > 0 ? 1 : 0, result.stderr);
  return diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`);
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

// The shape of ghostfolio (an Nx NestJS API and an Angular client, a `common` and a `ui` library
// reached only through wildcard path aliases, `interfaces/` folders of TypeScript interfaces):
// nothing in it is laid out in layers.
const NEST_AND_ANGULAR = {
  'package.json': '{ "name": "folio", "private": true }',
  'nx.json': '{}',
  'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@folio/common/*': ['libs/common/src/lib/*'], '@folio/ui/*': ['libs/ui/src/lib/*'] } } }),
  'apps/api/project.json': '{ "name": "api", "projectType": "application", "tags": [] }',
  'apps/api/src/main.ts': "import { helper } from '../../../libs/common/src/lib/helper';\nexport const main = helper;\n",
  'apps/api/src/app/portfolio/portfolio.controller.ts': [
    "import { Controller } from '@nestjs/common';",
    "import type { Position } from '@folio/common/interfaces';",
    "import type { PortfolioDetails } from './interfaces/portfolio-details.interface';",
    "import { ApiService } from '../../services/api/api.service';",
    '@Controller() export class PortfolioController { constructor(readonly api: ApiService) {} details?: PortfolioDetails; position?: Position; }',
    '',
  ].join('\n'),
  'apps/api/src/app/portfolio/interfaces/portfolio-details.interface.ts': 'export interface PortfolioDetails { value: number }\n',
  'apps/api/src/services/api/api.service.ts': "import { Injectable } from '@nestjs/common';\nimport { helper } from '@folio/common/helper';\n@Injectable() export class ApiService { value = helper; }\n",
  'apps/client/project.json': '{ "name": "client", "projectType": "application", "tags": [] }',
  'apps/client/src/app/pages/home/home.component.ts': [
    "import { Component } from '@angular/core';",
    "import { chart } from '@folio/ui/chart';",
    "import type { HomeState } from './interfaces/home.interface';",
    '@Component({}) export class HomeComponent { chart = chart; state?: HomeState; }',
    '',
  ].join('\n'),
  'apps/client/src/app/pages/home/interfaces/home.interface.ts': "import type { Position } from '@folio/common/interfaces';\nexport interface HomeState { positions: Position[] }\n",
  'libs/common/project.json': '{ "name": "common", "projectType": "library", "tags": [] }',
  'libs/common/src/lib/helper.ts': 'export const helper = 1;\n',
  'libs/common/src/lib/interfaces/index.ts': 'export interface Position { symbol: string }\n',
  'libs/ui/project.json': '{ "name": "ui", "projectType": "library", "tags": [] }',
  'libs/ui/src/lib/chart.ts': "import { Injectable } from '@angular/core';\nimport { helper } from '@folio/common/helper';\n@Injectable() export class Chart {}\nexport const chart = helper;\n",
};

test('layered presets on a NestJS + Angular workspace with no layers: a note, examples, and only real findings', () => {
  const root = workspaceWith(NEST_AND_ANGULAR);
  for (const name of ['nestjs-layered', 'hexagonal']) {
    const result = palisade(root, 'init', '--preset', name, '--force');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`^note: the ${name} preset does not fit this workspace: no project that is not a front end holds two of its layers side by side`, 'mu'));
    assert.match(result.stderr, /^note: found only api\/ ×1 with no other layer beside it \(apps\/api\/src\/services\/api\)/mu);
    const text = written(root);
    // No Angular or NestJS `interfaces/` folder is a layer, `apps` and `libs` are no scope, and
    // the libraries are no apps.
    assert.doesNotMatch(text, /interfaces\/\*\*|\{scope\d\}|\{app\d\}|"pattern":"libs\/\{app\}/u);
    for (const element of ['{"type":"app","pattern":"apps/{app}/**"}', '{"type":"shared","pattern":"libs/common/**"}', `{"type":"domain","pattern":"libs/{scope}/domain/**"}`]) {
      assert.ok(text.includes(element), `${element} in\n${text}`);
    }
    // common and ui are published by wildcard aliases: the engine lets their files be imported.
    assert.match(text, /"entry-point": "error"/u);
    assert.doesNotMatch(text, /"no-unknown-files"\s*:/u);
    assert.deepEqual(checked(root), ['entry-point apps/api/src/main.ts:1']);
  }
  // The NestJS `interfaces/` folders hold TypeScript interfaces, the Angular one is a front end's.
  assert.match(
    palisade(root, 'init', '--preset', 'nestjs-layered', '--force').stderr,
    /interfaces\/ ×2 with no other layer beside them \(apps\/api\/src\/app\/portfolio\/interfaces, libs\/common\/src\/lib\/interfaces\); interfaces\/ ×1 in front-end projects \(client\)/u,
  );

  const tagged = palisade(root, 'init', '--preset', 'nx-scope-type', '--force');
  assert.equal(tagged.status, 0, tagged.stderr);
  assert.match(tagged.stderr, /until then the "\*" constraint lets them depend on any project/u);
  assert.ok(written(root).includes('{"sourceTag":"*","onlyDependOnLibsWithTags":["*"]}'), written(root));
  assert.deepEqual(checked(root), ['entry-point apps/api/src/main.ts:1']);
});

test('layered presets on a pnpm workspace: apps from package.json under two folders, unbuilt packages resolved', () => {
  const nest = "import { Injectable } from '@nestjs/common';\n";
  const root = workspaceWith({
    'package.json': '{ "name": "notify", "private": true }',
    'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'libs/*'\n  - 'packages/*'\n  - 'playground/*'\n",
    'apps/api/package.json': '{ "name": "@notify/api", "private": true }',
    'apps/api/src/app/subscribers/subscribers.controller.ts': `${nest}import { GetSubscriber } from './usecases/get-subscriber.usecase';\nexport const controller = GetSubscriber;\n`,
    'apps/api/src/app/subscribers/usecases/get-subscriber.usecase.ts': `${nest}import { Repository } from '@notify/dal';\nimport { log } from '../../shared/log';\nimport { shared } from '@notify/shared';\n@Injectable() export class GetSubscriber { repository = Repository; log = log; shared = shared; }\n`,
    'apps/api/src/app/shared/log.ts': 'export const log = 1;\n',
    'apps/worker/package.json': '{ "name": "@notify/worker", "private": true }',
    'apps/worker/src/app/workflow/usecases/run-job.usecase.ts': `${nest}import { SendMessage } from '@notify/application-generic';\n@Injectable() export class RunJob { send = SendMessage; }\n`,
    'apps/web/package.json': '{ "name": "@notify/web", "private": true }',
    'apps/web/src/api/client.ts': "import { useState } from 'react';\nexport const client = useState;\n",
    'playground/demo/package.json': '{ "name": "demo", "private": true }',
    'playground/demo/src/main.ts': "import { shared } from '@notify/shared';\nexport const demo = shared;\n",
    'libs/dal/package.json': '{ "name": "@notify/dal", "main": "dist/index.js", "types": "dist/index.d.ts" }',
    'libs/dal/src/index.ts': `${nest}@Injectable() export class Repository {}\n`,
    'libs/application-generic/package.json': '{ "name": "@notify/application-generic", "main": "build/main/index.js" }',
    'libs/application-generic/src/index.ts': "export * from './usecases/send-message.usecase';\n",
    'libs/application-generic/src/usecases/send-message.usecase.ts': `${nest}import { Repository } from '@notify/dal';\n@Injectable() export class SendMessage { repository = Repository; }\n`,
    'packages/shared/package.json': '{ "name": "@notify/shared", "main": "src/index.ts" }',
    'packages/shared/src/index.ts': 'export const shared = 1;\n',
  });
  const result = palisade(root, 'init', '--preset', 'nestjs-layered');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^note: the nestjs-layered preset does not fit this workspace/mu);
  assert.match(result.stderr, /usecases\/ ×3 with no other layer beside them/u);
  assert.match(result.stderr, /api\/ ×1 in front-end projects \(@notify\/web\)/u);
  assert.doesNotMatch(result.stderr, /do not resolve/u);
  const text = written(root);
  for (const element of ['{"type":"app","pattern":"apps/{app}/**"}', '{"type":"app","pattern":"playground/demo/**"}', '{"type":"shared","pattern":"packages/shared/**"}']) {
    assert.ok(text.includes(element), `${element} in\n${text}`);
  }
  assert.doesNotMatch(text, /\{app2\}|usecases\/\*\*|"pattern":"apps\/api\/src\/app\/shared/u);
  // The two packages that are not built yet resolve to their source: nothing to report.
  assert.deepEqual(checked(root), []);
});

test('layered presets next to a front end: its layer folders are not layers, a second context joins', () => {
  const nest = "import { Injectable } from '@nestjs/common';\n";
  const root = workspaceWith({
    'package.json': '{ "name": "shop", "private": true }',
    'apps/api/project.json': '{ "name": "api", "projectType": "application" }',
    'apps/api/src/main.ts': "import { OrdersController } from '../../../libs/orders/api/src/orders.controller';\nexport const main = OrdersController;\n",
    'apps/web/project.json': '{ "name": "web", "projectType": "application" }',
    'apps/web/src/domain/cart.ts': "import { useCart } from '../application/use-cart';\nexport const cart = useCart;\n",
    'apps/web/src/application/use-cart.ts': "import { useState } from 'react';\nexport const useCart = useState;\n",
    'libs/orders/domain/project.json': '{ "name": "orders-domain" }',
    'libs/orders/domain/src/order.ts': "import { placeOrder } from '../../application/src/place-order';\nexport const order = placeOrder;\n",
    'libs/orders/application/project.json': '{ "name": "orders-application" }',
    'libs/orders/application/src/place-order.ts': `${nest}export const placeOrder = Injectable;\n`,
    'libs/orders/api/project.json': '{ "name": "orders-api" }',
    'libs/orders/api/src/orders.controller.ts': `${nest}import { placeOrder } from '../../application/src/place-order';\nexport const OrdersController = placeOrder;\n`,
    'libs/billing/domain/project.json': '{ "name": "billing-domain" }',
    'libs/billing/domain/src/invoice.ts': 'export const invoice = 1;\n',
    'libs/billing/api/project.json': '{ "name": "billing-api" }',
    'libs/billing/api/src/invoices.controller.ts': `${nest}import { order } from '../../../orders/domain/src/order';\nexport const InvoicesController = order;\n`,
  });
  const result = palisade(root, 'init', '--preset', 'nestjs-layered');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^note: not taken as layers: application\/ ×1 in front-end projects \(web\); domain\/ ×1 in front-end projects \(web\)$/mu);
  const text = written(root);
  for (const element of [
    '{"type":"domain","pattern":"libs/{scope}/domain/**"}',
    '{"type":"application","pattern":"libs/{scope}/application/**"}',
    '{"type":"interface","pattern":"libs/{scope}/api/**"}',
    '{"type":"app","pattern":"apps/{app}/**"}',
  ]) {
    assert.ok(text.includes(element), `${element} in\n${text}`);
  }
  assert.doesNotMatch(text, /apps\/web\/src\/(domain|application)/u);
  const found = checked(root);
  assert.ok(found.includes('dependencies libs/orders/domain/src/order.ts:1'), found.join('\n'));
  assert.ok(found.includes('dependencies libs/billing/api/src/invoices.controller.ts:2'), found.join('\n'));
  assert.ok(!found.some((d) => d.includes('apps/web/')), found.join('\n'));
});
