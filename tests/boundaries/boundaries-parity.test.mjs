// Parity of `palisade init --from-boundaries` with the real eslint-plugin-boundaries (from npm,
// the oracle): each group of tests/boundaries/parity/boundaries-scenarios.mjs becomes a small
// package with its own eslint.config.mjs. Real ESLint lints it with eslint-plugin-boundaries;
// then `palisade init --from-boundaries` translates that config into palisade.json and
// `palisade check` runs on it. Every annotated import must get the expected verdict from both,
// and nothing else may be reported.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GROUPS, PALISADE_RULE, materialise } from './parity/boundaries-scenarios.mjs';

const LINT = fileURLToPath(new URL('./parity/lint-boundaries.mjs', import.meta.url));
const PALISADE = fileURLToPath(new URL('../../npm/palisade/bin/palisade.js', import.meta.url));
// Inside the repository, so that ESLint, eslint-plugin-boundaries and palisade resolve from its
// node_modules.
const scratch = fileURLToPath(new URL(`./.scratch-parity-${process.pid}/`, import.meta.url));
const ENV = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };

after(() => rmSync(scratch, { recursive: true, force: true }));

function run(args, cwd) {
  return spawnSync(process.execPath, args, { cwd, env: ENV, encoding: 'utf8', timeout: 240_000 });
}

let total = 0;

for (const [index, group] of GROUPS.entries()) {
  test(`parity with eslint-plugin-boundaries: ${group.name}`, () => {
    const root = join(scratch, `group-${index}`);
    const { files, scenarios } = materialise(group);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const linted = run([LINT], root);
    assert.equal(linted.status, 0, linted.stderr);
    const boundaries = JSON.parse(linted.stdout);

    // Odd groups import from the same setting in an .eslintrc.json (settings at the top, rules in
    // an override), as v5 users have it; ESLint itself reads the flat config.
    let source = 'eslint.config.mjs';
    if (index % 2 === 1) {
      source = '.eslintrc.json';
      const overrides = [{ files: ['*.js'], rules: group.rules }];
      writeFileSync(join(root, source), JSON.stringify({ root: true, plugins: ['boundaries'], settings: group.settings, overrides }));
    }
    const imported = run([PALISADE, 'init', '--from-boundaries', '--eslint-config', source], root);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`^wrote palisade\\.json from ${source.replace('.', '\\.')}$`, 'mu'));
    const checked = run([PALISADE, 'check', '--format', 'json'], root);
    assert.ok(checked.status === 0 || checked.status === 1, checked.stderr);
    const palisade = JSON.parse(checked.stdout).diagnostics.map((d) => ({ file: d.file, line: d.line, rule: d.rule, message: d.message }));
    total += scenarios.length;

    const key = ({ file, line }) => `${file}:${line}`;
    const byLine = (reports) => new Map(reports.map((report) => [key(report), report]));
    const [boundariesByLine, palisadeByLine] = [byLine(boundaries), byLine(palisade)];
    const problems = [];
    for (const scenario of scenarios) {
      const [fromBoundaries, fromPalisade] = [boundariesByLine.get(key(scenario)), palisadeByLine.get(key(scenario))];
      const where = `${key(scenario)} (${scenario.why})`;
      if (fromBoundaries?.rule !== scenario.boundaries) {
        problems.push(`${where}: boundaries reported ${fromBoundaries?.rule ?? 'nothing'} (${fromBoundaries?.message ?? ''}), the scenario expects ${scenario.boundaries ?? 'nothing'}`);
      }
      if (fromPalisade?.rule !== scenario.palisade) {
        problems.push(`${where}: Palisade reported ${fromPalisade?.rule ?? 'nothing'} (${fromPalisade?.message ?? ''}), the scenario expects ${scenario.palisade ?? 'nothing'}`);
      }
    }
    const annotated = new Set(scenarios.map(key));
    for (const [tool, reports] of [['boundaries', boundaries], ['Palisade', palisade]]) {
      for (const report of reports.filter((r) => !annotated.has(key(r)))) {
        problems.push(`${key(report)}: ${tool} reported ${report.rule} on a line with no scenario: ${report.message}`);
      }
    }
    const palisadeConfig = readFileSync(join(root, 'palisade.json'), 'utf8');
    assert.deepEqual(problems, [], `palisade.json:\n${palisadeConfig}\nnotes:\n${imported.stderr}`);
  });
}

test('init --from-boundaries names what it cannot carry over, and fails on a config without boundaries', () => {
  const root = join(scratch, 'init-notes');
  mkdirSync(root, { recursive: true });
  const init = (...args) => run([PALISADE, 'init', ...args], root);
  writeFileSync(join(root, '.eslintrc.json'), JSON.stringify({ rules: { 'no-console': 'error' } }));
  let result = init('--from-boundaries', '--from-nx');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /needs one source: --from-nx, --from-boundaries or --preset NAME/u);
  result = init('--from-boundaries');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^palisade: the ESLint config sets no eslint-plugin-boundaries rule/u);
  const settings = {
    'boundaries/include': ['src/**'],
    'boundaries/dependency-nodes': ['import'],
    'boundaries/elements': [
      { category: 'test', pattern: '**/*.spec.js' },
      { type: 'feature', pattern: 'features/**', capture: ['path'] },
      { type: 'page', pattern: 'pages/+(a|b)' },
      { type: 'widget', pattern: 'widgets/*', capture: ['name'], require: 'x' },
    ],
  };
  const rules = {
    'boundaries/element-types': [2, {
      message: '${file.type} may not import ${dependency.type}',
      rules: [
        { from: 'feature', allow: ['widget'], importKind: 'value' },
        { from: { type: 'widget', path: '**/legacy/**' }, allow: ['feature'] },
        { from: 'widget', allow: [['widget', { name: '{{ from.parents.0.type }}' }]], message: 'in ${report.specifiers}' },
      ],
    }],
    'boundaries/external': [2, { rules: [{ from: 'widget', disallow: [['react', { specifiers: ['useState'] }]] }] }],
    'boundaries/no-private': [2],
    'boundaries/no-unknown': [2],
  };
  writeFileSync(join(root, '.eslintrc.json'), JSON.stringify({ settings, rules }));
  result = init('--from-boundaries');
  assert.equal(result.status, 0, result.stderr);
  for (const expected of [
    'boundaries/elements[0] has no type (only a category); it is not carried over',
    'boundaries/elements[1] captures "path" from a `**`',
    'boundaries/elements[2] pattern "pages/+(a|b)" uses glob syntax Palisade does not read',
    'boundaries/elements[3].require is not carried over',
    'boundaries/element-types: the rule-wide message is not carried over',
    'boundaries/element-types rules[0]: importKind "value" is not carried over',
    'boundaries/element-types rules[1].from matches on path, which Palisade selectors do not',
    'boundaries/element-types rules[2].allow[0]: template {{ from.parents.0.type }} has no Palisade equivalent',
    'boundaries/element-types rules[2].message: message template ${report.specifiers} has no Palisade equivalent',
    'boundaries/external rules[0].disallow[0]: "react" with specifiers (named imports or paths) is not carried over',
    'boundaries/no-private is not carried over',
    'boundaries/no-unknown is not carried over',
    'boundaries/include is not carried over',
    'boundaries/dependency-nodes is not carried over',
  ]) {
    assert.ok(result.stderr.includes(expected), `missing note: ${expected}\n${result.stderr}`);
  }
  const written = JSON.parse(readFileSync(join(root, 'palisade.json'), 'utf8'));
  assert.deepEqual(written.elements, [
    { type: 'feature', pattern: '**/features/**/*' },
    { type: 'widget', pattern: '**/widgets/{name}/**/*' },
  ]);
  assert.deepEqual(written.rules.dependencies[1].rules[0], { from: ['feature'], allow: ['widget'] });
  assert.equal(written.rules.dependencies[1].rules.length, 2);
});

test('the parity corpus holds at least 20 eslint-plugin-boundaries scenarios', () => {
  assert.ok(total >= 20, `${total} scenarios`);
  assert.ok(Object.keys(PALISADE_RULE).length > 0);
});
