// `palisade init --from-nx` on an ESLint config shaped like a real Nx workspace's (ghostfolio's
// eslint.config.cjs: FlatCompat, the Nx rule in a block whose `files` are `**/*.{ts,tsx,js,jsx}`,
// and one eslint.config.cjs per project that requires the root one). Real ESLint with real
// @nx/eslint-plugin lints the workspace with its own config files (Nx's rule reads the project
// graph real `nx` computed), then `init --from-nx` + `palisade check` must report the same
// imports: the `*.cjs`/`*.mjs` files that the Nx rule never sees are left out through `ignore`.
// The other tests cover what init carries over or names: another `files` scope, an `*.mjs` file
// imported by a linted one, and `import/no-cycle`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const NX = require.resolve('nx/bin/nx.js');
const LINT = fileURLToPath(new URL('../boundaries/parity/lint-boundaries.mjs', import.meta.url));
const PALISADE = fileURLToPath(new URL('../../npm/palisade/bin/palisade.js', import.meta.url));
// Inside the repository, so that ESLint, @nx/eslint-plugin and FlatCompat resolve from its node_modules.
const scratch = fileURLToPath(new URL(`./.scratch-init-from-nx-${process.pid}/`, import.meta.url));
const ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };

after(() => rmSync(scratch, { recursive: true, force: true }));

function workspace(name, files) {
  const root = join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

function node(args, cwd, statuses = [0]) {
  const result = spawnSync(process.execPath, args, { cwd, env: ENV, encoding: 'utf8', timeout: 240_000 });
  assert.ok(statuses.includes(result.status), `${args.join(' ')}: status ${result.status}\n${result.stdout}${result.stderr}`);
  return result;
}

function check(root) {
  return JSON.parse(node([PALISADE, 'check', '--format', 'json'], root, [0, 1]).stdout).diagnostics;
}

/** ghostfolio's root eslint.config.cjs, without its Storybook and type-checked blocks. */
const ROOT_ESLINT_CONFIG = `const { FlatCompat } = require('@eslint/eslintrc');
const js = require('@eslint/js');
const nxEslintPlugin = require('@nx/eslint-plugin');

const compat = new FlatCompat({
  baseDirectory: __dirname,
  recommendedConfig: js.configs.recommended
});

module.exports = [
  {
    ignores: ['**/dist']
  },
  { plugins: { '@nx': nxEslintPlugin } },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          allowCircularSelfDependency: true,
          depConstraints: [
            {
              sourceTag: '*',
              onlyDependOnLibsWithTags: ['*']
            }
          ],
          enforceBuildableLibDependency: true
        }
      ]
    }
  },
  ...compat
    .config({
      extends: ['plugin:@nx/typescript']
    })
    .map((config) => ({
      ...config,
      files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts'],
      rules: {
        ...config.rules
      }
    })),
  ...compat
    .config({
      extends: ['plugin:@nx/javascript']
    })
    .map((config) => ({
      ...config,
      files: ['**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
      rules: {
        ...config.rules
      }
    }))
];
`;

/**
 * A project's eslint.config.cjs, as Nx generates it: the root config, then the project's blocks
 * (ghostfolio's also point typed linting at the project's tsconfig files, which this test skips).
 */
const PROJECT_ESLINT_CONFIG = `const baseConfig = require('../../eslint.config.cjs');

module.exports = [
  {
    ignores: ['**/dist']
  },
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    // Override or add rules here
    rules: {}
  }
];
`;

const project = (name, projectType) => JSON.stringify({ name, projectType, tags: [] });

/**
 * ghostfolio's layout: an API and a client app, a `common` and a `ui` library reached only through
 * wildcard path aliases, config files in `.cjs`/`.mjs`. The seeded violations are ones
 * ghostfolio's options catch: a relative import into another project, an app importing an app, and
 * a cycle between the two libraries.
 */
const GHOSTFOLIO_SHAPE = {
  'nx.json': JSON.stringify({ pluginsConfig: { '@nx/js': { analyzeSourceFiles: true } } }),
  'package.json': JSON.stringify({ name: 'ghostfolio-shape', version: '0.0.0', private: true }),
  'tsconfig.base.json': JSON.stringify({
    compilerOptions: {
      baseUrl: '.',
      paths: {
        '@gf/api/*': ['./apps/api/src/*'],
        '@gf/client/*': ['./apps/client/src/app/*'],
        '@gf/common/*': ['./libs/common/src/lib/*'],
        '@gf/ui/*': ['./libs/ui/src/lib/*'],
      },
    },
  }, null, 2),
  'eslint.config.cjs': ROOT_ESLINT_CONFIG,
  'replace.build.mjs': "import { readFileSync } from 'node:fs';\nexport const version = readFileSync('package.json', 'utf8');\n",
  'apps/api/project.json': project('api', 'application'),
  'apps/api/eslint.config.cjs': PROJECT_ESLINT_CONFIG,
  'apps/api/src/main.ts': [
    "import { helper } from '@gf/common/helper';",
    "import { config } from '../../../libs/common/src/lib/config';",
    'export const main = [helper, config];',
    '',
  ].join('\n'),
  'apps/api/src/app/info.ts': 'export const info = 1;\n',
  'apps/client/project.json': project('client', 'application'),
  'apps/client/eslint.config.cjs': PROJECT_ESLINT_CONFIG,
  'apps/client/src/app/app.ts': [
    "import { chart } from '@gf/ui/chart';",
    "import { info } from '@gf/api/app/info';",
    'export const app = [chart, info];',
    '',
  ].join('\n'),
  'libs/common/project.json': project('common', 'library'),
  'libs/common/eslint.config.cjs': PROJECT_ESLINT_CONFIG,
  'libs/common/src/lib/helper.ts': 'export const helper = 1;\n',
  'libs/common/src/lib/config.ts': 'export const config = 2;\n',
  'libs/common/src/lib/dtos/index.ts': "export * from './order.dto';\n",
  'libs/common/src/lib/dtos/order.dto.ts': "import { helper } from '@gf/common/helper';\nexport class OrderDto { value = helper; }\n",
  'libs/common/src/lib/chart-data.ts': "import { chart } from '@gf/ui/chart';\nexport const chartData = chart;\n",
  'libs/ui/project.json': project('ui', 'library'),
  'libs/ui/eslint.config.cjs': PROJECT_ESLINT_CONFIG,
  'libs/ui/src/lib/chart.ts': "import { helper } from '@gf/common/helper';\nexport const chart = helper;\n",
};

test('init --from-nx carries ghostfolio\'s files scope: the same reports as @nx/eslint-plugin', () => {
  const root = workspace('ghostfolio-shape', GHOSTFOLIO_SHAPE);
  node([NX, 'show', 'projects'], root);
  // Nx reports on the whole statement, Palisade on the import's string: both end on its line.
  const linted = JSON.parse(node([LINT, '.'], root).stdout);
  const nx = linted.filter((r) => r.rule === '@nx/enforce-module-boundaries').map((r) => `${r.file}:${r.endLine} ${r.message}`).sort();
  assert.deepEqual(linted.filter((r) => r.rule.startsWith('fatal')), []);
  rmSync(join(root, '.nx'), { recursive: true, force: true });

  const imported = node([PALISADE, 'init', '--from-nx'], root);
  assert.equal(imported.stdout, 'wrote palisade.json from eslint.config.cjs\n');
  const config = JSON.parse(readFileSync(join(root, 'palisade.json'), 'utf8'));
  assert.deepEqual(config.ignore, ['**/*.mts', '**/*.cts', '**/*.mjs', '**/*.cjs']);
  assert.match(imported.stderr, /applies @nx\/enforce-module-boundaries to \["\*\*\/\*\.ts","\*\*\/\*\.tsx","\*\*\/\*\.js","\*\*\/\*\.jsx"\] only; .*\(\*\.mts, \*\.cts, \*\.mjs, \*\.cjs: 6 file\(s\), none imported by a file in the scope\) are in "ignore"/u);
  assert.match(imported.stderr, /^note: file cycles are not checked: the ESLint config does not set import\/no-cycle or import-x\/no-cycle; add "no-cycle": \["error", \{ "projects": false \}\]/mu);
  const palisade = check(root).map((d) => `${d.file}:${d.line} ${d.message}`).sort();
  // Palisade follows each message with a help line; Nx's message is the start of Palisade's.
  assert.equal(palisade.length, nx.length, `nx:\n${nx.join('\n')}\npalisade:\n${palisade.join('\n')}`);
  palisade.forEach((report, index) => assert.ok(report.startsWith(nx[index]), `nx:       ${nx[index]}\npalisade: ${report}`));

  // The comparison has teeth: each seeded violation is among the reports, and without the
  // carried scope Palisade would report the projects' eslint.config.cjs, which Nx never checks.
  for (const expected of [
    /^apps\/api\/src\/main\.ts:2 Projects cannot be imported by a relative or absolute path/u,
    /^apps\/client\/src\/app\/app\.ts:2 Imports of apps are forbidden/u,
    /^libs\/common\/src\/lib\/chart-data\.ts:1 Circular dependency between "common" and "ui" detected/u,
    /^libs\/ui\/src\/lib\/chart\.ts:1 Circular dependency between "ui" and "common" detected/u,
  ]) {
    assert.ok(nx.some((report) => expected.test(report)), `${expected} in\n${nx.join('\n')}`);
  }
  writeFileSync(join(root, 'palisade.json'), JSON.stringify({ ...config, ignore: undefined }));
  const unscoped = check(root).filter((d) => d.file.endsWith('.cjs'));
  assert.ok(unscoped.some((d) => d.file === 'apps/api/eslint.config.cjs'), JSON.stringify(unscoped, null, 2));
});

test('init --from-nx names a files scope it cannot carry, and keeps *.mjs files that checked files import', () => {
  const nxRule = (files) => `export default [{ files: ${JSON.stringify(files)}, rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }] }] } }];\n`;
  const root = workspace('scopes', {
    'package.json': JSON.stringify({ name: 'scopes', private: true }),
    'libs/a/project.json': project('a', 'library'),
    'libs/a/src/index.ts': "import { version } from './version.mjs';\nexport const a = version;\n",
    'libs/a/src/version.mjs': 'export const version = 1;\n',
    'libs/a/jest.config.cjs': 'module.exports = {};\n',
    'eslint.config.mjs': nxRule(['**/*.ts', '**/*.{js,jsx}']),
  });
  let imported = node([PALISADE, 'init', '--from-nx'], root);
  let config = JSON.parse(readFileSync(join(root, 'palisade.json'), 'utf8'));
  assert.deepEqual(config.ignore, ['**/*.tsx', '**/*.mts', '**/*.cts', '**/*.cjs']);
  assert.match(imported.stderr, /\*\.mjs files cannot be left out \(libs\/a\/src\/index\.ts imports libs\/a\/src\/version\.mjs, and "ignore" would take them out of the import graph\), so Palisade checks them with it too/u);

  writeFileSync(join(root, 'eslint.config.mjs'), nxRule(['libs/**/*.ts']));
  imported = node([PALISADE, 'init', '--from-nx', '--force'], root);
  config = JSON.parse(readFileSync(join(root, 'palisade.json'), 'utf8'));
  assert.equal(config.ignore, undefined);
  assert.match(imported.stderr, /applies @nx\/enforce-module-boundaries to \["libs\/\*\*\/\*\.ts"\] only; palisade\.json has no per-rule file scope, so Palisade checks every source file of the workspace with it/u);
});

test('init --from-nx carries import/no-cycle over to no-cycle, and names what it cannot', () => {
  const root = workspace('no-cycle', {
    'package.json': JSON.stringify({ name: 'no-cycle', private: true }),
    'libs/a/project.json': project('a', 'library'),
    'libs/a/src/index.ts': "export { b } from './b';\nexport const a = 1;\n",
    'libs/a/src/b.ts': "import { a } from './index';\nexport const b = () => a;\n",
    'libs/a/src/lazy.ts': "export const load = () => import('./lazy-back');\n",
    'libs/a/src/lazy-back.ts': "import { load } from './lazy';\nexport const back = load;\n",
  });
  const config = (cycle) => `export default [
  { files: ['**/*.ts'], rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }] }] } },
  { files: ['**/*.ts'], rules: { 'import/no-cycle': ${JSON.stringify(cycle)} } },
];\n`;
  const cycles = () => check(root).filter((d) => d.rule === 'no-cycle').map((d) => `${d.file}:${d.line}`).sort();

  writeFileSync(join(root, 'eslint.config.mjs'), config(['error', { maxDepth: 3, ignoreExternal: true }]));
  let imported = node([PALISADE, 'init', '--from-nx'], root);
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'palisade.json'), 'utf8')).rules['no-cycle'], ['error', { dynamic: true, projects: false }]);
  assert.match(imported.stderr, /^note: import\/no-cycle \(eslint\.config\.mjs \[1\]\) is carried over as "no-cycle": \["error",\{"dynamic":true,"projects":false\}\]/mu);
  assert.match(imported.stderr, /^note: import\/no-cycle maxDepth 3 is not carried over: Palisade reports cycles of any length$/mu);
  // import() counts, as in import/no-cycle without allowUnsafeDynamicCyclicDependency.
  assert.deepEqual(cycles(), ['libs/a/src/b.ts:1', 'libs/a/src/index.ts:1', 'libs/a/src/lazy-back.ts:1', 'libs/a/src/lazy.ts:1']);

  writeFileSync(join(root, 'eslint.config.mjs'), config(['warn', { allowUnsafeDynamicCyclicDependency: true }]).replace('import/no-cycle', 'import-x/no-cycle'));
  imported = node([PALISADE, 'init', '--from-nx', '--force'], root);
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'palisade.json'), 'utf8')).rules['no-cycle'], ['warn', { dynamic: false, projects: false }]);
  assert.match(imported.stderr, /^note: import-x\/no-cycle \(eslint\.config\.mjs \[1\]\) is carried over as "no-cycle": \["warn",\{"dynamic":false,"projects":false\}\]/mu);
  assert.deepEqual(cycles(), ['libs/a/src/b.ts:1', 'libs/a/src/index.ts:1']);

  writeFileSync(join(root, 'eslint.config.mjs'), config('off'));
  imported = node([PALISADE, 'init', '--from-nx', '--force'], root);
  assert.equal(JSON.parse(readFileSync(join(root, 'palisade.json'), 'utf8')).rules['no-cycle'], undefined);
  assert.match(imported.stderr, /^note: file cycles are not checked: import\/no-cycle is off in eslint\.config\.mjs \[1\]; add "no-cycle": \["error", \{ "projects": false \}\] to the rules of palisade\.json to check them/mu);
  assert.deepEqual(cycles(), []);
});
