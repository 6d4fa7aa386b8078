// Scenarios for `palisade init --from-boundaries` against the real eslint-plugin-boundaries: the
// behaviours its own rule tests exercise (element classification, legacy and object selectors,
// both template syntaxes, entry points, external packages, unknown files), on fixtures of our own.
// Each group is one small package with one ESLint config. Every import line carries its
// expectation, named by the boundaries rule:
//   `// ok: why`                          neither tool reports it
//   `// expect <rule>: why`               boundaries/<rule> and Palisade's equivalent report it
//   `// palisade-only <rule>: why`        a deliberate difference (README): only Palisade reports
//   `// expect <rule> as <palisade rule>: why`  boundaries/<rule> reports it and Palisade's rule
//                                         that owns the case does: only the pairs in SPLIT_RULES
// Each annotation is one scenario. A group with `sameMessages` also requires both tools to print
// the same message for each finding (every finding there comes from a policy with a message).

/** The Palisade rule that gives each boundaries rule's verdicts. */
export const PALISADE_RULE = {
  'element-types': 'dependencies',
  dependencies: 'dependencies',
  'entry-point': 'entry-point',
  external: 'external',
  'no-unknown-files': 'no-unknown-files',
};

/**
 * Where one boundaries rule is two Palisade rules: boundaries/dependencies with `checkAllOrigins`
 * also judges npm packages and Node built-ins, which Palisade's `external` does.
 */
export const SPLIT_RULES = {
  'element-types': ['external'],
  dependencies: ['external'],
};

const lines = (...text) => `${text.join('\n')}\n`;

/**
 * A group with `typescript` also holds `.ts` files (type-only imports), which ESLint parses with
 * typescript-eslint's parser.
 * @typedef {{ name: string, settings: object, rules: object, files: Record<string, string>,
 *   npm?: string[], sameMessages?: boolean, typescript?: boolean }} Group
 */

/**
 * The files ESLint lints in a group's package, as the `files` of its config.
 * @param {Group} group
 */
export function lintedFiles(group) {
  return group.typescript ? ['**/*.js', '**/*.ts'] : ['**/*.js'];
}

/**
 * The same files as one pattern for the command line (each of its patterns must match a file).
 * @param {Group} group
 */
export function lintPattern(group) {
  return group.typescript ? '**/*.{js,ts}' : '**/*.js';
}

/** @type {Group[]} */
export const GROUPS = [
  {
    name: 'element-types with legacy selectors and ${} templates (v5)',
    settings: {
      'boundaries/elements': [
        { type: 'helpers', pattern: 'helpers/*', capture: ['category'] },
        { type: 'components', pattern: 'components/*/*', capture: ['family', 'elementName'] },
        { type: 'modules', pattern: 'modules/*', capture: ['elementName'] },
      ],
    },
    rules: {
      'boundaries/element-types': [2, {
        default: 'disallow',
        rules: [
          { from: 'helpers', allow: ['helpers'] },
          { from: ['components'], allow: ['helpers', ['components', { family: '${from.family}' }]] },
          { from: [['components', { family: 'molecules' }]], allow: [['components', { family: 'atoms' }]] },
          { from: ['modules'], allow: ['helpers', 'components', 'modules'] },
        ],
      }],
    },
    files: {
      'src/helpers/data/sort.js': lines(
        "import { roles } from '../permissions/roles.js'; // ok: a helper imports a helper",
        "import { AtomA } from '../../components/atoms/atom-a/index.js'; // expect element-types: a helper may not import a component",
        "import { parse } from './parse.js'; // ok: inside one element",
        "import { config } from '../../config.js'; // ok: the imported file is in no element",
        'export const sort = [roles, AtomA, parse, config];',
      ),
      'src/helpers/data/parse.js': 'export const parse = 1;\n',
      'src/helpers/permissions/roles.js': 'export const roles = 1;\n',
      'src/config.js': "import { sort } from './helpers/data/sort.js'; // ok: a file in no element is not checked\nexport const config = sort;\n",
      'src/components/atoms/atom-a/index.js': "export { AtomA } from './AtomA.js'; // ok: re-export inside one element\n",
      'src/components/atoms/atom-a/AtomA.js': lines(
        "import { AtomB } from '../atom-b/index.js'; // ok: same family through ${from.family}",
        "import { MoleculeA } from '../../molecules/molecule-a/index.js'; // expect element-types: another family",
        "import { sort } from '../../../helpers/data/sort.js'; // ok: components may import helpers",
        "import { ModuleA } from '../../../modules/module-a/index.js'; // expect element-types: components may not import modules",
        'export const AtomA = [AtomB, MoleculeA, sort, ModuleA];',
      ),
      'src/components/atoms/atom-b/index.js': 'export const AtomB = 1;\n',
      'src/components/molecules/molecule-a/index.js': lines(
        "import { AtomA } from '../../atoms/atom-a/index.js'; // ok: molecules may import atoms (a tuple selector on both sides)",
        'export const MoleculeA = AtomA;',
      ),
      'src/modules/module-a/index.js': lines(
        "import { MoleculeA } from '../../components/molecules/molecule-a/index.js'; // ok: modules may import components",
        "export * from '../module-b/index.js'; // ok: modules may re-export modules",
        'export const ModuleA = MoleculeA;',
      ),
      'src/modules/module-b/index.js': lines(
        "const lazy = () => import('../../helpers/data/sort.js'); // ok: a dynamic import of a helper",
        'export { lazy };',
      ),
    },
  },
  {
    name: 'dependencies with object selectors, {{ }} templates and negation (v6)',
    settings: {
      'boundaries/elements': [
        { type: 'domain', pattern: 'contexts/*/domain', capture: ['context'] },
        { type: 'application', pattern: 'contexts/*/application', capture: ['context'] },
        { type: 'infrastructure', pattern: 'contexts/*/infrastructure', capture: ['context'] },
        { type: 'shared', pattern: 'shared/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        rules: [
          { from: { type: '*' }, allow: [{ type: 'shared' }] },
          { from: { type: 'application' }, allow: [{ type: 'domain', captured: { context: '{{ from.captured.context }}' } }] },
          { from: { type: 'infrastructure' }, allow: [{ type: 'application', captured: { context: '{{ from.context }}' } }, { type: 'domain', captured: { context: '{{from.context}}' } }] },
          { from: { type: 'domain' }, allow: [{ type: 'domain' }], disallow: [{ type: 'domain', captured: { context: '!{{ from.captured.context }}' } }], message: '{{from.type}} of {{from.captured.context}} may not import the domain of {{to.captured.context}}' },
          { from: { type: 'shared', captured: { name: 'legacy' } }, disallow: [{ type: 'shared' }] },
        ],
      }],
    },
    files: {
      'src/contexts/orders/domain/order.js': lines(
        "import { money } from '../../../shared/money/index.js'; // ok: everyone may import shared",
        "import { invoice } from '../../billing/domain/invoice.js'; // expect dependencies: another context's domain (disallow with a negated template)",
        "import { placeOrder } from '../application/place-order.js'; // expect dependencies: the domain may not import the application",
        'export const order = [money, invoice, placeOrder];',
      ),
      'src/contexts/orders/domain/status.js': "import { order } from './order.js'; // ok: inside one element\nexport const status = order;\n",
      'src/contexts/orders/application/place-order.js': lines(
        "import { order } from '../domain/order.js'; // ok: its own context's domain ({{ from.captured.x }})",
        "import { invoice } from '../../billing/domain/invoice.js'; // expect dependencies: another context's domain",
        "import { repository } from '../infrastructure/repository.js'; // expect dependencies: the application may not import infrastructure",
        'export const placeOrder = [order, invoice, repository];',
      ),
      'src/contexts/orders/infrastructure/repository.js': lines(
        "import { placeOrder } from '../application/place-order.js'; // ok: its own context's application ({{ from.x }})",
        "import { status } from '../domain/status.js'; // ok: its own context's domain ({{from.x}})",
        "import { bill } from '../../billing/application/bill.js'; // expect dependencies: another context's application",
        'export const repository = [placeOrder, status, bill];',
      ),
      'src/contexts/billing/domain/invoice.js': 'export const invoice = 1;\n',
      'src/contexts/billing/application/bill.js': 'export const bill = 1;\n',
      'src/shared/money/index.js': "import { clock } from '../clock/index.js'; // ok: shared imports shared\nexport const money = clock;\n",
      'src/shared/clock/index.js': 'export const clock = 1;\n',
      'src/shared/legacy/index.js': "import { money } from '../money/index.js'; // expect dependencies: a later disallow on a captured value wins\nexport const legacy = money;\n",
    },
  },
  {
    name: 'dependencies with v7 policies: element selectors, to-side policies, type lists',
    settings: {
      'boundaries/elements': [
        { type: 'controller', pattern: 'controllers/*', capture: ['name'] },
        { type: 'model', pattern: 'models/*', capture: ['name'] },
        { type: 'view', pattern: 'views/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'controller' } }, allow: { to: { element: { type: ['model', 'view'] } } } },
          { from: { element: { type: 'view' } }, allow: { to: { element: { type: 'model' } } } },
          { to: { element: { type: 'model' } }, allow: [{ from: { element: { type: 'model', captured: { name: 'base' } } } }] },
          { from: { element: { type: 'view', captured: { name: 'admin' } } }, disallow: { to: { element: { type: 'model', captured: { name: 'secret' } } } } },
        ],
      }],
    },
    files: {
      'src/controllers/users/index.js': lines(
        "import { user } from '../../models/user/index.js'; // ok: a controller imports a model",
        "import { page } from '../../views/page/index.js'; // ok: a controller imports a view (a list of types)",
        "import { orders } from '../orders/index.js'; // expect dependencies: a controller may not import a controller",
        'export const users = [user, page, orders];',
      ),
      'src/controllers/orders/index.js': 'export const orders = 1;\n',
      'src/views/page/index.js': lines(
        "import { user } from '../../models/user/index.js'; // ok: a view imports a model",
        "import { users } from '../../controllers/users/index.js'; // expect dependencies: a view may not import a controller",
        'export const page = [user, users];',
      ),
      'src/views/admin/index.js': lines(
        "import { secret } from '../../models/secret/index.js'; // expect dependencies: a policy on captured values disallows it",
        "import { user } from '../../models/user/index.js'; // ok: other models stay allowed",
        'export const admin = [secret, user];',
      ),
      'src/models/user/index.js': lines(
        "import { base } from '../base/index.js'; // expect dependencies: models may not import models",
        'export const user = base;',
      ),
      'src/models/base/index.js': lines(
        "import { secret } from '../secret/index.js'; // ok: a policy fixing `to` lets the base model import models",
        'export const base = secret;',
      ),
      'src/models/secret/index.js': 'export const secret = 1;\n',
    },
  },
  {
    name: 'entry-point: allowed files per element',
    settings: {
      'boundaries/elements': [
        { type: 'components', pattern: 'components/*', capture: ['name'] },
        { type: 'helpers', pattern: 'helpers/*', capture: ['category'] },
      ],
    },
    rules: {
      'boundaries/entry-point': [2, {
        default: 'disallow',
        rules: [
          { target: ['components'], allow: 'index.js' },
          { target: [['helpers', { category: 'data' }]], allow: '*.js' },
          { target: ['helpers'], disallow: 'internal/**', message: 'helpers hide their internal folder' },
        ],
      }],
    },
    files: {
      'src/components/button/index.js': "export { Button } from './Button.js'; // ok: inside one element\n",
      'src/components/button/Button.js': 'export const Button = 1;\n',
      'src/components/form/index.js': lines(
        "import { Button } from '../button/index.js'; // ok: through its entry point",
        "import { Button as B } from '../button/Button.js'; // expect entry-point: a file that is not the entry point",
        "import { sort } from '../../helpers/data/sort.js'; // ok: data helpers expose every top-level file",
        "import { deep } from '../../helpers/data/nested/deep.js'; // expect entry-point: `*.js` does not reach into folders",
        "import { roles } from '../../helpers/permissions/roles.js'; // expect entry-point: no rule allows this helper's files (default disallow)",
        "import { secret } from '../../helpers/data/internal/secret.js'; // expect entry-point: a later disallow wins, with its message",
        'export const form = [Button, B, sort, deep, roles, secret];',
      ),
      'src/helpers/data/sort.js': 'export const sort = 1;\n',
      'src/helpers/data/nested/deep.js': 'export const deep = 1;\n',
      'src/helpers/data/internal/secret.js': 'export const secret = 1;\n',
      'src/helpers/permissions/roles.js': 'export const roles = 1;\n',
      'src/main.js': lines(
        "import { Button } from './components/button/Button.js'; // palisade-only entry-point: boundaries skips files in no element",
        'export const main = Button;',
      ),
    },
  },
  {
    name: 'external: npm packages and built-ins per element',
    npm: ['express', 'lodash', '@nestjs/common', 'react'],
    settings: {
      'boundaries/elements': [
        { type: 'domain', pattern: 'domain/*', capture: ['name'] },
        { type: 'web', pattern: 'web/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/external': [2, {
        default: 'allow',
        rules: [
          { from: ['domain'], disallow: ['express', '@nestjs/*', 'fs'] },
          { from: [['domain', { name: 'legacy' }]], allow: ['express'] },
          { from: 'web', disallow: 'lodash', message: 'use native array methods' },
        ],
      }],
    },
    files: {
      'src/domain/orders/index.js': lines(
        "import express from 'express'; // expect external: a banned package",
        "import { Injectable } from '@nestjs/common'; // expect external: a banned scope",
        "import { readFile } from 'fs'; // expect external: a banned built-in",
        "import { map } from 'lodash'; // ok: not banned",
        "import { join } from 'node:path'; // ok: a built-in that is not banned",
        "import { stat } from 'node:fs'; // palisade-only external: `fs` bans the built-in under both of its names",
        'export const orders = [express, Injectable, readFile, map, join, stat];',
      ),
      'src/domain/legacy/index.js': lines(
        "import express from 'express'; // ok: a later rule allows it for this captured value",
        'export const legacy = express;',
      ),
      'src/web/app/index.js': lines(
        "import { map } from 'lodash'; // expect external: banned with a custom message",
        "import React from 'react'; // ok: not banned",
        'export const app = [map, React];',
      ),
    },
  },
  {
    name: 'basePattern, file mode, full mode, ignore and no-unknown-files',
    settings: {
      'boundaries/ignore': ['eslint.config.mjs', 'src/legacy/**'],
      'boundaries/elements': [
        { type: 'component', pattern: 'components/*', basePattern: 'src/modules/*', capture: ['name'], baseCapture: ['module'] },
        { type: 'module', pattern: 'modules/*', capture: ['module'] },
        { type: 'setup', pattern: '*.setup.js', mode: 'file' },
        { type: 'tool', pattern: 'tools/*/**', mode: 'full', capture: ['tool'] },
      ],
    },
    rules: {
      'boundaries/element-types': [2, {
        default: 'allow',
        rules: [
          { from: 'component', disallow: [['component', { module: '!${from.module}' }]] },
          { from: 'module', disallow: ['tool'] },
        ],
      }],
      'boundaries/no-unknown-files': [2],
    },
    files: {
      'src/modules/auth/index.js': lines(
        "import { Login } from './components/login/index.js'; // ok: a module imports its component",
        "import { run } from '../../../tools/build/run.js'; // expect element-types: a module may not import a tool (full mode)",
        'export const auth = [Login, run];',
      ),
      'src/modules/auth/components/login/index.js': lines(
        "import { Field } from '../field/index.js'; // ok: same module (captured by basePattern)",
        "import { Avatar } from '../../../profile/components/avatar/index.js'; // expect element-types: a component of another module",
        "import { setup } from '../../../../app.setup.js'; // ok: a file-mode element",
        'export const Login = [Field, Avatar, setup];',
      ),
      'src/modules/auth/components/field/index.js': 'export const Field = 1;\n',
      'src/modules/profile/components/avatar/index.js': 'export const Avatar = 1;\n',
      'src/app.setup.js': 'export const setup = 1;\n',
      'tools/build/run.js': 'export const run = 1;\n',
      'src/orphan.js': 'export const orphan = 1; // expect no-unknown-files: a file in no element\n',
      'src/legacy/old.js': 'export const old = 1; // ok: an ignored file is not reported\n',
    },
  },
  {
    name: 'v7 templates: {{ from.element.captured.x }}, {{ to.element.captured.x }}, type templates, messages',
    sameMessages: true,
    settings: {
      'boundaries/elements': [
        { type: 'domain', pattern: 'contexts/*/domain', capture: ['context'] },
        { type: 'application', pattern: 'contexts/*/application', capture: ['context'] },
        { type: 'infrastructure', pattern: 'contexts/*/infrastructure', capture: ['context'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'allow',
        policies: [
          {
            from: { element: { type: 'application' } },
            disallow: { to: { element: { type: 'domain', captured: { context: '!{{ from.element.captured.context }}' } } } },
            message: '{{ from.element.types.[0] }} of {{ from.element.captured.context }} may not use the domain of {{ to.element.captured.context }}',
          },
          {
            to: { element: { type: 'application' } },
            disallow: { from: { element: { type: 'infrastructure', captured: { context: '!{{ to.element.captured.context }}' } } } },
            message: 'the application of {{ to.element.captured.context }} serves the infrastructure of its own context, not {{ from.element.captured.context }}',
          },
          {
            disallow: { to: { element: { type: '{{ from.element.types.[0] }}', captured: { context: '!{{ from.element.captured.context }}' } } } },
            message: 'a {{ from.element.types.[0] }} may not import a {{ to.element.types.[0] }} of another context ({{ to.element.captured.context }}) from {{ dependency.source }}',
          },
          {
            from: { element: { type: 'domain' } },
            disallow: { to: { element: { type: ['application', 'infrastructure'] } } },
            message: 'the domain of {{from.captured.context}} depends on nothing outside it, not on {{ to.element.types }}',
          },
        ],
      }],
    },
    files: {
      'src/contexts/orders/application/place-order.js': lines(
        "import { order } from '../domain/order.js'; // ok: its own context's domain ({{ from.element.captured.context }})",
        "import { invoice } from '../../billing/domain/invoice.js'; // expect dependencies: another context's domain, with the policy's message",
        "import { bill } from '../../billing/application/bill.js'; // expect dependencies: the same type in another context (a type template)",
        'export const placeOrder = [order, invoice, bill];',
      ),
      'src/contexts/orders/infrastructure/repository.js': lines(
        "import { placeOrder } from '../application/place-order.js'; // ok: its own context's application ({{ to.element.captured.context }} read on the importer's side)",
        "import { bill } from '../../billing/application/bill.js'; // expect dependencies: another context's application",
        "import { mailer } from '../../billing/infrastructure/mailer.js'; // expect dependencies: the same type in another context",
        "import { order } from '../domain/order.js'; // ok: the default allows the rest",
        'export const repository = [placeOrder, bill, mailer, order];',
      ),
      'src/contexts/orders/domain/order.js': lines(
        "import { status } from './status.js'; // ok: inside one element",
        "import { invoice } from '../../billing/domain/invoice.js'; // expect dependencies: the same type in another context",
        'export const order = [status, invoice];',
      ),
      'src/contexts/orders/domain/status.js': 'export const status = 1;\n',
      'src/contexts/billing/domain/invoice.js': lines(
        "import { bill } from '../application/bill.js'; // expect dependencies: the domain imports nothing outside it, message with {{ to.element.types }}",
        'export const invoice = bill;',
      ),
      'src/contexts/billing/application/bill.js': 'export const bill = 1;\n',
      'src/contexts/billing/infrastructure/mailer.js': 'export const mailer = 1;\n',
    },
  },
  {
    name: 'v7 selectors: types anyOf / allOf / noneOf / expand, captured lists, arrays, policies that fix both sides',
    settings: {
      'boundaries/elements': [
        { type: 'controller', pattern: 'controllers/*', capture: ['name'] },
        { type: 'model', pattern: 'models/*', capture: ['name'] },
        { type: 'view', pattern: 'views/*', capture: ['name'] },
        { type: 'helper', pattern: 'helpers/*', capture: ['family'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'controller' } }, allow: { to: { element: { types: { anyOf: ['model', 'view'] } } } } },
          { from: { element: { types: { anyOf: ['view', 'model'] } } }, allow: { to: { element: { type: 'model' } } } },
          { from: { element: { types: { noneOf: ['helper'] } } }, allow: { to: { element: { types: 'helper', captured: { family: ['data', 'format'] } } } } },
          { from: { element: { type: 'helper' } }, allow: { to: { element: { types: { anyOf: [{ expand: '{{ from.element.types }}' }] } } } } },
          {
            from: [{ element: { type: 'helper', captured: { family: 'data' } } }, { element: { type: 'helper', captured: [{ family: 'format' }] } }],
            disallow: { to: { element: { type: 'helper', captured: [{ family: 'legacy' }] } } },
          },
          { from: { element: { type: 'view' } }, to: { element: { type: 'model' } }, disallow: { to: { element: { captured: { name: 'secret' } } } } },
          { from: { element: { types: { allOf: ['controller'] } } }, disallow: { to: { element: { types: { allOf: ['view', 'model'] } } } } },
          { to: { element: { types: { equalsTo: ['controller'] } } }, allow: [{ from: { element: { type: 'controller', captured: { name: 'admin' } } } }] },
        ],
      }],
    },
    files: {
      'src/controllers/users/index.js': lines(
        "import { user } from '../../models/user/index.js'; // ok: types anyOf on the imported side",
        "import { page } from '../../views/page/index.js'; // ok: an allOf of two types matches no element, so it disallows nothing",
        "import { orders } from '../orders/index.js'; // expect dependencies: no policy lets a controller import a controller",
        "import { sort } from '../../helpers/data/sort.js'; // ok: types noneOf on the importer, a list of captured values",
        "import { old } from '../../helpers/legacy/old.js'; // expect dependencies: a family outside the captured list",
        'export const users = [user, page, orders, sort, old];',
      ),
      'src/controllers/orders/index.js': 'export const orders = 1;\n',
      'src/controllers/admin/index.js': lines(
        "import { orders } from '../orders/index.js'; // ok: a policy fixing `to` (types equalsTo) lets the admin controller import controllers",
        'export const admin = orders;',
      ),
      'src/views/page/index.js': lines(
        "import { user } from '../../models/user/index.js'; // ok: types anyOf on the importer",
        "import { secret } from '../../models/secret/index.js'; // expect dependencies: the policy's `to` merged with its disallow's `to`",
        "import { users } from '../../controllers/users/index.js'; // expect dependencies: no policy lets a view import a controller",
        'export const page = [user, secret, users];',
      ),
      'src/models/user/index.js': lines(
        "import { base } from '../base/index.js'; // ok: a model imports a model",
        "import { page } from '../../views/page/index.js'; // expect dependencies: no policy lets a model import a view",
        'export const user = [base, page];',
      ),
      'src/models/base/index.js': 'export const base = 1;\n',
      'src/models/secret/index.js': 'export const secret = 1;\n',
      'src/helpers/data/sort.js': lines(
        "import { format } from '../format/format.js'; // ok: types anyOf with { expand: \"{{ from.element.types }}\" }",
        "import { old } from '../legacy/old.js'; // expect dependencies: a later disallow from a list of entity selectors",
        'export const sort = [format, old];',
      ),
      'src/helpers/format/format.js': lines(
        "import { old } from '../legacy/old.js'; // expect dependencies: the second selector of the list (captured as a list of objects)",
        'export const format = old;',
      ),
      'src/helpers/legacy/old.js': lines(
        "import { sort } from '../data/sort.js'; // ok: a helper imports a helper",
        "import { user } from '../../models/user/index.js'; // expect dependencies: no policy lets a helper import a model",
        'export const old = [sort, user];',
      ),
    },
  },
  {
    name: 'entry-point with v7 targets: element selectors, types queries, captured lists, fileInternalPath',
    settings: {
      'boundaries/elements': [
        { type: 'component', pattern: 'components/*', capture: ['name'] },
        { type: 'module', pattern: 'modules/*', capture: ['name'] },
        { type: 'helper', pattern: 'helpers/*', capture: ['family'] },
      ],
    },
    rules: {
      'boundaries/entry-point': [2, {
        default: 'disallow',
        policies: [
          { target: { element: { types: { anyOf: ['component', 'module'] } } }, allow: 'index.js' },
          { target: [{ element: { type: 'helper', captured: { family: ['data', 'format'] } } }], allow: '**' },
          { target: { element: { type: 'helper', fileInternalPath: 'index.js' } }, disallow: 'internal/**', message: 'the {{ to.element.captured.family }} helpers keep {{ dependency.source }} to themselves' },
          { target: { type: 'module', internalPath: 'index.js', captured: { name: 'legacy' } }, allow: 'main.js' },
        ],
      }],
    },
    files: {
      'src/components/button/index.js': "export { Button } from './Button.js'; // ok: inside one element\n",
      'src/components/button/Button.js': 'export const Button = 1;\n',
      'src/modules/legacy/main.js': 'export const main = 1;\n',
      'src/modules/legacy/index.js': 'export const legacy = 1;\n',
      'src/modules/orders/index.js': 'export const orders = 1;\n',
      'src/modules/orders/service.js': 'export const service = 1;\n',
      'src/modules/shop/index.js': lines(
        "import { Button } from '../../components/button/index.js'; // ok: the entry point of a type in a types anyOf query",
        "import { Button as B } from '../../components/button/Button.js'; // expect entry-point: not the entry point",
        "import { service } from '../orders/service.js'; // expect entry-point: not the entry point of a module",
        "import { sort } from '../../helpers/data/sort.js'; // ok: a helper in the captured list exposes every file",
        "import { date } from '../../helpers/format/date/index.js'; // ok: the second value of the captured list",
        "import { roles } from '../../helpers/permissions/roles.js'; // expect entry-point: a family outside the captured list",
        "import { secret } from '../../helpers/data/internal/secret.js'; // expect entry-point: a later disallow, which replaces the target's own fileInternalPath, with its message",
        "import { main } from '../legacy/main.js'; // ok: the legacy selector's internalPath is replaced by allow too",
        'export const shop = [Button, B, service, sort, date, roles, secret, main];',
      ),
      'src/helpers/data/sort.js': 'export const sort = 1;\n',
      'src/helpers/data/internal/secret.js': 'export const secret = 1;\n',
      'src/helpers/format/date/index.js': 'export const date = 1;\n',
      'src/helpers/permissions/roles.js': 'export const roles = 1;\n',
    },
  },
  {
    name: 'dependencies with checkAllOrigins: to.module policies (origin, source globs, internalPath) become external',
    npm: ['express', 'lodash', '@nestjs/common', '@nestjs/core', 'react', 'axios'],
    settings: {
      'boundaries/elements': [
        { type: 'domain', pattern: 'domain/*', capture: ['name'] },
        { type: 'web', pattern: 'web/*', capture: ['name'] },
        { type: 'infra', pattern: 'infra/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'allow',
        checkAllOrigins: true,
        policies: [
          { from: { element: { type: 'domain' } }, disallow: { to: { module: { origin: ['external', 'core'], source: ['express', '@nestjs/*', 'fs'] } } } },
          { from: { element: { type: 'domain', captured: { name: 'legacy' } } }, allow: { to: { module: { source: 'express' } } } },
          { from: { element: { type: 'web' } }, disallow: { to: { module: { origin: 'core' } } }, message: 'web code runs in the browser, not with {{ to.module.source }}' },
          { from: { element: { type: 'web' } }, disallow: [{ to: { module: { source: 'lodash', internalPath: 'fp' } } }, { to: { element: { type: 'infra' } } }] },
          { from: { element: { type: '!infra' } }, disallow: { to: { module: { source: 'axios' } } } },
        ],
      }],
    },
    files: {
      'src/domain/orders/index.js': lines(
        "import express from 'express'; // expect dependencies as external: a banned package",
        "import { Injectable } from '@nestjs/common'; // expect dependencies as external: a source glob",
        "import { readFile } from 'fs'; // expect dependencies as external: a banned built-in",
        "import { map } from 'lodash'; // ok: not banned",
        "import { join } from 'node:path'; // ok: a built-in that is not banned",
        "import axios from 'axios'; // expect dependencies as external: only infra may use axios",
        "import { page } from '../../web/page/index.js'; // ok: local imports follow the default",
        'export const orders = [express, Injectable, readFile, map, join, axios, page];',
      ),
      'src/domain/legacy/index.js': lines(
        "import express from 'express'; // ok: a later policy allows it for this captured value",
        'export const legacy = express;',
      ),
      'src/web/page/index.js': lines(
        "import { map } from 'lodash'; // ok: lodash itself is allowed",
        "import fp from 'lodash/fp'; // expect dependencies as external: the module's internal path",
        "import { join } from 'node:path'; // expect dependencies as external: every built-in, with the policy's message",
        "import { readFile } from 'fs'; // expect dependencies as external: also without the node: prefix",
        "import { db } from '../../infra/db/index.js'; // expect dependencies: the same policy's element selector",
        'export const page = [map, fp, join, readFile, db];',
      ),
      'src/infra/db/index.js': lines(
        "import axios from 'axios'; // ok: infra may use axios",
        "import { Module } from '@nestjs/core'; // ok: not banned here",
        'export const db = [axios, Module];',
      ),
    },
  },
  {
    name: 'external with v7 selectors: element selectors, types queries, [package, { path }]',
    npm: ['lodash', '@nestjs/common', '@nestjs/core'],
    sameMessages: true,
    settings: {
      'boundaries/elements': [
        { type: 'domain', pattern: 'domain/*', capture: ['name'] },
        { type: 'application', pattern: 'application/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/external': [2, {
        default: 'allow',
        policies: [
          { from: { element: { types: { anyOf: ['domain', 'application'] } } }, disallow: '@nestjs/*', message: 'keep {{ to.module.source }} out of the core' },
        { from: { element: { type: 'domain' } }, disallow: [['lodash', { path: '/fp' }]], message: 'the domain uses lodash, not {{ dependency.source }}' },
          { from: [{ element: { type: 'application', captured: { name: 'legacy' } } }], allow: '@nestjs/*' },
        ],
      }],
    },
    files: {
      'src/domain/orders/index.js': lines(
        "import { Injectable } from '@nestjs/common'; // expect external: a banned scope, from a types anyOf query",
        "import fp from 'lodash/fp'; // expect external: a banned path of a package, with its policy's message",
        "import { map } from 'lodash'; // ok: the package itself is not banned",
        'export const orders = [Injectable, fp, map];',
      ),
      'src/application/legacy/index.js': lines(
        "import { Injectable } from '@nestjs/common'; // ok: a later policy allows it for this captured value",
        'export const legacy = Injectable;',
      ),
      'src/application/billing/index.js': lines(
        "import { Module } from '@nestjs/core'; // expect external: banned for other applications",
        'export const billing = Module;',
      ),
    },
  },
  {
    name: 'import kinds (v5/v6): importKind on element-types and entry-point policies, type-only imports',
    typescript: true,
    settings: {
      'boundaries/elements': [
        { type: 'domain', pattern: 'domain/*', capture: ['name'] },
        { type: 'application', pattern: 'application/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/element-types': [2, {
        default: 'disallow',
        rules: [
          { from: 'application', allow: ['domain', 'application'] },
          { from: 'domain', allow: ['domain'] },
          { from: 'domain', allow: ['application'], importKind: 'type' },
          { from: 'application', disallow: [['domain', { name: 'secret' }]], importKind: 'value' },
        ],
      }],
      'boundaries/entry-point': [2, {
        default: 'disallow',
        rules: [
          { target: ['domain', 'application'], allow: 'index.ts' },
          { target: ['domain'], allow: 'types.ts', importKind: 'type' },
          { target: [['domain', { name: 'secret' }]], allow: '*.ts', importKind: ['value', 'typeof'] },
        ],
      }],
    },
    files: {
      'src/domain/orders/index.ts': lines(
        "import type { Command } from '../../application/place-order/index.ts'; // ok: the domain may import an application's types (importKind type)",
        "import { placeOrder } from '../../application/place-order/index.ts'; // expect element-types: a value import of the application",
        "import { type Command as C } from '../../application/place-order/index.ts'; // expect element-types: `import { type X }` is a value import",
        "export type { Command as PlaceOrder } from '../../application/place-order/index.ts'; // ok: a type-only re-export",
        "export { placeOrder as place } from '../../application/place-order/index.ts'; // expect element-types: a re-export is a value import",
        "import type { Money } from '../money/types.ts'; // ok: a type import may reach a domain's types.ts",
        "import { currency } from '../money/types.ts'; // expect entry-point: a value import may not",
        "import { money } from '../money/index.ts'; // ok: the entry point",
        'export const order: [Command, C, Money] | null = null;',
        'export const uses = [placeOrder, currency, money];',
      ),
      'src/domain/money/index.ts': 'export const money = 1;\n',
      'src/domain/money/types.ts': 'export type Money = number;\nexport const currency = 1;\n',
      'src/domain/secret/index.ts': 'export type Secret = string;\nexport const secret = 1;\n',
      'src/domain/secret/internal.ts': 'export type Internal = string;\nexport const internal = 1;\n',
      'src/application/place-order/index.ts': lines(
        "import { money } from '../../domain/money/index.ts'; // ok: the application may import the domain",
        "import type { Secret } from '../../domain/secret/index.ts'; // ok: the secret domain's types (the later disallow is for value imports)",
        "import { secret } from '../../domain/secret/index.ts'; // expect element-types: a value import of the secret domain",
        "export { secret as hidden } from '../../domain/secret/index.ts'; // expect element-types: a re-export by name is a value import",
        "const lazy = () => import('../../domain/secret/index.ts'); // expect element-types: a dynamic import is a value import",
        "import type { Internal } from '../../domain/secret/internal.ts'; // expect entry-point: its files are open to value imports only",
        "import { internal } from '../../domain/secret/internal.ts'; // expect element-types: a value import of the secret domain",
        "import type { Money } from '../../domain/money/types.ts'; // ok: types.ts is open to type imports",
        'export type Command = [Secret, Internal, Money];',
        'export const placeOrder = [money, secret, lazy, internal];',
      ),
    },
  },
  {
    name: 'external with importKind and names (v5): [package, { specifiers }], [package, { specifiers, path }]',
    npm: ['react', 'lodash', '@prisma/client'],
    typescript: true,
    sameMessages: true,
    settings: {
      'boundaries/elements': [
        { type: 'domain', pattern: 'domain/*', capture: ['name'] },
        { type: 'web', pattern: 'web/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/external': [2, {
        default: 'allow',
        rules: [
          { from: ['domain'], disallow: ['@prisma/client'], importKind: 'value', message: 'the domain may import only the types of {{ dependency.source }}' },
          { from: ['web'], disallow: [['react', { specifiers: ['useEffect', 'useLayout*'] }]], message: 'effects live in hooks/, not in code importing {{ dependency.source }}' },
          { from: ['web'], disallow: [['lodash', { specifiers: ['map'], path: '/fp' }]], message: 'use Array.prototype.map, not the one of {{ dependency.source }}' },
          { from: [['web', { name: 'legacy' }]], allow: [['react', { specifiers: ['useEffect'] }]] },
        ],
      }],
    },
    files: {
      'src/domain/orders/index.ts': lines(
        "import type { User } from '@prisma/client'; // ok: a type import of a package banned for value imports",
        "import { PrismaClient } from '@prisma/client'; // expect external: a value import",
        "import { type User as Customer } from '@prisma/client'; // expect external: `import { type X }` is a value import",
        "export type { User as Person } from '@prisma/client'; // ok: a type-only re-export",
        'export const orders: [User, Customer] | null = null;',
        'export const client = PrismaClient;',
      ),
      'src/web/page/index.ts': lines(
        "import { useEffect } from 'react'; // expect external: a banned name",
        "import { useState, useLayoutEffect } from 'react'; // expect external: a name glob, among other names",
        "import { useState as useLocalState } from 'react'; // ok: a name that is not banned",
        "import React from 'react'; // ok: a default import names nothing",
        "import * as ReactAll from 'react'; // ok: a namespace import names nothing",
        "export { useEffect } from 'react'; // expect external: a re-export by name",
        "export { useEffect as effect } from 'react'; // palisade-only external: a renamed re-export still takes useEffect from react (boundaries matches the exported name)",
        "import { map } from 'lodash/fp'; // expect external: a banned name at a banned path",
        "import { map as mapAll } from 'lodash'; // ok: the name outside the path",
        "import { filter } from 'lodash/fp'; // ok: another name at the path",
        'export const page = [useEffect, useState, useLayoutEffect, useLocalState, React, ReactAll, map, mapAll, filter];',
      ),
      'src/web/legacy/index.ts': lines(
        "import { useEffect } from 'react'; // ok: a later policy allows this name for this captured value",
        "import { useLayoutEffect } from 'react'; // expect external: the later policy allows only useEffect",
        'export const legacy = [useEffect, useLayoutEffect];',
      ),
    },
  },
  {
    name: 'v7 dependency selectors: dependency kind and specifiers on local and package policies (checkAllOrigins)',
    npm: ['react', 'lodash'],
    typescript: true,
    settings: {
      'boundaries/elements': [
        { type: 'domain', pattern: 'domain/*', capture: ['name'] },
        { type: 'application', pattern: 'application/*', capture: ['name'] },
        { type: 'infra', pattern: 'infra/*', capture: ['name'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'disallow',
        checkAllOrigins: true,
        policies: [
          { from: { element: { type: 'application' } }, allow: { to: { element: { types: { anyOf: ['domain', 'application'] } } } } },
          { from: { element: { type: 'domain' } }, allow: [{ to: { element: { type: 'domain' } } }, { to: { element: { type: 'application' } }, dependency: { kind: 'type' } }] },
          { from: { element: { type: 'infra' } }, dependency: { kind: 'value' }, allow: { to: { element: { type: 'domain' } } } },
          { from: { element: { type: 'infra' } }, dependency: { kind: ['type'] }, allow: [{ to: { element: { type: 'application' } } }, { to: { element: { type: 'infra' } }, dependency: { kind: '*' } }] },
          { from: { element: { types: { anyOf: ['domain', 'application', 'infra'] } } }, allow: { to: { module: { source: ['react', 'lodash'] } } } },
          { from: { element: { type: 'domain' } }, disallow: { to: { module: { source: 'react' } }, dependency: { specifiers: 'use*' } } },
          { from: { element: { type: 'domain' } }, disallow: { to: { module: { source: 'lodash' } }, dependency: [{ kind: 'value', specifiers: ['debounce', 'throttle'] }, { specifiers: 'chunk' }] } },
          { from: { element: { type: 'application' } }, disallow: { dependency: { module: 'lodash', kind: '!type' } } },
        ],
      }],
    },
    files: {
      'src/domain/orders/index.ts': lines(
        "import type { Command } from '../../application/place/index.ts'; // ok: a type import of the application (an entry's dependency kind)",
        "import { place } from '../../application/place/index.ts'; // expect dependencies: a value import of the application",
        "import { billing } from '../billing/index.ts'; // ok: a domain imports a domain",
        "import { useMemo } from 'react'; // expect dependencies as external: a name glob (dependency specifiers)",
        "import React from 'react'; // ok: a default import names nothing",
        "import type { DebouncedFunc } from 'lodash'; // ok: a type import (the name is not banned for types)",
        "import { debounce } from 'lodash'; // expect dependencies as external: a banned name, imported as a value",
        "import type { chunk } from 'lodash'; // expect dependencies as external: the second alternative bans this name for every kind",
        "import { merge } from 'lodash'; // ok: a name no alternative bans",
        'export const order: [Command, DebouncedFunc, chunk] | null = null;',
        'export const orders = [place, billing, useMemo, React, debounce, merge];',
      ),
      'src/domain/billing/index.ts': 'export const billing = 1;\n',
      'src/application/place/index.ts': lines(
        "import { billing } from '../../domain/billing/index.ts'; // ok: the application imports the domain",
        "import { throttle } from 'lodash'; // expect dependencies as external: a legacy dependency module, for non-type imports",
        "import type { DebouncedFunc } from 'lodash'; // ok: a type import",
        "import { useState } from 'react'; // ok: the application may use hooks",
        'export type Command = DebouncedFunc;',
        'export const place = [billing, throttle, useState];',
      ),
      'src/infra/db/index.ts': lines(
        "import { billing } from '../../domain/billing/index.ts'; // ok: the policy's dependency kind is value",
        "import type { Billing } from '../../domain/billing/types.ts'; // expect dependencies: a type import, which the policy's kind does not allow",
        "import type { Command } from '../../application/place/index.ts'; // ok: a kind list",
        "import { place } from '../../application/place/index.ts'; // expect dependencies: a value import of the application",
        "import { pool } from '../pool/index.ts'; // ok: the entry's kind `*` replaces the policy's",
        'export const db: [Billing, Command] | null = null;',
        'export const uses = [billing, place, pool];',
      ),
      'src/domain/billing/types.ts': 'export type Billing = number;\n',
      'src/infra/pool/index.ts': 'export const pool = 1;\n',
      'src/setup.ts': "import { debounce } from 'lodash'; // ok: boundaries checks nothing in a file in no element, whatever the default\nexport const setup = debounce;\n",
    },
  },
  {
    name: 'dependencies with fileInternalPath (v7) and internalPath (v6): a file\'s path inside its element on either side, also in external',
    npm: ['express'],
    settings: {
      'boundaries/elements': [
        { type: 'component', pattern: 'components/*', capture: ['name'] },
        { type: 'module', pattern: 'modules/*', capture: ['name'] },
        { type: 'helper', pattern: 'helpers/*', capture: ['family'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'module' } }, allow: { to: { element: { types: { anyOf: ['component', 'module'] }, fileInternalPath: 'index.js' } } } },
          { from: { element: { type: 'module' } }, allow: { to: { element: { type: 'helper', fileInternalPath: ['*.js', 'format/**'] } } } },
          { from: { element: { type: 'module', fileInternalPath: 'legacy/**' } }, allow: { to: { element: { type: 'component' } } } },
          { from: { element: { type: 'module' } }, allow: [{ to: { type: 'component', internalPath: 'testing.js' } }] },
          { to: { element: { type: 'helper' } }, disallow: { to: { element: { fileInternalPath: '**/internal/**' } } }, message: 'helpers keep {{ dependency.source }} to themselves' },
        ],
      }],
      'boundaries/external': [2, {
        default: 'allow',
        rules: [
          { from: ['module'], disallow: ['express'] },
          { from: [{ type: 'module', internalPath: 'server/**' }], allow: ['express'] },
        ],
      }],
    },
    files: {
      'src/modules/shop/index.js': lines(
        "import { Button } from '../../components/button/index.js'; // ok: a component's entry point (fileInternalPath)",
        "import { Button as B } from '../../components/button/Button.js'; // expect dependencies: not the entry point",
        "import { orders } from '../orders/index.js'; // ok: a module's entry point",
        "import { service } from '../orders/service.js'; // expect dependencies: not the entry point of a module",
        "import { sort } from '../../helpers/data/sort.js'; // ok: a top-level file of a helper (a list of globs)",
        "import { deep } from '../../helpers/data/nested/deep.js'; // expect dependencies: `*.js` stays in one folder",
        "import { date } from '../../helpers/data/format/date/index.js'; // ok: `format/**` spans folders",
        "import { secret } from '../../helpers/data/format/internal/secret.js'; // expect dependencies: a later disallow on the path merged into the policy's `to`",
        "import { testing } from '../../components/button/testing.js'; // ok: a v6 object selector's internalPath",
        "import express from 'express'; // expect external: modules may not use express",
        'export const shop = [Button, B, orders, service, sort, deep, date, secret, testing, express];',
      ),
      'src/modules/shop/legacy/cart.js': lines(
        "import { Button } from '../../../components/button/Button.js'; // ok: files in a module's legacy folder may import any file of a component (fileInternalPath on the importer)",
        "import { service } from '../../orders/service.js'; // expect dependencies: the legacy folder opens components only",
        'export const cart = [Button, service];',
      ),
      'src/modules/shop/server/app.js': lines(
        "import express from 'express'; // ok: a later external policy allows it in the module's server folder (internalPath on the importer)",
        'export const app = express;',
      ),
      'src/modules/orders/index.js': 'export const orders = 1;\n',
      'src/modules/orders/service.js': 'export const service = 1;\n',
      'src/components/button/index.js': "export { Button } from './Button.js'; // ok: inside one element\n",
      'src/components/button/Button.js': 'export const Button = 1;\n',
      'src/components/button/testing.js': 'export const testing = 1;\n',
      'src/helpers/data/sort.js': 'export const sort = 1;\n',
      'src/helpers/data/nested/deep.js': 'export const deep = 1;\n',
      'src/helpers/data/format/date/index.js': 'export const date = 1;\n',
      'src/helpers/data/format/internal/secret.js': 'export const secret = 1;\n',
    },
  },
  {
    name: 'dependencies with checkAllOrigins: internalPath null (a package imported by its name alone) and internalPath globs',
    npm: ['lodash', 'date-fns'],
    settings: { 'boundaries/elements': [{ type: 'web', pattern: 'web/*', capture: ['name'] }] },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'allow',
        checkAllOrigins: true,
        policies: [
          { from: { element: { type: 'web' } }, disallow: { to: { module: { source: 'lodash', internalPath: null } } } },
          { from: { element: { type: 'web' } }, disallow: { to: { module: { source: 'date-fns', internalPath: 'locale/*' } } } },
          { from: { element: { type: 'web' } }, disallow: { to: { module: { origin: 'core', source: 'fs', internalPath: [null] } } } },
        ],
      }],
    },
    files: {
      'src/web/page/index.js': lines(
        "import _ from 'lodash'; // expect dependencies as external: the whole of lodash",
        "import map from 'lodash/map'; // ok: one function of it",
        "import fr from 'date-fns/locale/fr'; // expect dependencies as external: a path glob inside the package",
        "import frCa from 'date-fns/locale/fr/ca'; // ok: `*` stays in one folder",
        "import format from 'date-fns/format'; // ok: another path",
        "import { readFile } from 'fs'; // expect dependencies as external: a built-in by its name alone",
        "import { readFile as read } from 'fs/promises'; // ok: a path inside the built-in",
        'export const page = [_, map, fr, frCa, format, readFile, read];',
      ),
    },
  },
  {
    name: 'dependencies with checkInternals: imports inside one element',
    settings: {
      'boundaries/elements': [
        { type: 'component', pattern: 'components/*', capture: ['name'] },
        { type: 'helper', pattern: 'helpers/*', capture: ['family'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'disallow',
        checkInternals: true,
        policies: [
          { from: { element: { type: 'component' } }, allow: { to: { element: { type: 'helper' } } } },
          { from: { element: { type: 'helper' } }, allow: { to: { element: { type: 'helper' } } } },
          { from: { element: { type: 'component', captured: { name: 'card' } } }, allow: { to: { element: { captured: { name: '{{ from.element.captured.name }}' }, fileInternalPath: 'parts/**' } } } },
        ],
      }],
    },
    files: {
      'src/components/button/index.js': lines(
        "import { Button } from './Button.js'; // expect dependencies: no policy lets a component import a component, its own files included",
        "import { sort } from '../../helpers/data/sort.js'; // ok: a component imports a helper",
        'export { Button, sort };',
      ),
      'src/components/button/Button.js': 'export const Button = 1;\n',
      'src/components/card/index.js': lines(
        "import { header } from './parts/header.js'; // ok: its own parts (a captured-value template and a fileInternalPath)",
        "import { util } from './util.js'; // expect dependencies: its own file outside parts/",
        "import { Button } from '../button/Button.js'; // expect dependencies: another component",
        'export const card = [header, util, Button];',
      ),
      'src/components/card/parts/header.js': 'export const header = 1;\n',
      'src/components/card/util.js': 'export const util = 1;\n',
      'src/helpers/data/sort.js': "import { parse } from './parse.js'; // ok: helpers may import helpers, their own files included\nexport const sort = parse;\n",
      'src/helpers/data/parse.js': 'export const parse = 1;\n',
    },
  },
  {
    name: 'dependencies with checkUnknownLocals: imports of local files outside every element, isUnknown',
    settings: { 'boundaries/elements': [{ type: 'component', pattern: 'components/*', capture: ['name'] }] },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'disallow',
        checkUnknownLocals: true,
        policies: [
          { from: { element: { type: 'component' } }, allow: { to: { element: { type: 'component' } } } },
          { from: { element: { type: 'component', captured: { name: 'icon' } } }, allow: { to: { element: { isUnknown: true } } } },
          { from: { element: { type: 'component', captured: { name: 'shell' } } }, allow: { to: { module: { origin: 'local' } } } },
        ],
      }],
    },
    files: {
      'src/components/button/index.js': lines(
        "import { config } from '../../config.js'; // expect dependencies: a local file in no element",
        "import { Icon } from '../icon/index.js'; // ok: a component imports a component",
        'export const Button = [config, Icon];',
      ),
      'src/components/icon/index.js': lines(
        "import { config } from '../../config.js'; // ok: a policy on isUnknown lets the icon import files in no element",
        'export const Icon = config;',
      ),
      'src/components/shell/index.js': lines(
        "import { config } from '../../config.js'; // ok: a local module selector picks files in no element too",
        "import { Icon } from '../icon/index.js'; // ok: and files in elements",
        'export const Shell = [config, Icon];',
      ),
      'src/config.js': "import { defaults } from './components/icon/defaults.js'; // ok: boundaries checks nothing in a file in no element\nexport const config = defaults;\n",
      'src/components/icon/defaults.js': 'export const defaults = 1;\n',
    },
  },
  {
    name: 'dependencies with fileInternalPath: entry points written as boundaries/dependencies policies',
    settings: {
      'boundaries/elements': [
        { type: 'component', pattern: 'components/*', capture: ['name'] },
        { type: 'module', pattern: 'modules/*', capture: ['name'] },
        { type: 'helper', pattern: 'helpers/*', capture: ['family'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [2, {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'module' } }, allow: { to: { element: { types: { anyOf: ['component', 'module', 'helper'] } } } } },
          { from: { element: { type: 'component' } }, allow: { to: { element: { type: 'helper' } } } },
          { to: { element: { type: ['component', 'module'] } }, disallow: { to: { element: { fileInternalPath: '!index.js' } } } },
        ],
      }],
    },
    files: {
      'src/modules/shop/index.js': lines(
        "import { Button } from '../../components/button/index.js'; // ok: a component through its entry point",
        "import { Button as B } from '../../components/button/Button.js'; // expect dependencies: not the entry point (fileInternalPath)",
        "import { orders } from '../orders/index.js'; // ok: a module through its entry point",
        "import { service } from '../orders/service.js'; // expect dependencies: not the entry point of a module",
        "import { sort } from '../../helpers/data/sort.js'; // ok: helpers have no entry-point policy",
        'export const shop = [Button, B, orders, service, sort];',
      ),
      'src/modules/orders/index.js': 'export const orders = 1;\n',
      'src/modules/orders/service.js': 'export const service = 1;\n',
      'src/components/button/index.js': "export { Button } from './Button.js'; // ok: inside one element\n",
      'src/components/button/Button.js': 'export const Button = 1;\n',
      'src/helpers/data/sort.js': lines(
        "import { Button } from '../../components/button/index.js'; // expect dependencies: no policy lets a helper import a component",
        'export const sort = Button;',
      ),
    },
  },
];

/**
 * Groups that wait for a change in Palisade's core, each with the reason: the harness checks
 * boundaries' side of their annotations and runs Palisade's as a todo.
 * @type {{ group: Group, reason: string }[]}
 */
export const PENDING = [];

const ANNOTATION = /\/\/ (ok|expect ([a-z-]+)(?: as ([a-z-]+))?|palisade-only ([a-z-]+)): (.+)$/u;

/**
 * The group's files, with its `eslint.config.mjs` and `package.json`, and its scenarios.
 * @param {Group} group
 */
export function materialise(group) {
  /** @type {Record<string, string>} */
  const files = {
    'package.json': JSON.stringify({ name: 'boundaries-fixture', private: true, type: 'module' }, null, 2),
    'eslint.config.mjs': lines(
      "import boundaries from 'eslint-plugin-boundaries';",
      ...(group.typescript ? ["import tseslint from 'typescript-eslint';"] : []),
      '',
      'export default [',
      `  { files: ${JSON.stringify(lintedFiles(group))}, plugins: { boundaries }, ${group.typescript ? 'languageOptions: { parser: tseslint.parser }, ' : ''}settings: ${JSON.stringify(group.settings)}, rules: ${JSON.stringify(group.rules)} },`,
      '];',
    ),
    ...group.files,
  };
  for (const name of group.npm ?? []) {
    files[`node_modules/${name}/package.json`] = JSON.stringify({ name, version: '1.0.0', main: 'index.js' });
    files[`node_modules/${name}/index.js`] = 'module.exports = {};\n';
  }
  /** @type {{ file: string, line: number, boundaries: string | undefined, palisade: string | undefined, why: string }[]} */
  const scenarios = [];
  for (const [file, text] of Object.entries(group.files)) {
    text.split('\n').forEach((line, index) => {
      const match = ANNOTATION.exec(line);
      if (match !== null) {
        const [, , expected, splitTo, palisadeOnly, why] = match;
        if (splitTo !== undefined && !SPLIT_RULES[expected]?.includes(splitTo)) {
          throw new Error(`${file}:${index + 1}: boundaries/${expected} is not split to ${splitTo} (SPLIT_RULES)`);
        }
        const palisade = expected ?? palisadeOnly;
        scenarios.push({ file, line: index + 1, boundaries: expected, palisade: splitTo ?? (palisade && PALISADE_RULE[palisade]), why });
      }
    });
  }
  return { files, scenarios };
}
