// Scenarios for `palisade/enforce-module-boundaries` against the real `@nx/enforce-module-boundaries`:
// the behaviours Nx's own rule tests exercise, on fixtures of our own. Each group is one small Nx
// workspace with one set of rule options. Every import line carries its expectation:
//   `// ok: why`                       neither rule reports it
//   `// expect <messageId>: why`       both rules report exactly this
//   `// palisade-only <messageId>: why` a deliberate difference (README): Palisade reports, Nx not
// Each annotation is one scenario.

/** An Nx library (or app) at `root` with `@acme/<name>` as its path alias. */
function project(root, name, { tags = [], projectType = 'library', targets, extra = {} } = {}) {
  return {
    root,
    name,
    files: {
      [`${root}/project.json`]: JSON.stringify({ name, projectType, tags, ...(targets ? { targets } : {}), ...extra }),
      [`${root}/src/index.ts`]: `export const ${name.replaceAll('-', '_')} = '${name}';\n`,
    },
  };
}

const lib = (name, options) => project(`libs/${name}`, name, options);
const app = (name, options) => project(`apps/${name}`, name, { projectType: 'application', ...options });

const BUILD = { build: { executor: '@nx/js:tsc', options: {} } };

/**
 * @typedef {{ root: string, name: string, files: Record<string, string> }} Project
 * @typedef {{ name: string, options: object, projects: Project[], files: Record<string, string>,
 *   wildcardAliases?: boolean, npm?: Record<string, { version: string, declared: boolean }> }} Group
 */

/** @type {Group[]} */
export const GROUPS = [
  {
    name: 'relative and absolute imports',
    options: {},
    projects: [lib('a'), lib('b'), lib('c')],
    files: {
      'tools/script.ts': 'export const script = 1;\n',
      'libs/a/src/lib/x.ts': 'export const x = 1;\n',
      'libs/a/src/imports.ts': [
        "import { b } from '../../b/src/index'; // expect noRelativeOrAbsoluteImportsAcrossLibraries: relative import into another project",
        "import { b as b2 } from 'libs/b/src/index'; // expect noRelativeOrAbsoluteImportsAcrossLibraries: absolute import from the libs folder",
        "import { x } from './lib/x'; // ok: relative import inside the project",
        "import { script } from '../../../tools/script'; // expect noRelativeOrAbsoluteExternals: relative import of a file outside every project",
        "import { b as b3 } from '@acme/b'; // ok: another project through its alias",
        "export * from '../../b/src/index'; // expect noRelativeOrAbsoluteImportsAcrossLibraries: re-export by relative path",
        "const lazy = () => import('../../c/src/index'); // expect noRelativeOrAbsoluteImportsAcrossLibraries: dynamic import by relative path",
        "const req = require('../../c/src/index'); // expect noRelativeOrAbsoluteImportsAcrossLibraries: require by relative path",
        'export { b, b2, x, script, b3, lazy, req };',
      ].join('\n'),
      'libs/a/src/self.ts': [
        "import { a } from '@acme/a'; // expect noSelfCircularDependencies: the project imports itself through its alias",
        'export { a };',
      ].join('\n'),
    },
  },
  {
    name: 'apps and e2e projects',
    options: {},
    projects: [
      app('web'),
      app('web-e2e'),
      lib('ui'),
      // No projectType: Nx infers it from tsconfig.app.json / tsconfig.lib.json.
      {
        root: 'apps/admin',
        name: 'admin',
        files: {
          'apps/admin/project.json': JSON.stringify({ name: 'admin' }),
          'apps/admin/tsconfig.app.json': '{}',
          'apps/admin/src/index.ts': 'export const admin = 1;\n',
        },
      },
      {
        root: 'libs/util',
        name: 'util',
        files: {
          'libs/util/project.json': JSON.stringify({ name: 'util' }),
          'libs/util/tsconfig.lib.json': '{}',
          'libs/util/src/index.ts': 'export const util = 1;\n',
        },
      },
      app('remote'),
      app('site'),
    ],
    files: {
      'apps/remote/module-federation.config.ts': "export default { name: 'remote', exposes: { './Module': './src/index.ts' } };\n",
      'libs/ui/src/imports.ts': [
        "import { web } from '@acme/web'; // expect noImportsOfApps: a library imports an app",
        "import '@acme/web-e2e'; // expect noImportsOfE2e: a library imports an e2e project",
        "import { admin } from '@acme/admin'; // expect noImportsOfApps: an app known by its tsconfig.app.json",
        "import { util } from '@acme/util'; // ok: a library known by its tsconfig.lib.json",
        "import { remote } from '@acme/remote'; // ok: a module federation remote exposes modules",
        'export { web, admin, util, remote };',
      ].join('\n'),
      'apps/site/src/main.ts': [
        "import { util } from '@acme/util'; // ok: an app imports a library",
        'export { util };',
      ].join('\n'),
    },
  },
  {
    name: 'circular dependencies',
    options: { ignoredCircularDependencies: [['c6', 'c7']] },
    projects: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].map((name) => lib(name)),
    files: {
      'libs/c1/src/uses-c2.ts': "import { c2 } from '@acme/c2'; // expect noCircularDependencies: c1 and c2 import each other\nexport { c2 };\n",
      'libs/c2/src/uses-c1.ts': "import { c1 } from '@acme/c1'; // expect noCircularDependencies: the other side of the same cycle\nexport { c1 };\n",
      'libs/c3/src/uses-c4.ts': "import { c4 } from '@acme/c4'; // expect noCircularDependencies: a cycle through three projects\nexport { c4 };\n",
      'libs/c4/src/uses-c5.ts': "import { c5 } from '@acme/c5'; // expect noCircularDependencies: second edge of the three-project cycle\nexport { c5 };\n",
      'libs/c5/src/uses-c3.ts': "import type { C3 } from '@acme/c3/src/types'; // expect noCircularDependencies: a type-only import closes the cycle too\nexport type { C3 };\n",
      'libs/c3/src/types.ts': 'export type C3 = string;\n',
      'libs/c6/src/uses-c7.ts': "import { c7 } from '@acme/c7'; // ok: the c6-c7 cycle is ignored\nexport { c7 };\n",
      'libs/c7/src/uses-c6.ts': "import { c6 } from '@acme/c6'; // ok: the c6-c7 cycle is ignored, both ways\nexport { c6 };\n",
      'libs/c8/src/uses-c1.ts': "import { c1 } from '@acme/c1'; // ok: depending on a project in a cycle is not a cycle\nexport { c1 };\n",
    },
    wildcardAliases: true,
  },
  {
    name: 'buildable libraries',
    options: { enforceBuildableLibDependency: true, buildTargets: ['build', 'compile'] },
    projects: [
      lib('buildable', { targets: BUILD }),
      lib('compiled', { targets: { compile: { executor: '@nx/js:tsc', options: {} } } }),
      lib('plain'),
      app('shell-app', { targets: BUILD }),
    ],
    files: {
      'libs/buildable/src/uses.ts': [
        "import { plain } from '@acme/plain'; // expect noImportOfNonBuildableLibraries: buildable imports non-buildable",
        "import { compiled } from '@acme/compiled'; // ok: a lib buildable through another build target",
        'export { plain, compiled };',
      ].join('\n'),
      'libs/plain/src/uses.ts': "import { compiled } from '@acme/compiled'; // ok: non-buildable may import buildable\nexport { compiled };\n",
      'apps/shell-app/src/main.ts': "import { plain } from '@acme/plain'; // ok: the buildable rule is for libraries only\nexport { plain };\n",
    },
  },
  {
    name: 'lazy-loaded libraries',
    options: { checkDynamicDependenciesExceptions: ['@acme/lazy-exempt'] },
    projects: [lib('shell'), lib('lazy'), lib('lazy-exempt'), lib('eager')],
    files: {
      'libs/shell/src/routes.ts': [
        "export const load = () => import('@acme/lazy'); // ok: the lazy load itself",
        "export const loadExempt = () => import('@acme/lazy-exempt'); // ok: another lazy load",
      ].join('\n'),
      'libs/shell/src/eager.ts': [
        "import { lazy } from '@acme/lazy'; // expect noImportsOfLazyLoadedLibraries: a static import of a lazy-loaded library",
        "import type { LazyType } from '@acme/lazy'; // ok: a type-only import of it",
        "import { lazy_exempt } from '@acme/lazy-exempt'; // ok: listed in checkDynamicDependenciesExceptions",
        "import { eager } from '@acme/eager'; // ok: never lazy-loaded",
        "export * from '@acme/lazy'; // ok: Nx checks import declarations only",
        'export { lazy, lazy_exempt, eager };',
        'export type { LazyType };',
      ].join('\n'),
      'libs/lazy/src/index.ts': "export const lazy = 'lazy';\nexport type LazyType = string;\n",
    },
    wildcardAliases: true,
  },
  {
    name: 'tag constraints',
    options: {
      depConstraints: [
        { sourceTag: 'scope:orders', onlyDependOnLibsWithTags: ['scope:orders', 'scope:shared'] },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'type:ui', notDependOnLibsWithTags: ['type:data-access'] },
        { allSourceTags: ['scope:orders', 'type:api'], onlyDependOnLibsWithTags: ['type:feature'] },
        { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['/^scope:(billing|shared)$/'] },
        { sourceTag: 'legacy', onlyDependOnLibsWithTags: [] },
        { sourceTag: 'type:util', notDependOnLibsWithTags: ['type:*ui'] },
      ],
    },
    projects: [
      lib('orders-feature', { tags: ['scope:orders', 'type:feature'] }),
      lib('orders-data', { tags: ['scope:orders', 'type:data-access'] }),
      lib('orders-ui', { tags: ['scope:orders', 'type:ui'] }),
      lib('orders-api', { tags: ['scope:orders', 'type:api'] }),
      lib('shared-util', { tags: ['scope:shared', 'type:util'] }),
      lib('shared-ui', { tags: ['scope:shared', 'type:ui'] }),
      lib('billing-data', { tags: ['scope:billing', 'type:data-access'] }),
      lib('untagged'),
      lib('legacy-x', { tags: ['legacy'] }),
    ],
    files: {
      'libs/orders-feature/src/uses.ts': [
        "import { orders_data } from '@acme/orders-data'; // ok: same scope",
        "import { shared_util } from '@acme/shared-util'; // ok: the shared scope",
        "import { billing_data } from '@acme/billing-data'; // expect onlyTagsConstraintViolation: another scope",
        "import type { X } from '@acme/billing-data/src/types'; // expect onlyTagsConstraintViolation: type-only imports are checked too",
        'export { orders_data, shared_util, billing_data };',
        'export type { X };',
      ].join('\n'),
      'libs/billing-data/src/types.ts': 'export type X = string;\n',
      'libs/orders-ui/src/uses.ts': [
        "import { orders_data } from '@acme/orders-data'; // expect notTagsConstraintViolation: ui may not use data-access",
        "import { orders_feature } from '@acme/orders-feature'; // expect notTagsConstraintViolation: nor reach it through another project",
        "import { shared_ui } from '@acme/shared-ui'; // ok: nothing banned behind it",
        'export { orders_data, orders_feature, shared_ui };',
      ].join('\n'),
      'libs/shared-util/src/uses.ts': [
        "import { orders_data } from '@acme/orders-data'; // expect onlyTagsConstraintViolation: shared may only use shared",
        "import { shared_ui } from '@acme/shared-ui'; // expect notTagsConstraintViolation: a glob in notDependOnLibsWithTags",
        'export { orders_data, shared_ui };',
      ].join('\n'),
      'libs/orders-api/src/uses.ts': [
        "import { orders_feature } from '@acme/orders-feature'; // ok: allSourceTags constraint met",
        "import { orders_data } from '@acme/orders-data'; // expect onlyTagsConstraintViolation: allSourceTags constraint broken",
        'export { orders_feature, orders_data };',
      ].join('\n'),
      'libs/billing-data/src/uses.ts': [
        "import { shared_util } from '@acme/shared-util'; // ok: a regular expression tag",
        "import { orders_data } from '@acme/orders-data'; // expect onlyTagsConstraintViolation: outside the regular expression",
        'export { shared_util, orders_data };',
      ].join('\n'),
      'libs/untagged/src/uses.ts': "import { shared_util } from '@acme/shared-util'; // expect projectWithoutTagsCannotHaveDependencies: no constraint matches\nexport { shared_util };\n",
      'libs/legacy-x/src/uses.ts': [
        "import { untagged } from '@acme/untagged'; // ok: an empty list allows untagged projects",
        "import { shared_util } from '@acme/shared-util'; // expect emptyOnlyTagsConstraintViolation: an empty list bans tagged projects",
        'export { untagged, shared_util };',
      ].join('\n'),
    },
    wildcardAliases: true,
  },
  {
    name: 'external imports',
    options: {
      banTransitiveDependencies: true,
      depConstraints: [
        { sourceTag: 'type:domain', bannedExternalImports: ['@nestjs/*', 'left-pad'] },
        { sourceTag: 'type:ui', allowedExternalImports: ['react', 'react-*'] },
        { sourceTag: '*', onlyDependOnLibsWithTags: ['*'] },
      ],
    },
    npm: {
      '@nestjs/common': { version: '10.0.0', declared: true },
      'left-pad': { version: '1.3.0', declared: true },
      react: { version: '18.0.0', declared: true },
      'react-dom': { version: '18.0.0', declared: true },
      rxjs: { version: '7.8.0', declared: true },
      'hoisted-only': { version: '1.0.0', declared: false },
    },
    projects: [lib('domain', { tags: ['type:domain'] }), lib('ui', { tags: ['type:ui'] })],
    files: {
      'libs/domain/src/uses.ts': [
        "import { Injectable } from '@nestjs/common'; // expect bannedExternalImportsViolation: a banned scope",
        "import pad from 'left-pad'; // expect bannedExternalImportsViolation: a banned package",
        "import { of } from 'rxjs'; // ok: not banned",
        "import { x } from 'hoisted-only'; // expect noTransitiveDependencies: installed but not declared",
        "import { readFileSync } from 'node:fs'; // ok: built-ins are never transitive dependencies",
        'export { Injectable, pad, of, x, readFileSync };',
      ].join('\n'),
      'libs/ui/src/uses.ts': [
        "import { render } from 'react-dom'; // ok: allowed by a glob",
        "import { useState } from 'react'; // ok: allowed",
        "import { of } from 'rxjs'; // expect bannedExternalImportsViolation: not in allowedExternalImports",
        'export { render, useState, of };',
      ].join('\n'),
    },
  },
  {
    name: 'allow list, self imports and entry points',
    options: { allow: ['@acme/legacy/**', '^@acme/old$'], allowCircularSelfDependency: false },
    projects: [
      lib('core'),
      lib('legacy'),
      lib('old'),
      lib('consumer'),
      {
        root: 'libs/pkg',
        name: 'pkg',
        files: {
          'libs/pkg/project.json': JSON.stringify({ name: 'pkg', projectType: 'library' }),
          'libs/pkg/package.json': JSON.stringify({
            name: '@acme/pkg',
            exports: { '.': './src/index.ts', './testing': './testing/index.ts' },
          }),
          'libs/pkg/src/index.ts': 'export const pkg = 1;\n',
          'libs/pkg/testing/index.ts': "import { pkg } from '@acme/pkg'; // ok: a secondary entry point may import the main one\nexport const testing = pkg;\n",
        },
      },
    ],
    files: {
      'libs/core/src/lib/internal.ts': 'export const internal = 1;\n',
      'libs/legacy/src/lib/deep.ts': 'export const deep = 1;\n',
      'libs/core/src/uses.ts': [
        "import { deep } from '@acme/legacy/src/lib/deep'; // ok: allowed by a /** entry",
        "import { old } from '@acme/old'; // ok: allowed by a regular expression entry",
        'export { deep, old };',
      ].join('\n'),
      'libs/consumer/src/uses.ts': [
        "import { internal } from '@acme/core/src/lib/internal'; // palisade-only noDeepImports: a deep import through a wildcard alias",
        "import { core } from '@acme/core'; // ok: the public entry",
        "import { consumer } from '@acme/consumer'; // expect noSelfCircularDependencies: own alias",
        "import { old } from '@acme/old'; // ok: allowed, though it is not the importer's own alias here",
        'export { internal, core, consumer, old };',
      ].join('\n'),
    },
    wildcardAliases: true,
  },
  {
    name: 'nested external imports',
    options: {
      checkNestedExternalImports: true,
      depConstraints: [
        { sourceTag: 'type:ui', bannedExternalImports: ['left-pad'] },
        { sourceTag: 'type:feature', allowedExternalImports: ['rxjs'] },
        { sourceTag: '*', onlyDependOnLibsWithTags: ['*'] },
      ],
    },
    npm: {
      'left-pad': { version: '1.3.0', declared: true },
      rxjs: { version: '7.8.0', declared: true },
    },
    projects: [
      lib('ui', { tags: ['type:ui'] }),
      lib('feature', { tags: ['type:feature'] }),
      lib('text', { tags: ['type:util'] }),
      lib('format', { tags: ['type:util'] }),
      lib('plain', { tags: ['type:util'] }),
    ],
    files: {
      'libs/text/src/pad.ts': "import pad from 'left-pad'; // ok: text may use it\nexport { pad };\n",
      'libs/format/src/uses.ts': "import { text } from '@acme/text'; // ok: format has no constraint on npm packages\nexport { text };\n",
      'libs/plain/src/uses.ts': "import { of } from 'rxjs'; // ok: plain may use it\nexport { of };\n",
      'libs/ui/src/uses.ts': [
        "import { text } from '@acme/text'; // expect nestedBannedExternalImportsViolation: text imports left-pad, banned for ui",
        "import { format } from '@acme/format'; // expect nestedBannedExternalImportsViolation: format reaches left-pad through text",
        "import { plain } from '@acme/plain'; // ok: plain imports only rxjs, not banned for ui",
        'export { text, format, plain };',
      ].join('\n'),
      'libs/feature/src/uses.ts': [
        "import { plain } from '@acme/plain'; // ok: rxjs is in allowedExternalImports",
        "import { text } from '@acme/text'; // expect nestedBannedExternalImportsViolation: left-pad is not in allowedExternalImports",
        'export { plain, text };',
      ].join('\n'),
    },
  },
  {
    name: 'circular self dependency allowed',
    options: { allowCircularSelfDependency: true },
    projects: [lib('self')],
    files: {
      'libs/self/src/uses.ts': "import { self } from '@acme/self'; // ok: allowCircularSelfDependency\nexport { self };\n",
    },
  },
];

const ANNOTATION = /\/\/ (ok|expect ([A-Za-z0-9]+)|palisade-only ([A-Za-z0-9]+)): (.+)$/u;

/**
 * The files of a group's workspace, and what each rule should report.
 * @param {Group} group
 */
export function materialise(group) {
  /** @type {Record<string, string>} */
  const files = {
    // As in a workspace with @nx/js installed: Nx reads the imports of source files.
    'nx.json': JSON.stringify({ pluginsConfig: { '@nx/js': { analyzeSourceFiles: true } } }),
    'package.json': JSON.stringify(rootPackage(group), null, 2),
  };
  const paths = {};
  for (const { root, name, files: projectFiles } of group.projects) {
    Object.assign(files, projectFiles);
    paths[`@acme/${name}`] = [`${root}/src/index.ts`];
    if (group.wildcardAliases) {
      paths[`@acme/${name}/*`] = [`${root}/*`];
    }
  }
  Object.assign(files, group.files);
  files['tsconfig.base.json'] = JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }, null, 2);
  for (const [name, { version }] of Object.entries(group.npm ?? {})) {
    files[`node_modules/${name}/package.json`] = JSON.stringify({ name, version, main: 'index.js' });
    files[`node_modules/${name}/index.js`] = 'module.exports = {};\n';
  }
  if (group.npm !== undefined) {
    files['package-lock.json'] = JSON.stringify(lockfile(group), null, 2);
  }
  /** @type {{ file: string, line: number, nx: string | undefined, palisade: string | undefined, why: string }[]} */
  const scenarios = [];
  for (const [file, text] of Object.entries(files)) {
    if (!file.endsWith('.ts')) {
      continue;
    }
    text.split('\n').forEach((line, index) => {
      const match = ANNOTATION.exec(line);
      if (match !== null) {
        const [, , expected, palisadeOnly, why] = match;
        scenarios.push({ file, line: index + 1, nx: expected, palisade: expected ?? palisadeOnly, why });
      }
    });
  }
  return { files, scenarios };
}

function rootPackage(group) {
  const dependencies = {};
  for (const [name, { version, declared }] of Object.entries(group.npm ?? {})) {
    if (declared) {
      dependencies[name] = version;
    }
  }
  return { name: 'parity', version: '0.0.0', private: true, dependencies };
}

/** An npm lockfile (v3) listing the group's packages, from which Nx learns the external nodes. */
export function lockfile(group) {
  const root = rootPackage(group);
  const packages = { '': { name: root.name, version: root.version, dependencies: root.dependencies } };
  for (const [name, { version }] of Object.entries(group.npm ?? {})) {
    packages[`node_modules/${name}`] = { version, resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`, integrity: 'sha512-AAAA', license: 'MIT' };
  }
  return { name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages };
}
