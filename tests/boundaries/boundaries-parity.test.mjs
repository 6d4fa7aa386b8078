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
import { GROUPS, PALISADE_RULE, PENDING, lintPattern, lintedFiles, materialise } from './parity/boundaries-scenarios.mjs';

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

/**
 * Lints the group with boundaries, imports its config and checks the package with Palisade.
 * @returns {{ boundaries: string[], palisade: string[], scenarios: number, context: string }}
 *   what each tool got wrong against the annotations
 */
function runGroup(group, name) {
  const root = join(scratch, name);
  const { files, scenarios } = materialise(group);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const linted = run([LINT, lintPattern(group)], root);
  assert.equal(linted.status, 0, linted.stderr);
  const boundaries = JSON.parse(linted.stdout);

  // Every other package imports from the same setting in an .eslintrc.json (settings at the top,
  // rules in an override), as v5 users have it; ESLint itself reads the flat config.
  let source = 'eslint.config.mjs';
  if (GROUPS.indexOf(group) % 2 === 1) {
    source = '.eslintrc.json';
    const overrides = [{ files: lintedFiles(group).map((glob) => glob.replace('**/', '')), rules: group.rules }];
    writeFileSync(join(root, source), JSON.stringify({ root: true, plugins: ['boundaries'], settings: group.settings, overrides }));
  }
  const imported = run([PALISADE, 'init', '--from-boundaries', '--eslint-config', source], root);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, new RegExp(`^wrote palisade\\.json from ${source.replace('.', '\\.')}$`, 'mu'));
  const checked = run([PALISADE, 'check', '--format', 'json'], root);
  assert.ok(checked.status === 0 || checked.status === 1, checked.stderr);
  const palisade = JSON.parse(checked.stdout).diagnostics.map((d) => ({ file: d.file, line: d.line, rule: d.rule, message: d.message }));

  const key = ({ file, line }) => `${file}:${line}`;
  const byLine = (reports) => {
    const lines = new Map();
    for (const report of reports) {
      lines.set(key(report), [...(lines.get(key(report)) ?? []), report]);
    }
    return lines;
  };
  const found = { boundaries: byLine(boundaries), Palisade: byLine(palisade) };
  const problems = { boundaries: [], Palisade: [] };
  for (const scenario of scenarios) {
    const where = `${key(scenario)} (${scenario.why})`;
    const expected = { boundaries: scenario.boundaries, Palisade: scenario.palisade };
    for (const tool of ['boundaries', 'Palisade']) {
      const reports = found[tool].get(key(scenario)) ?? [];
      const got = reports.map((report) => `${report.rule} (${report.message})`).join(', ') || 'nothing';
      if (reports.length > 1 || reports[0]?.rule !== expected[tool]) {
        problems[tool].push(`${where}: ${tool} reported ${got}, the scenario expects ${expected[tool] ?? 'nothing'}`);
      }
    }
    const [own, theirs] = [found.Palisade.get(key(scenario))?.[0], found.boundaries.get(key(scenario))?.[0]];
    if (group.sameMessages && own !== undefined && theirs !== undefined && own.message !== theirs.message) {
      problems.Palisade.push(`${where}: Palisade's message ${JSON.stringify(own.message)} is not boundaries' ${JSON.stringify(theirs.message)}`);
    }
  }
  const annotated = new Set(scenarios.map(key));
  for (const [tool, reports] of [['boundaries', boundaries], ['Palisade', palisade]]) {
    for (const report of reports.filter((r) => !annotated.has(key(r)))) {
      problems[tool].push(`${key(report)}: ${tool} reported ${report.rule} on a line with no scenario: ${report.message}`);
    }
  }
  const context = `palisade.json:\n${readFileSync(join(root, 'palisade.json'), 'utf8')}\nnotes:\n${imported.stderr}`;
  return { ...problems, scenarios: scenarios.length, context };
}

for (const [index, group] of GROUPS.entries()) {
  test(`parity with eslint-plugin-boundaries: ${group.name}`, () => {
    const result = runGroup(group, `group-${index}`);
    total += result.scenarios;
    assert.deepEqual([...result.boundaries, ...result.Palisade], [], result.context);
  });
}

// A pending group waits for a change in Palisade's core (its `reason` says which): its
// annotations must already be boundaries' verdicts; Palisade's side runs as a todo.
for (const [index, { group, reason }] of PENDING.entries()) {
  test(`pending: ${group.name}: boundaries gives the annotated verdicts`, () => {
    const result = runGroup(group, `pending-${index}`);
    assert.deepEqual(result.boundaries, []);
  });
  test(`pending: ${group.name}: Palisade agrees`, { todo: reason }, () => {
    const result = runGroup(group, `pending-palisade-${index}`);
    assert.deepEqual(result.Palisade, [], result.context);
  });
}

/** Imports `.eslintrc.json` with these settings and rules; every expected note must be printed. */
function importWithNotes(root, settings, rules, expectedNotes) {
  writeFileSync(join(root, '.eslintrc.json'), JSON.stringify({ settings, rules }));
  const result = run([PALISADE, 'init', '--from-boundaries', '--force'], root);
  assert.equal(result.status, 0, result.stderr);
  for (const expected of expectedNotes) {
    assert.ok(result.stderr.includes(expected), `missing note: ${expected}\n${result.stderr}`);
  }
  return { notes: result.stderr, written: JSON.parse(readFileSync(join(root, 'palisade.json'), 'utf8')) };
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
        { from: 'widget', allow: [['widget', { name: '{{ from.parents.0.type }}' }]] },
        { from: 'widget', allow: ['feature'], message: 'in ${report.specifiers}' },
      ],
    }],
    'boundaries/external': [2, { rules: [{ from: 'widget', disallow: [['react', { specifiers: ['useState'] }], ['react', { specifiers: 5 }]] }] }],
    'boundaries/entry-point': [2, { rules: [{ target: 'widget', allow: 'index.js', importKind: 5 }] }],
    'boundaries/no-private': [2],
    'boundaries/no-unknown': [2],
  };
  const { notes, written } = importWithNotes(root, settings, rules, [
    'boundaries/elements[0] has no type (only a category); it is not carried over',
    'boundaries/elements[1] captures "path" from a `**`',
    'boundaries/elements[2] pattern "pages/+(a|b)" uses glob syntax Palisade does not read',
    'boundaries/elements[3].require is not carried over',
    'boundaries/element-types: the rule-wide message is given to every policy without one; a violation no policy decides (the default) shows Palisade\'s own message',
    'boundaries/element-types rules[1].from matches on path, which Palisade selectors do not',
    'boundaries/element-types rules[2].allow[0]: template {{ from.parents.0.type }} has no Palisade equivalent',
    'boundaries/element-types rules[3].message: message template ${report.specifiers} has no Palisade equivalent',
    // Bad input: a note naming where it is, never a stack trace.
    'boundaries/external rules[0].disallow[1]: specifiers 5 is not a name pattern Palisade reads; it is not carried over',
    'boundaries/entry-point rules[0].importKind: kind 5 is not an import kind pattern Palisade reads; it is not carried over',
    'boundaries/no-private is not carried over',
    'boundaries/no-unknown is not carried over',
    'boundaries/include is not carried over',
    'boundaries/dependency-nodes is not carried over',
  ]);
  assert.deepEqual(written.elements, [
    { type: 'feature', pattern: '**/features/**/*' },
    { type: 'widget', pattern: '**/widgets/{name}/**/*' },
  ]);
  // The rule-wide message goes to each policy without one, in Palisade's template words; a
  // legacy importKind is the policy's kind, and named imports narrow a package pattern.
  assert.deepEqual(written.rules.dependencies[1].rules[0], { from: ['feature'], allow: ['widget'], kind: 'value', message: '{{from.type}} may not import {{to.type}}' });
  // boundaries/external's default disallows: files in no element, which it does not check, may
  // import any package.
  assert.deepEqual(written.rules.external[1].rules, [{ from: [{ unknown: true }], allow: ['*'] }, { from: ['widget'], disallow: [{ package: 'react', specifiers: ['useState'] }] }]);
  assert.doesNotMatch(notes, /rules\[0\]: importKind|"useState"|named imports/u);
  // rules[1] (a path selector) and rules[2] (its only selector has a template with no equivalent)
  // are left out, as their notes say, not kept with the template as literal text.
  assert.deepEqual(written.rules.dependencies[1].rules.map((rule) => rule.from), [['feature'], ['widget']]);
});

test('init --from-boundaries names the v7 options and selectors it cannot carry over, and no others', () => {
  const root = join(scratch, 'init-notes-v7');
  mkdirSync(root, { recursive: true });
  const settings = {
    'boundaries/elements': [{ type: 'component', pattern: 'components/*', capture: ['name'] }],
    'boundaries/files': [{ pattern: '**/*.test.js', category: 'test' }],
    'boundaries/dependency-nodes': ['import', 'export', 'require', 'dynamic-import'],
  };
  const component = { element: { type: 'component' } };
  const rules = {
    'boundaries/dependencies': [2, {
      checkAllOrigins: true,
      checkInternals: true,
      checkUnknownLocals: true,
      policies: [
        { disallow: { to: { file: { categories: 'test' } } } },
        { from: component, disallow: { to: { module: { source: 'lodash', internalPath: null } } } },
        { from: component, allow: { to: { element: { type: 'component', fileInternalPath: 'index.js' } } } },
        { from: { element: { type: 'component', parent: { type: 'component' } } }, allow: { to: { module: { origin: 'external' } } }, message: '{{ to.module.internalPath }}' },
        { from: component, allow: { to: { module: { source: 'react' } } }, message: '{{ from.element.types.[0] }} uses {{ to.module.source }}' },
        null,
        { from: { element: { types: { someOf: ['component'] } } }, allow: { to: { element: { type: 'component' } } }, message: 5 },
        { from: component, allow: { to: { element: { fileInternalPath: ['index.js', '!main.js'] } } } },
        { from: component, dependency: { kind: 'type' }, allow: [{ to: { element: { isUnknown: true } } }, { to: component, dependency: [{ kind: 'value' }, { relationship: { to: 'internal' } }] }] },
        { from: component, allow: { to: component, dependency: { specifiers: ['x'] } } },
        { from: component, allow: { to: component, dependency: 5 }, importKind: '{{ x }}' },
      ],
    }],
  };
  const { notes, written } = importWithNotes(root, settings, rules, [
    'boundaries/dependencies rules[0].disallow.to matches on file: Palisade has no file categories (boundaries/files)',
    'boundaries/dependencies rules[3].from matches on parent, which Palisade selectors do not',
    'boundaries/dependencies rules[4].message: message template {{ from.element.types.[0] }} has no Palisade equivalent',
    'boundaries/files is not carried over',
    // Bad input: a note naming where it is, never a stack trace.
    'boundaries/dependencies rules[5]: null is not a policy; it is not carried over',
    'boundaries/dependencies rules[6].from: types {"someOf":["component"]} is not an array query Palisade reads',
    'boundaries/dependencies rules[7].allow.to: fileInternalPath "!main.js" is not a glob Palisade reads (a negated glob in a list); the selector is not carried over',
    'boundaries/dependencies rules[8].allow[1].dependency: a dependency selector on relationship has no Palisade equivalent',
    'boundaries/dependencies rules[9].allow.dependency: specifiers on local files have no Palisade equivalent',
    'boundaries/dependencies rules[10].allow.dependency: 5 is not a dependency selector Palisade reads',
  ]);
  // Notes only for what has no equivalent: v7's default dependency-nodes is what Palisade checks,
  // a message on a package policy is in external's words, and checkInternals,
  // checkUnknownLocals, fileInternalPath, isUnknown, internalPath null and kinds carry over.
  assert.doesNotMatch(notes, /dependency-nodes|\{\{ to\.module\.source \}\}|checkInternals|checkUnknownLocals|internalPath null|rules\[2\]/u);
  const [, dependencies] = written.rules.dependencies;
  assert.equal(dependencies.checkInternals, true);
  assert.equal(dependencies.checkUnknownLocals, true);
  assert.deepEqual(dependencies.rules, [
    { from: ['component'], allow: [{ type: 'component', internalPath: 'index.js' }] },
    { from: ['component'], allow: [{ unknown: true }], kind: 'type' },
    { from: ['component'], allow: ['component'], kind: 'value' },
  ]);
  // checkAllOrigins: the default disallows packages too (not in files in no element, which
  // boundaries does not check), and policies on packages are external's.
  assert.deepEqual(written.rules.external, ['error', { default: 'disallow', rules: [
    { from: [{ unknown: true }], allow: ['*'] },
    { from: ['component'], disallow: [{ package: 'lodash', path: null }] },
    { from: ['component'], allow: ['react'], message: '{{ from.element.types.[0] }} uses {{package}}' },
  ] }]);
});

test('the parity corpus holds at least 20 eslint-plugin-boundaries scenarios', () => {
  assert.ok(total >= 20, `${total} scenarios`);
  assert.ok(Object.keys(PALISADE_RULE).length > 0);
});
