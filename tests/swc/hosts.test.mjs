// The hosts that run the SWC plugin inside a bundler, with the config files of the `palisade`
// README, taken from it verbatim: Vite (`@vitejs/plugin-react-swc` and its `plugins` option)
// builds a library of the example's orders domain and stops on the seeded violation in
// `order-factory.ts` (a `.ts` file, which the Vite plugin compiles with SWC), then builds once the
// violation is gone; Next.js (`experimental.swcPlugins`) builds a small app added to the example
// (`apps/web`, its page in `.jsx`, so that Next.js sets up no TypeScript), with Turbopack, started
// in the Turbopack root and in the app's folder (it names files from its root either way), and with
// webpack, started in the app's folder: all stop on the page's import of a domain, and both
// bundlers build once the page keeps to the rules. The
// workspace is a copy inside this repository, so that the tools find `palisade`, the plugin,
// `vite` and `next` in its node_modules; for the same reason the repository is Turbopack's root
// (the folder of the nearest lockfile), and Turbopack's snapshot file lands in the repository's
// node_modules/.cache/palisade, from where `after()` removes it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { SNAPSHOT_FOLDER, snapshotFileName, workspaceSnapshot } from '../../npm/palisade/src/swc.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(REPO, 'examples/nx-nest');
const BIN = join(REPO, 'node_modules/.bin');
const README = join(REPO, 'npm/palisade/README.md');
const FACTORY = 'libs/orders/domain/src/lib/order-factory.ts';

let workspace;
let web;
/** The snapshot file `next build` writes below the repository when Turbopack runs there. */
let turbopackSnapshot;

/** The README's code block whose first line is `// <name>`, as written there. */
function readmeSnippet(name) {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(`\`\`\`js\n// ${name}\n`);
  assert.notEqual(start, -1, `the README has a js block for ${name}`);
  const body = start + '```js\n'.length;
  return text.slice(body, text.indexOf('```', body));
}

const PAGE_WITH_VIOLATION = `import { OrderStatus } from '@acme/orders-domain';
import { Money } from '@acme/shared-util';

export default function Home() {
  return <p>{Money.of(1299).toString()}, {Object.keys(OrderStatus).length} order states</p>;
}
`;

const CLEAN_PAGE = `import { Money } from '@acme/shared-util';

export default function Home() {
  return <p>{Money.of(1299).toString()}</p>;
}
`;

before(() => {
  workspace = mkdtempSync(join(REPO, 'tests/swc/.scratch-'));
  cpSync(EXAMPLE, workspace, { recursive: true, filter: (path) => !path.includes('node_modules') });
  writeFileSync(join(workspace, 'vite.config.mjs'), readmeSnippet('vite.config.mjs'));

  web = join(workspace, 'apps/web');
  mkdirSync(join(web, 'app'), { recursive: true });
  writeFileSync(join(web, 'next.config.mjs'), readmeSnippet('next.config.mjs'));
  writeFileSync(join(web, 'project.json'), `${JSON.stringify({
    name: 'web', root: 'apps/web', sourceRoot: 'apps/web/app', projectType: 'application', tags: ['scope:web', 'type:app'],
  }, null, 2)}\n`);
  // Next.js reads path aliases from the app's jsconfig.json (a tsconfig.json would make it set up
  // TypeScript); Palisade takes them from the workspace's tsconfig.base.json, as elsewhere.
  writeFileSync(join(web, 'jsconfig.json'), `${JSON.stringify({
    compilerOptions: {
      paths: {
        '@acme/orders-domain': ['../../libs/orders/domain/src/index.ts'],
        '@acme/shared-util': ['../../libs/shared/util/src/index.ts'],
      },
    },
  }, null, 2)}\n`);
  writeFileSync(join(web, 'app/layout.jsx'), `export const metadata = { title: 'Acme' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`);
  writeFileSync(join(web, 'app/page.jsx'), PAGE_WITH_VIOLATION);

  turbopackSnapshot = join(REPO, SNAPSHOT_FOLDER, snapshotFileName(workspaceSnapshot({ cwd: web })));
});

after(() => {
  rmSync(workspace, { recursive: true, force: true });
  if (turbopackSnapshot) rmSync(turbopackSnapshot, { force: true });
});

/**
 * Runs a tool of node_modules/.bin in `cwd`, without `RUST_BACKTRACE` (see TOOLCHAIN), colours
 * or Next.js telemetry.
 */
function run(tool, args, cwd) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  delete env.RUST_BACKTRACE;
  delete env.FORCE_COLOR;
  const result = spawnSync(join(BIN, tool), args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

/** `next build` of the app, with Turbopack from the repository (its root) or webpack from the app. */
function nextBuild(bundler) {
  rmSync(join(web, '.next'), { recursive: true, force: true });
  return bundler === 'turbopack'
    ? run('next', ['build', relative(REPO, web)], REPO)
    : run('next', ['build', '--webpack'], web);
}

test('the Vite config is the README snippet, with the plugin entry as written there', () => {
  const config = readFileSync(join(workspace, 'vite.config.mjs'), 'utf8');
  assert.match(config, /plugins: \[react\(\{ plugins: \[swcPlugin\(\)\] \}\)\]/u);
});

test('vite build stops on the seeded violation in a .ts file of the orders domain', () => {
  const { status, output } = run('vite', ['build'], workspace);
  assert.notEqual(status, 0, output);
  assert.match(output, /\[plugin vite:react-swc\] \S*\/libs\/orders\/domain\/src\/lib\/order-factory\.ts/u);
  assert.match(output, /palisade\/dependencies: libs\/orders\/domain\/src\/lib\/order-factory\.ts:3:35: `domain\(scope=orders\)` may not import `application\(scope=orders\)`/u);
  assert.match(output, /help: import only elements that `domain\(scope=orders\)` may depend on/u);
  assert.match(output, /palisade\/tags: libs\/orders\/domain\/src\/lib\/order-factory\.ts:3:35: `orders-domain` \(tagged `type:domain`\)/u);
  assert.match(output, /import \{ PlaceOrderCommand \} from '@acme\/orders-application';\n\s+:\s+\^+/u, 'SWC draws the code frame');
  assert.doesNotMatch(output, /panicked|RuntimeError/u);
});

test('vite build builds the orders domain once the violation is removed', () => {
  const fixed = readFileSync(join(workspace, FACTORY), 'utf8')
    .replace(/^\/\/ Seeded violation.*\n^import \{ PlaceOrderCommand \}.*\n/mu, '')
    .replace('command: PlaceOrderCommand',
      'command: { customerId: string; currency: string; lines: { sku: string; quantity: number; unitPriceCents: number }[] }');
  assert.doesNotMatch(fixed, /PlaceOrderCommand|orders-application/u);
  writeFileSync(join(workspace, FACTORY), fixed);
  const { status, output } = run('vite', ['build'], workspace);
  assert.equal(status, 0, output);
  assert.match(output, /built in/u);
  const bundle = readFileSync(join(workspace, 'dist/orders-domain.mjs'), 'utf8');
  assert.match(bundle, /as orderFromCommand/u);
  assert.match(bundle, /money is kept in whole cents/u, '@acme/shared-util is bundled through the tsconfig alias');
  assert.match(bundle, /from "node:crypto"/u);
});

test('the Next.js config is the README snippet', () => {
  const config = readFileSync(join(web, 'next.config.mjs'), 'utf8');
  assert.match(config, /swcPlugins: \[\['palisade-swc-plugin', swcPluginConfig\(\{ cwd: import\.meta\.dirname \}\)\]\]/u);
});

/** The failures both bundlers report for the page's import of the orders domain. */
function assertPageViolation(status, output) {
  assert.notEqual(status, 0, output);
  assert.match(output, /palisade\/dependencies: apps\/web\/app\/page\.jsx:1:29: `app\(app=web\)` may not import `domain\(scope=orders\)`/u);
  assert.match(output, /help: import only elements that `app\(app=web\)` may depend on/u);
  assert.match(output, /palisade\/tags: apps\/web\/app\/page\.jsx:1:29: `web` \(tagged `type:app`\) may only depend on projects tagged/u);
  assert.match(output, /import \{ OrderStatus \} from '@acme\/orders-domain';/u, 'the code frame shows the import');
  assert.doesNotMatch(output, /panicked|RuntimeError|no-unresolved-local/u);
}

test('next build (Turbopack, started in its root) stops on the page that imports a domain', () => {
  const { status, output } = nextBuild('turbopack');
  assert.match(output, /Next\.js 16\.\d+\.\d+ \(Turbopack\)/u);
  assertPageViolation(status, output);
  assert.ok(existsSync(turbopackSnapshot), 'the plugin read the snapshot from a file below the working directory');
});

test('next build (Turbopack, started in the app) stops on the same violation, with file names from its root', () => {
  rmSync(join(web, '.next'), { recursive: true, force: true });
  const { status, output } = run('next', ['build'], web);
  assert.match(output, /Next\.js 16\.\d+\.\d+ \(Turbopack\)/u);
  assertPageViolation(status, output);
});

test('next build --webpack, started in the app, stops on the page that imports a domain', () => {
  const { status, output } = nextBuild('webpack');
  assert.match(output, /Next\.js 16\.\d+\.\d+ \(webpack\)/u);
  assertPageViolation(status, output);
  assert.ok(existsSync(join(web, SNAPSHOT_FOLDER)), 'the snapshot file lies below the app, the working directory');
});

for (const bundler of ['turbopack', 'webpack']) {
  test(`next build (${bundler}) builds the app once the page keeps to the rules`, () => {
    writeFileSync(join(web, 'app/page.jsx'), CLEAN_PAGE);
    const { status, output } = nextBuild(bundler);
    assert.equal(status, 0, output);
    assert.match(output, /Compiled successfully/u);
    const html = readFileSync(join(web, '.next/server/app/index.html'), 'utf8');
    assert.match(html, /12\.99 EUR/u, 'the page renders Money from @acme/shared-util');
  });
}
