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
  });
}

test('the parity corpus holds at least 40 Nx scenarios', () => {
  assert.ok(total >= 40, `${total} scenarios`);
});
