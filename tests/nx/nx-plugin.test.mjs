// The Nx surface through real `nx` from npm, in a copy of the example workspace (its nx.json
// registers `palisade/nx`): the inferred `palisade` target fails on the projects with seeded
// violations, a second run is served from Nx's cache, and a change in a project re-runs that
// project and its dependents only.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const NX = require.resolve('nx/bin/nx.js');
const EXAMPLE = fileURLToPath(new URL('../../examples/nx-nest/', import.meta.url));
// Inside the repository, so that `nx` and `palisade` resolve from its node_modules.
const scratch = fileURLToPath(new URL(`./.scratch-${process.pid}/`, import.meta.url));

/** The projects whose files hold the example's seeded violations (see examples/nx-nest/expected.txt). */
const VIOLATING = ['api', 'billing-api', 'billing-application', 'billing-domain', 'billing-infrastructure', 'orders-application', 'orders-domain'];
const ALL = [...VIOLATING, 'orders-api', 'orders-infrastructure', 'shared-util'].sort();

before(() => {
  mkdirSync(scratch, { recursive: true });
  cpSync(EXAMPLE, scratch, { recursive: true, filter: (path) => !/[\\/](node_modules|\.nx)$/u.test(path) });
});
after(() => rmSync(scratch, { recursive: true, force: true }));

function nx(...args) {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };
  const run = spawnSync(process.execPath, [NX, ...args], { cwd: scratch, env, encoding: 'utf8', timeout: 240_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** `run-many -t palisade`: exit status, and which projects ran and which came from the cache. */
function runPalisade() {
  const { status, output } = nx('run-many', '-t', 'palisade', '--output-style=static');
  const ran = [];
  const cached = [];
  for (const [, project, note] of output.matchAll(/^> nx run ([\w-]+):palisade(.*)$/gmu)) {
    (/cache/u.test(note) ? cached : ran).push(project);
  }
  const failed = [...output.matchAll(/^- ([\w-]+):palisade$/gmu)].map(([, project]) => project);
  return { status, output, ran: ran.sort(), cached: cached.sort(), failed: failed.sort() };
}

test('the plugin infers a cacheable palisade target on every project with source files', () => {
  const { status, output } = nx('show', 'project', 'orders-domain', '--json');
  assert.equal(status, 0, output);
  const target = JSON.parse(output.slice(output.indexOf('{'))).targets.palisade;
  assert.equal(target.executor, 'palisade:check');
  assert.equal(target.cache, true);
  assert.ok(target.inputs.includes('default') && target.inputs.includes('^default'), JSON.stringify(target.inputs));
  assert.ok(target.inputs.includes('{workspaceRoot}/palisade.json'));
  const projects = nx('show', 'projects', '--with-target', 'palisade');
  assert.deepEqual(projects.output.trim().split('\n').filter((line) => /^[\w-]+$/u.test(line)).sort(), ALL);
});

test('run-many fails on the violating projects; the clean ones come from the cache the second time', () => {
  const first = runPalisade();
  assert.equal(first.status, 1, first.output);
  assert.deepEqual(first.failed, VIOLATING, first.output);
  assert.match(first.output, /error\[dependencies\]: `app\(app=api\)` may not import `domain\(scope=orders\)`/u);
  const second = runPalisade();
  assert.equal(second.status, 1);
  // Nx caches successful tasks; the failing ones run again.
  assert.deepEqual(second.cached, ['orders-api', 'orders-infrastructure', 'shared-util'], second.output);
  assert.deepEqual(second.ran, VIOLATING, second.output);
});

test('with the violations gone everything passes and is cached; a change re-runs its project and dependents only', () => {
  // An empty palisade.json turns every rule off: the verdicts no longer fail.
  writeFileSync(join(scratch, 'palisade.json'), '{}\n');
  const clean = runPalisade();
  assert.equal(clean.status, 0, clean.output);
  const cached = runPalisade();
  assert.equal(cached.status, 0);
  assert.deepEqual(cached.cached, ALL, cached.output);

  const graphFile = join(scratch, 'graph.json');
  assert.equal(nx('graph', `--file=${graphFile}`).status, 0);
  const { dependencies } = JSON.parse(readFileSync(graphFile, 'utf8')).graph;
  const dependents = new Set(['orders-domain']);
  for (let grew = true; grew;) {
    grew = false;
    for (const [project, edges] of Object.entries(dependencies)) {
      if (!dependents.has(project) && edges.some((edge) => dependents.has(edge.target))) {
        dependents.add(project);
        grew = true;
      }
    }
  }
  appendFileSync(join(scratch, 'libs/orders/domain/src/lib/order-status.ts'), '\n// touched by the test\n');
  const after = runPalisade();
  assert.equal(after.status, 0, after.output);
  assert.deepEqual(after.ran, [...dependents].sort(), after.output);
  assert.ok(after.cached.includes('billing-domain') && after.cached.includes('shared-util'), after.output);
  assert.ok(after.ran.length < ALL.length);
});

test('plugin options are checked, and targetName renames the target', async () => {
  const { createNodesV2 } = require('palisade/nx');
  const [pattern, createNodes] = createNodesV2;
  assert.equal(pattern, '**/{project.json,package.json}');
  const context = { workspaceRoot: EXAMPLE, nxJsonConfiguration: {} };
  await assert.rejects(createNodes(['apps/api/project.json'], { target: 'x' }, context), /palisade\/nx: unknown option `target` in nx\.json .*known: targetName, configFile/u);
  await assert.rejects(createNodes(['apps/api/project.json'], { targetName: 3 }, context), /option `targetName` in nx\.json must be a non-empty string, not 3/u);
  const results = await createNodes(['apps/api/project.json', 'package.json'], { targetName: 'architecture' }, context);
  assert.deepEqual(Object.keys(results[0][1].projects['apps/api'].targets), ['architecture']);
  // The example's root package.json is no Nx project: the plugin must not make it one.
  assert.deepEqual(results[1], ['package.json', {}]);
});
