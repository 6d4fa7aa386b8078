// `palisade check` through its real bin in a child process: formats, exit codes, path filters
// and configuration errors, on the example workspace and on small workspaces written to disk.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fileURLToPath } from 'node:url';
import { workspaceWith } from '../temporary-workspace.mjs';

const BIN = fileURLToPath(new URL('../../npm/palisade/bin/palisade.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/nx-nest/', import.meta.url));

function palisade(args, cwd) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The per-rule lines that end a pretty report, as `[rule, count, 'errors' | 'warning' | …]`. */
function tableRows(text) {
  return text.trimEnd().split('\n').map((line) => {
    const [, rule, count, kind] = /^ {2}(\S+) +(\d+) (\S.*)$/u.exec(line) ?? [line];
    return [rule, Number(count), kind];
  });
}

/** expected.txt blocks as `file:line:col-endLine:endCol rule message | help` lines. */
function expectedLines(text) {
  const lines = [];
  const blocks = text.trimEnd().split(/\n(?=\S)/u);
  for (const block of blocks) {
    const [header, message, help] = block.split('\n');
    const [place, , ruleAndId] = header.split(' ');
    lines.push(`${place} ${ruleAndId.split('/')[0]} ${message.replace('  message: ', '')} | ${help.replace('  help: ', '')}`);
  }
  return lines;
}

const EXPECTED = expectedLines(readFileSync(join(EXAMPLE, 'expected.txt'), 'utf8'));

describe('palisade check on the example workspace', () => {
  test('--format json lists exactly the documented violations and exits 1', () => {
    const run = palisade(['check', '--format', 'json'], EXAMPLE);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    assert.equal(report.root, realpathSync(EXAMPLE).replace(/\/$/u, ''));
    assert.deepEqual(Object.keys(report.summary), ['files', 'dependencies', 'errors', 'warnings', 'durationMs']);
    assert.equal(report.summary.files, 40);
    assert.ok(report.summary.dependencies > 0);
    assert.equal(report.summary.errors, EXPECTED.length);
    assert.equal(report.summary.warnings, 0);
    assert.equal(typeof report.summary.durationMs, 'number');
    const actual = report.diagnostics.map(
      (d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.rule} ${d.message} | ${d.help}`,
    );
    assert.deepEqual(actual, EXPECTED);
    assert.ok(report.diagnostics.every((d) => d.severity === 'error' && typeof d.specifier === 'string' || d.rule === 'no-unknown-files'));
    // The seeded cycle: each import on it, with the cycle's files, the first repeated at the end.
    const cycles = report.diagnostics.filter((d) => d.rule === 'no-cycle');
    assert.ok(cycles.length > 0);
    assert.ok(cycles.every((d) => d.cycle.length >= 3 && d.cycle[0] === d.cycle.at(-1)));
    assert.deepEqual(
      cycles.find((d) => d.file === 'libs/billing/domain/src/lib/invoice.ts').cycle,
      ['libs/billing/domain/src/lib/invoice.ts', 'libs/billing/domain/src/lib/invoice-number.ts', 'libs/billing/domain/src/lib/invoice.ts'],
    );
    assert.ok(report.diagnostics.filter((d) => d.rule !== 'no-cycle').every((d) => d.cycle === undefined));
  });

  test('pretty prints a code frame per violation and a summary', () => {
    const run = palisade(['check'], EXAMPLE);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /error\[external\]: `domain\(scope=billing\)` may not import `@nestjs\/common`\n {2}--> libs\/billing\/domain\/src\/lib\/invoice-number\.ts:2:28\n/u);
    assert.match(run.stdout, /\n2 \| import \{ Injectable \} from '@nestjs\/common';\n {2}\| {28}\^{16}\n/u);
    const count = EXPECTED.length;
    const [, table] = run.stdout.split(new RegExp(`\n✖ ${count} problems \\(${count} errors, 0 warnings\\); 40 files, \\d+ dependencies checked in \\d+ ms\n`, 'u'));
    // Then the problems per rule, most first, ties by rule id.
    const perRule = new Map();
    for (const line of EXPECTED) {
      const rule = line.split(' ')[1];
      perRule.set(rule, (perRule.get(rule) ?? 0) + 1);
    }
    const expectedRows = [...perRule].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    assert.deepEqual(tableRows(table), expectedRows.map(([rule, n]) => [rule, n, n === 1 ? 'error' : 'errors']));
    assert.ok(!run.stdout.includes('\u001b['), 'no colours when stdout is not a terminal');
  });

  test('sarif is valid SARIF 2.1.0 with one result per violation', () => {
    const run = palisade(['check', '--format', 'sarif'], EXAMPLE);
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(new URL('fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
    // The official schema's `language` pattern is not valid in Unicode mode.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const [sarifRun] = sarif.runs;
    assert.equal(sarifRun.results.length, EXPECTED.length);
    const first = sarifRun.results[0];
    assert.equal(sarifRun.tool.driver.rules[first.ruleIndex].id, first.ruleId);
    assert.deepEqual(first.locations[0].physicalLocation, {
      artifactLocation: { uri: 'apps/api/src/health.controller.ts', uriBaseId: 'ROOT' },
      region: { startLine: 3, startColumn: 29, endLine: 3, endColumn: 50 },
    });
    const fingerprints = sarifRun.results.map((r) => r.partialFingerprints['palisade/v1']);
    assert.equal(new Set(fingerprints).size, fingerprints.length, 'fingerprints are unique');
  });

  test('github prints one workflow annotation per violation', () => {
    const lines = palisade(['check', '--format', 'github'], EXAMPLE).stdout.trimEnd().split('\n');
    assert.equal(lines.length, EXPECTED.length);
    assert.match(lines[0], /^::error file=apps\/api\/src\/health\.controller\.ts,line=3,col=29,endLine=3,endColumn=50,title=palisade\(dependencies\)::`app\(app=api\)` may not import `domain\(scope=orders\)`/u);
  });

  test('paths narrow the report to files under them', () => {
    const report = JSON.parse(palisade(['check', '--format', 'json', 'libs/billing/domain'], EXAMPLE).stdout);
    assert.deepEqual(
      [...new Set(report.diagnostics.map((d) => d.file))],
      ['libs/billing/domain/src/lib/invoice-number.ts', 'libs/billing/domain/src/lib/invoice.ts'],
    );
  });
});

describe('palisade check exit codes and errors', () => {
  test('a clean workspace exits 0', () => {
    const dir = workspaceWith({
      'package.json': '{ "name": "clean", "workspaces": [] }',
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': 'export const b = 1;\n',
    });
    const run = palisade(['check'], dir);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^✔ no problems \(2 files, 1 dependencies checked in \d+ ms\)\n$/u);
  });

  test('pretty ends with the problems per rule, aligned, errors and warnings named, ties by rule id', () => {
    const dir = workspaceWith({
      'package.json': '{ "name": "mixed", "workspaces": [] }',
      'palisade.json': '{ "rules": { "no-unresolved-local": "warn", "no-cycle": "error" } }',
      'src/a.ts': "import { b } from './b';\nimport { gone } from './gone';\nexport const a = [b, gone];\n",
      'src/b.ts': "import { a } from './a';\nimport { lost } from './lost';\nexport const b = [a, lost];\n",
    });
    const run = palisade(['check'], dir);
    assert.equal(run.status, 1, run.stderr);
    const [, table] = run.stdout.split(/\n✖ 4 problems \(2 errors, 2 warnings\); 2 files, 4 dependencies checked in \d+ ms\n/u);
    assert.deepEqual(tableRows(table), [['no-cycle', 2, 'errors'], ['no-unresolved-local', 2, 'warnings']]);
    assert.deepEqual(table.split('\n').map((line) => line.search(/\d/u)), [23, 23, -1], 'counts in one column');
    const json = JSON.parse(palisade(['check', '--format', 'json'], dir).stdout);
    assert.deepEqual(Object.keys(json.summary), ['files', 'dependencies', 'errors', 'warnings', 'durationMs']);
  });

  test('warnings pass unless --max-warnings is exceeded', () => {
    const dir = workspaceWith({
      'package.json': '{ "name": "warn", "workspaces": [] }',
      'palisade.json': '{ "rules": { "no-unresolved-local": "warn" } }',
      'src/a.ts': "import { gone } from './gone';\nexport const a = gone;\n",
    });
    assert.equal(palisade(['check'], dir).status, 0);
    assert.equal(palisade(['check', '--max-warnings', '1'], dir).status, 0);
    const over = palisade(['check', '--max-warnings', '0', '--format', 'json'], dir);
    assert.equal(over.status, 1);
    assert.equal(JSON.parse(over.stdout).summary.warnings, 1);
  });

  test('a broken palisade.json exits 2 with one line naming the file, JSON path and line', () => {
    const dir = workspaceWith({
      'package.json': '{ "name": "broken", "workspaces": [] }',
      'palisade.json': '{\n  "rules": {\n    "entry-points": "error"\n  }\n}\n',
      'src/a.ts': 'export const a = 1;\n',
    });
    const run = palisade(['check'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^palisade: .*palisade\.json:3:5: rules\.entry-points: unknown key `entry-points` .*did you mean `entry-point`\?\n$/u);
  });

  test('usage errors exit 2 and print the usage', () => {
    for (const args of [[], ['lint'], ['check', '--format', 'xml'], ['check', '--max-warnings', 'many'], ['check', '--bogus']]) {
      const run = palisade(args, EXAMPLE);
      assert.equal(run.status, 2, `palisade ${args.join(' ')}`);
      assert.match(run.stderr, /^palisade: .+\n\nUsage: palisade check/u);
    }
  });

  test('--root and --config point at a workspace from anywhere', () => {
    const run = palisade(['check', '--root', EXAMPLE, '--config', join(EXAMPLE, 'palisade.json'), '--format', 'json'], tmpdir());
    assert.equal(JSON.parse(run.stdout).summary.errors, EXPECTED.length);
  });
});

describe('palisade check finds import cycles', () => {
  test('--format json gives each cycle-closing import with its cycle path', () => {
    const dir = fileURLToPath(new URL('../conformance/no-cycle/file-cycle/', import.meta.url));
    const run = palisade(['check', '--format', 'json'], dir);
    assert.equal(run.status, 1, run.stderr);
    const cycles = JSON.parse(run.stdout).diagnostics.map((d) => [d.rule, d.file, d.cycle]);
    assert.deepEqual(cycles, [
      ['no-cycle', 'src/a.ts', ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts']],
      ['no-cycle', 'src/b.ts', ['src/b.ts', 'src/c.ts', 'src/a.ts', 'src/b.ts']],
      ['no-cycle', 'src/c.ts', ['src/c.ts', 'src/a.ts', 'src/b.ts', 'src/c.ts']],
    ]);
  });
});

describe('palisade check --baseline', () => {
  const files = {
    'package.json': '{ "name": "debt", "workspaces": [] }',
    'palisade.json': '{ "rules": { "no-unresolved-local": "error" } }',
    'src/a.ts': "import { one } from './gone-one';\nimport { two } from './gone-two';\nexport const a = [one, two];\n",
    'src/b.ts': "import { one } from './gone-one';\nexport const b = one;\n",
  };

  test('update, pass, a new violation fails alone, a fixed one is reported as removable', () => {
    const dir = workspaceWith(files);
    const baseline = join(dir, 'palisade.baseline.json');
    const update = palisade(['check', '--update-baseline'], dir);
    assert.equal(update.status, 0, update.stderr);
    assert.match(update.stderr, /wrote 3 baseline entries \(3 violations\)/u);
    const written = JSON.parse(readFileSync(baseline, 'utf8'));
    assert.deepEqual(written.entries.map((e) => `${e.file} ${e.rule} ${e.specifier} ${e.count}`), [
      'src/a.ts no-unresolved-local ./gone-one 1',
      'src/a.ts no-unresolved-local ./gone-two 1',
      'src/b.ts no-unresolved-local ./gone-one 1',
    ]);

    const clean = palisade(['check', '--baseline', baseline, '--format', 'json'], dir);
    assert.equal(clean.status, 0, clean.stdout);
    assert.deepEqual(JSON.parse(clean.stdout).summary.baseline, { file: baseline, known: 3, fixed: 0 });

    // Lines shift and a new violation appears: only the new one is reported.
    writeFileSync(join(dir, 'src/a.ts'), "// moved\n\nimport { one } from './gone-one';\nimport { two } from './gone-two';\nimport { three } from './gone-three';\nexport const a = [one, two, three];\n");
    const fresh = palisade(['check', '--baseline', baseline, '--format', 'json'], dir);
    assert.equal(fresh.status, 1);
    assert.deepEqual(JSON.parse(fresh.stdout).diagnostics.map((d) => `${d.file}:${d.line} ${d.specifier}`), ['src/a.ts:5 ./gone-three']);

    // An old violation is fixed: the check passes and names the removable entry.
    writeFileSync(join(dir, 'src/b.ts'), 'export const b = 1;\n');
    writeFileSync(join(dir, 'src/a.ts'), "import { one } from './gone-one';\nimport { two } from './gone-two';\nexport const a = [one, two];\n");
    const fixed = palisade(['check', '--baseline', baseline], dir);
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.match(fixed.stdout, /✔ no problems \(2 files, 2 dependencies checked in \d+ ms, 2 known violations accepted by the baseline\)/u);
    assert.match(fixed.stderr, /1 baseline entries are fixed and can be removed \(run with --update-baseline\):\n {2}src\/b\.ts: no-unresolved-local `\.\/gone-one`\n/u);
  });

  test('a broken baseline exits 2 naming the file', () => {
    const dir = workspaceWith({ ...files, 'palisade.baseline.json': '{ "version": 1, "entries": [{ "rule": "x" }] }' });
    const run = palisade(['check', '--baseline', 'palisade.baseline.json'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^palisade: .*palisade\.baseline\.json: entries\[0\] needs a rule, file, specifier and a positive count\n$/u);
  });
});

describe('palisade explain and graph', () => {
  test('explain names the project, element, rules and each import with its verdicts', () => {
    const run = palisade(['explain', 'libs/orders/domain/src/lib/order-factory.ts'], EXAMPLE);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^libs\/orders\/domain\/src\/lib\/order-factory\.ts\n/u);
    assert.match(run.stdout, /\n {2}project: orders-domain \(libs\/orders\/domain\), tags `scope:orders`, `type:domain`, imported as `@acme\/orders-domain`\n/u);
    assert.match(run.stdout, /\n {2}element: domain\(scope=orders\) \(type `domain`, base libs\/orders\/domain, captures scope=orders\)\n/u);
    assert.match(run.stdout, /\n {4}4:23 static `\.\/order` → libs\/orders\/domain\/src\/lib\/order\.ts \[project orders-domain, element domain\(scope=orders\)\]: ok\n/u);
    assert.match(run.stdout, /\n {4}3:35 static `@acme\/orders-application` → libs\/orders\/application\/src\/index\.ts .*: dependencies, tags, no-cycle\n/u);
  });

  test('explain --format json gives the same facts as data', () => {
    const run = palisade(['explain', '--format', 'json', 'libs/billing/domain/src/lib/invoice-number.ts'], EXAMPLE);
    assert.equal(run.status, 0, run.stderr);
    const explanation = JSON.parse(run.stdout);
    assert.equal(explanation.file, 'libs/billing/domain/src/lib/invoice-number.ts');
    assert.deepEqual(explanation.element.captures, { scope: 'billing' });
    const [nest, invoice] = explanation.imports;
    assert.deepEqual([nest.specifier, nest.resolution, nest.target, nest.diagnostics.map((d) => d.rule)], ['@nestjs/common', 'package', '@nestjs/common', ['external']]);
    assert.deepEqual([invoice.kind, invoice.resolution, invoice.target], ['static', 'file', 'libs/billing/domain/src/lib/invoice.ts']);
    assert.deepEqual(invoice.diagnostics[0].cycle, [
      'libs/billing/domain/src/lib/invoice-number.ts', 'libs/billing/domain/src/lib/invoice.ts', 'libs/billing/domain/src/lib/invoice-number.ts',
    ]);
    assert.ok(explanation.rules.some(([id, severity]) => id === 'no-cycle' && severity === 'error'));
  });

  test('explain says when a file is not checked', () => {
    const run = palisade(['explain', 'eslint.config.mjs'], EXAMPLE);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /not checked: it is ignored/u);
  });

  test('graph draws projects, elements or files, violating links in red', () => {
    const json = JSON.parse(palisade(['graph', '--format', 'json'], EXAMPLE).stdout);
    assert.equal(json.level, 'project');
    assert.ok(json.nodes.some((node) => node.id === 'orders-domain' && node.files === 6 && node.tags.includes('type:domain') && node.root === 'libs/orders/domain' && node.kind === 'lib'));
    const link = (from, to) => json.links.find((l) => l.from === from && l.to === to);
    assert.deepEqual(link('orders-domain', 'orders-application').violations, ['dependencies', 'no-cycle', 'tags']);
    assert.deepEqual(link('billing-application', 'billing-domain'), { from: 'billing-application', to: 'billing-domain', imports: 2, violations: [] });
    const dot = palisade(['graph', '--level', 'element'], EXAMPLE).stdout;
    assert.match(dot, /^digraph palisade \{\n/u);
    assert.match(dot, /\n {2}"domain\(scope=orders\)" -> "application\(scope=orders\)" \[label="1 · dependencies, no-cycle, tags", color=red/u);
    const mermaid = palisade(['graph', '--format', 'mermaid', '--level', 'file'], EXAMPLE).stdout;
    assert.match(mermaid, /^flowchart LR\n/u);
    assert.match(mermaid, /\n {2}linkStyle [\d,]+ stroke:#d00/u);
  });

  test('misused options and missing files exit 2 with a message', () => {
    const cases = [
      [['explain'], /takes exactly one file/u],
      [['explain', 'nope.ts'], /cannot read .*nope\.ts: ENOENT/u],
      [['explain', 'a.ts', '--baseline', 'b.json'], /--baseline is an option of `palisade check`/u],
      [['graph', '--level', 'module'], /--level must be one of project, element, file/u],
      [['graph', '--format', 'sarif'], /graph --format must be one of dot, mermaid, json/u],
      [['check', '--level', 'file'], /--level is an option of `palisade graph`/u],
    ];
    for (const [args, message] of cases) {
      const run = palisade(args, EXAMPLE);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
    }
  });
});

describe('imports of generated code that git ignores', () => {
  test('are not errors; one warning per ignored folder counts them', () => {
    const dir = workspaceWith({
      'package.json': '{ "name": "gen", "private": true }',
      '.gitignore': 'styled-system/\nsrc/metadata.ts\n',
      'src/a.ts': "import { css } from '../styled-system/css';\nimport { jsx } from '../styled-system/jsx';\nimport metadata from './metadata';\nimport './missing';\n",
    });
    const run = palisade(['check', '--format', 'json'], dir);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).diagnostics.map((d) => `${d.rule} ${d.specifier}`), ['no-unresolved-local ./missing']);
    assert.equal(
      run.stderr,
      'palisade: warning: src: 1 import leads to a missing file that git ignores (generated code not generated yet?); it is not checked\n'
        + 'palisade: warning: styled-system: 2 imports lead to missing files that git ignores (generated code not generated yet?); they are not checked\n',
    );
  });
});

describe('bad input: the rest is still checked', () => {
  test('an unparsable file, a tsconfig extending a missing file, link loops and a 5 MB file', () => {
    const lines = ["import { a } from '@bad/a';", "import { m } from './main';"];
    for (let index = 0, length = 0; length < 5 * 1024 * 1024; index += 1) {
      lines.push(`export const value${index} = { id: ${index}, name: 'item ${index}', tags: ['a', 'b'], nested: { deep: [1, 2, 3] } };`);
      length += lines.at(-1).length + 1;
    }
    lines.push("export const tail = import('./nope');");
    const dir = workspaceWith({
      'package.json': '{ "name": "bad", "workspaces": ["libs/*"] }',
      'palisade.json': '{ "rules": { "no-unresolved-local": "error", "no-cycle": "error" } }',
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@a/*": ["libs/a/src/*"] } } }',
      'libs/a/package.json': '{ "name": "@bad/a", "main": "src/index.ts" }',
      'libs/a/tsconfig.json': '{ "extends": "../../tsconfig.missing.json" }',
      'libs/a/src/index.ts': 'export const a = 1;\n',
      'libs/a/src/broken.ts': "import { a } from './index';\nexport const x = a +;\n",
      'src/main.ts': "import { b } from './missing';\nimport { a } from '@bad/a';\nexport const m = a + b;\n",
      'src/big.generated.ts': `${lines.join('\n')}\n`,
    });
    symlinkSync('..', join(dir, 'src/loop'));
    symlinkSync('self-b', join(dir, 'libs/a/src/self-a'));
    symlinkSync('self-a', join(dir, 'libs/a/src/self-b'));
    const run = palisade(['check', '--format', 'json'], dir);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`),
      [
        'libs/a/src/broken.ts:2 parse-error',
        `src/big.generated.ts:${lines.length} no-unresolved-local`,
        'src/main.ts:1 no-unresolved-local',
      ],
    );
    assert.equal(report.summary.files, 4, 'each file once: links to folders are not followed into loops');
    assert.match(run.stderr, /^palisade: warning: libs\/a\/tsconfig\.json: cannot be used for path aliases: .*tsconfig\.missing\.json/mu);
    assert.doesNotMatch(run.stderr, /at |Error:/u, 'no stack trace');
  });
});
