// Parity of `palisade/enforce-module-boundaries` with the real `@nx/enforce-module-boundaries`
// (from npm, the oracle): each group of tests/nx/parity/nx-scenarios.mjs becomes a small Nx
// workspace; real `nx` computes its project graph cache (which only the oracle reads), then real
// ESLint lints it with each rule and the same options. Every annotated import must get the
// expected verdict from both rules, with the same message, and nothing else may be reported.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GROUPS, materialise } from './parity/nx-scenarios.mjs';

const require = createRequire(import.meta.url);
const NX = require.resolve('nx/bin/nx.js');
const LINT_BOTH = fileURLToPath(new URL('./parity/lint-both.mjs', import.meta.url));
const PALISADE = fileURLToPath(new URL('../../npm/palisade/bin/palisade.js', import.meta.url));
// Inside the repository, so that ESLint, the Nx plugin and palisade resolve from its node_modules.
const scratch = fileURLToPath(new URL(`./.scratch-parity-${process.pid}/`, import.meta.url));
const ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };

after(() => rmSync(scratch, { recursive: true, force: true }));

function run(args, cwd) {
  const result = spawnSync(process.execPath, args, { cwd, env: ENV, encoding: 'utf8', timeout: 240_000 });
  assert.equal(result.status, 0, `${args.join(' ')}\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

let total = 0;

for (const [index, group] of GROUPS.entries()) {
  test(`parity with @nx/enforce-module-boundaries: ${group.name}`, () => {
    const root = join(scratch, `group-${index}`);
    const { files, scenarios } = materialise(group);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    writeFileSync(join(root, 'parity-options.json'), JSON.stringify(group.options));
    // The oracle needs Nx's project graph cache; Palisade does not read it.
    run([NX, 'show', 'projects'], root);
    const { nx, palisade } = JSON.parse(run([LINT_BOTH], root));
    total += scenarios.length;

    const key = ({ file, line }) => `${file}:${line}`;
    const byLine = (reports) => new Map(reports.map((report) => [key(report), report]));
    const nxByLine = byLine(nx);
    const palisadeByLine = byLine(palisade);
    const problems = [];
    for (const scenario of scenarios) {
      const [fromNx, fromPalisade] = [nxByLine.get(key(scenario)), palisadeByLine.get(key(scenario))];
      const where = `${key(scenario)} (${scenario.why})`;
      if (fromNx?.messageId !== scenario.nx) {
        problems.push(`${where}: Nx reported ${fromNx?.messageId ?? 'nothing'}, the scenario expects ${scenario.nx ?? 'nothing'}`);
      }
      if (fromPalisade?.messageId !== scenario.palisade) {
        problems.push(`${where}: Palisade reported ${fromPalisade?.messageId ?? 'nothing'}, the scenario expects ${scenario.palisade ?? 'nothing'}`);
      }
      // Same verdict, same words: Nx's message, which Palisade follows with its help line.
      if (fromNx !== undefined && fromPalisade !== undefined && !fromPalisade.message.startsWith(fromNx.message)) {
        problems.push(`${where}: messages differ:\n  nx:       ${JSON.stringify(fromNx.message)}\n  palisade: ${JSON.stringify(fromPalisade.message)}`);
      }
    }
    const annotated = new Set(scenarios.map(key));
    for (const [tool, reports] of [['Nx', nx], ['Palisade', palisade]]) {
      for (const report of reports.filter((r) => !annotated.has(key(r)))) {
        problems.push(`${key(report)}: ${tool} reported ${report.messageId} on a line with no scenario: ${report.message}`);
      }
    }
    assert.deepEqual(problems, []);

    // `init --from-nx` turns the ESLint setting into a palisade.json with the same verdicts. Odd
    // groups keep it in a flat config, even ones in an .eslintrc.json override (as older Nx did).
    const setting = ['error', group.options];
    if (index % 2 === 1) {
      writeFileSync(
        join(root, 'eslint.config.mjs'),
        `export default [{ files: ['**/*.ts'], rules: { '@nx/enforce-module-boundaries': ${JSON.stringify(setting)} } }];\n`,
      );
    } else {
      const overrides = [{ files: ['*.ts', '*.tsx'], rules: { '@nx/enforce-module-boundaries': setting } }];
      writeFileSync(join(root, '.eslintrc.json'), JSON.stringify({ root: true, plugins: ['@nx'], overrides }));
    }
    const imported = spawnSync(process.execPath, [PALISADE, 'init', '--from-nx'], { cwd: root, env: ENV, encoding: 'utf8' });
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /^wrote palisade\.json from (eslint\.config\.mjs|\.eslintrc\.json)$/mu);
    const checked = spawnSync(process.execPath, [PALISADE, 'check', '--format', 'json'], { cwd: root, env: ENV, encoding: 'utf8' });
    const fromCheck = JSON.parse(checked.stdout).diagnostics
      .filter((d) => d.rule === 'enforce-module-boundaries')
      .map((d) => `${d.file}:${d.line} ${d.message}. Help: ${d.help}`);
    assert.deepEqual(fromCheck.sort(), palisade.map((r) => `${r.file}:${r.line} ${r.message}`).sort());
  });
}

test('init --from-nx: no Nx rule, a broken config, an existing palisade.json', () => {
  const root = join(scratch, 'init-errors');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'nx.json'), '{}');
  const init = (...args) => spawnSync(process.execPath, [PALISADE, 'init', ...args], { cwd: root, env: ENV, encoding: 'utf8' });
  let run = init('--from-nx');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no ESLint config in .*; name one with --eslint-config/u);
  writeFileSync(join(root, '.eslintrc.json'), '{ "rules": { ');
  run = init('--from-nx');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^palisade: \.eslintrc\.json: not valid JSON/u);
  writeFileSync(join(root, '.eslintrc.json'), '{ "rules": { "no-console": "error" } }');
  run = init('--from-nx');
  assert.match(run.stderr, /the ESLint config does not set @nx\/enforce-module-boundaries/u);
  writeFileSync(join(root, '.eslintrc.json'), JSON.stringify({
    rules: { '@nx/enforce-module-boundaries': ['warn', { allow: [] }] },
    overrides: [{ files: ['*.ts'], rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }] }] } }],
  }));
  run = init('--from-nx');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /set in 2 places \(\.eslintrc\.json rules, \.eslintrc\.json overrides\[0\]\)/u);
  run = init('--from-nx');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /palisade\.json exists; pass --force to replace it/u);
  assert.equal(init('--from-nx', '--force').status, 0);
  assert.equal(init('--format', 'json').status, 2);
});

test('the parity corpus holds at least 40 Nx scenarios', () => {
  assert.ok(total >= 40, `${total} scenarios`);
});
