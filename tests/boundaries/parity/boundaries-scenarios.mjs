// Scenarios for `palisade init --from-boundaries` against the real eslint-plugin-boundaries: the
// behaviours its own rule tests exercise (element classification, legacy and object selectors,
// both template syntaxes, entry points, external packages, unknown files), on fixtures of our own.
// Each group is one small package with one ESLint config. Every import line carries its
// expectation, named by the boundaries rule:
//   `// ok: why`                          neither tool reports it
//   `// expect <rule>: why`               boundaries/<rule> and Palisade's equivalent report it
//   `// palisade-only <rule>: why`        a deliberate difference (README): only Palisade reports
// Each annotation is one scenario.

/** The Palisade rule that gives each boundaries rule's verdicts. */
export const PALISADE_RULE = {
  'element-types': 'dependencies',
  dependencies: 'dependencies',
  'entry-point': 'entry-point',
  external: 'external',
  'no-unknown-files': 'no-unknown-files',
};

const lines = (...text) => `${text.join('\n')}\n`;

/**
 * @typedef {{ name: string, settings: object, rules: object, files: Record<string, string>,
 *   npm?: string[] }} Group
 */

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
];

const ANNOTATION = /\/\/ (ok|expect ([a-z-]+)|palisade-only ([a-z-]+)): (.+)$/u;

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
      '',
      'export default [',
      `  { files: ['**/*.js'], plugins: { boundaries }, settings: ${JSON.stringify(group.settings)}, rules: ${JSON.stringify(group.rules)} },`,
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
        const [, , expected, palisadeOnly, why] = match;
        const palisade = expected ?? palisadeOnly;
        scenarios.push({ file, line: index + 1, boundaries: expected, palisade: palisade && PALISADE_RULE[palisade], why });
      }
    });
  }
  return { files, scenarios };
}
