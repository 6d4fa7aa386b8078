// `palisade` through its real bin with input that used to make it lie or crash: paths that do not
// exist or lie outside the workspace, baselines that cannot or must not be replaced, an engine that
// fails, and names holding control characters. Small workspaces written to disk, the real engine.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { workspaceWith } from '../temporary-workspace.mjs';

const BIN = fileURLToPath(new URL('../../npm/palisade/bin/palisade.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/nx-nest/', import.meta.url));
const ENGINE_TRAP = fileURLToPath(new URL('fixtures/engine-trap.mjs', import.meta.url));
const STRAY_EXCEPTION = fileURLToPath(new URL('fixtures/stray-exception.mjs', import.meta.url));

/** Runs the bin; `preload` is a module for `node --import`, `env` is added to the environment. */
function palisade(args, cwd, { env = {}, preload } = {}) {
  const node = preload === undefined ? [] : ['--import', preload];
  const run = spawnSync(process.execPath, [...node, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PALISADE_DEBUG: '', ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A stack frame line, as Node prints them. */
const STACK_FRAME = /^\s+at /mu;
const INTERNAL_ERROR = /^palisade: internal error: .+\npalisade: this is a bug in Palisade, not in your code; please report it at https:\/\/github\.com\/palisade-dev\/palisade\/issues .*\n$/u;
/** What a terminal or a log viewer would act on: C0 but the line feed, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('paths given to check', () => {
  test('a path that does not exist exits 2 naming it as typed', () => {
    for (const [path, format] of [['apps/apii', 'pretty'], ['./libs/orders/domian/', 'json']]) {
      const run = palisade(['check', path, '--format', format], EXAMPLE);
      assert.equal(run.status, 2, run.stdout);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `palisade: ${path}: no such file or directory\n`);
    }
  });

  test('a path outside the workspace exits 2 naming it, a link leading out included', () => {
    const dir = workspaceWith({
      'ws/package.json': '{ "name": "ws", "workspaces": [] }',
      'ws/src/a.ts': 'export const a = 1;\n',
      'other/b.ts': 'export const b = 1;\n',
    });
    const root = join(dir, 'ws');
    symlinkSync('../../other', join(root, 'src/out'));
    for (const path of ['../other', join(dir, 'other/b.ts'), 'src/out', '..']) {
      const run = palisade(['check', path], root);
      assert.equal(run.status, 2, `${path}: ${run.stdout}`);
      assert.equal(run.stderr, `palisade: ${path}: outside the workspace, whose root is ${root}\n`);
    }
    const inside = palisade(['check', 'src', join(root, 'src/a.ts')], root);
    assert.equal(inside.status, 0, inside.stderr);
    assert.match(inside.stdout, /^✔ no problems \(1 files/u);
  });
});

describe('check --update-baseline', () => {
  const files = {
    'package.json': '{ "name": "debt", "workspaces": [] }',
    'palisade.json': '{ "rules": { "no-unresolved-local": "error" } }',
    'apps/web/main.ts': "import { one } from './gone-one';\nimport { two } from './gone-two';\nexport const main = [one, two];\n",
    'libs/orders/order.ts': "import { three } from './gone-three';\nexport const order = three;\n",
    'libs/billing/invoice.ts': "import { four } from './gone-four';\nexport const invoice = four;\n",
  };
  const entriesOf = (dir) => JSON.parse(readFileSync(join(dir, 'palisade.baseline.json'), 'utf8')).entries;

  test('a check of some paths replaces their entries and keeps the other files\' as they were', () => {
    const dir = workspaceWith(files);
    assert.equal(palisade(['check', '--update-baseline'], dir).status, 0);
    // A note a person added to an entry of another file must survive too.
    const annotated = entriesOf(dir).map((e) => (e.file === 'apps/web/main.ts' ? { ...e, note: 'owned by team web' } : e));
    writeFileSync(join(dir, 'palisade.baseline.json'), `${JSON.stringify({ version: 1, entries: annotated }, null, 2)}\n`);
    writeFileSync(join(dir, 'libs/orders/order.ts'), "import { five } from './gone-five';\nexport const order = five;\n");

    const update = palisade(['check', 'libs/orders', '--update-baseline'], dir);
    assert.equal(update.status, 0, update.stderr);
    assert.equal(update.stderr, 'palisade: wrote 1 baseline entries (1 violations under libs/orders) to palisade.baseline.json; kept 3 entries of other files\n');
    const after = entriesOf(dir);
    assert.deepEqual(after.filter((e) => !e.file.startsWith('libs/orders/')), annotated.filter((e) => !e.file.startsWith('libs/orders/')));
    assert.deepEqual(after.filter((e) => e.file.startsWith('libs/orders/')), [
      { rule: 'no-unresolved-local', file: 'libs/orders/order.ts', specifier: './gone-five', count: 1 },
    ]);

    // A check of some paths cannot tell whether the other files' entries are fixed.
    const scoped = palisade(['check', 'libs/orders', '--baseline', 'palisade.baseline.json', '--format', 'json'], dir);
    assert.equal(scoped.status, 0, scoped.stdout);
    assert.equal(JSON.parse(scoped.stdout).summary.baseline.fixed, 0);
    assert.equal(scoped.stderr, '');
    assert.equal(palisade(['check', '--baseline', 'palisade.baseline.json'], dir).status, 0);
  });

  test('a failed write (file too large) leaves the old baseline byte for byte, and no temporary file', () => {
    const many = Object.fromEntries(
      Array.from({ length: 60 }, (_, index) => [`src/file-${index}.ts`, `import { gone } from './gone-${index}';\nexport const value = gone;\n`]),
    );
    const dir = workspaceWith({ ...files, ...many });
    const old = `${JSON.stringify({ version: 1, entries: [{ rule: 'no-unresolved-local', file: 'apps/web/main.ts', specifier: './gone-one', count: 1 }] }, null, 2)}\n`;
    writeFileSync(join(dir, 'palisade.baseline.json'), old);
    // At most 4 blocks of 512 bytes per file written: the new baseline (over 10 KB) cannot fit.
    const run = spawnSync('sh', ['-c', 'ulimit -f 4 && exec "$0" "$@"', process.execPath, BIN, 'check', '--update-baseline'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, 'palisade: palisade.baseline.json: cannot be written: file too large; the previous baseline is unchanged\n');
    assert.equal(readFileSync(join(dir, 'palisade.baseline.json'), 'utf8'), old);
    assert.deepEqual(readdirSync(dir).filter((name) => name.includes('baseline')), ['palisade.baseline.json']);
  });

  test('a source file, a config file or other JSON is not overwritten', () => {
    const dir = workspaceWith({ ...files, 'data.json': '{ "version": 2, "entries": [] }\n' });
    for (const target of ['apps/web/main.ts', 'palisade.json', 'package.json', 'data.json']) {
      const before = readFileSync(join(dir, target), 'utf8');
      const run = palisade(['check', '--baseline', target, '--update-baseline'], dir);
      assert.equal(run.status, 2, target);
      assert.equal(
        run.stderr,
        `palisade: ${target}: not a Palisade baseline ({ "version": 1, "entries": [...] }); refusing to overwrite it\n`,
      );
      assert.equal(readFileSync(join(dir, target), 'utf8'), before, target);
    }
  });

  test('a directory, a read-only file or a missing folder exits 2 with one line naming it', () => {
    const dir = workspaceWith(files);
    const baseline = `${JSON.stringify({ version: 1, entries: [] })}\n`;
    writeFileSync(join(dir, 'read-only.json'), baseline);
    chmodSync(join(dir, 'read-only.json'), 0o444);
    mkdirSync(join(dir, 'baselines'));
    const cases = [
      [['--baseline', 'baselines', '--update-baseline'], 'baselines: is a directory, not a baseline file'],
      [['--baseline', 'baselines'], 'baselines: is a directory, not a baseline file'],
      [['--baseline', 'read-only.json', '--update-baseline'], 'read-only.json: is read-only; refusing to replace it'],
      [['--baseline', 'nowhere/b.json', '--update-baseline'], 'nowhere/b.json: cannot be written: no such file or directory; nothing was written'],
      [['--baseline', 'nowhere/b.json'], 'nowhere/b.json: cannot be read as a baseline: no such file or directory'],
    ];
    for (const [args, message] of cases) {
      const run = palisade(['check', ...args], dir);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stderr, `palisade: ${message}\n`);
    }
    assert.equal(readFileSync(join(dir, 'read-only.json'), 'utf8'), baseline);
    assert.deepEqual(readdirSync(join(dir, 'baselines')), []);
  });
});

describe('internal errors', () => {
  const commands = [
    [['check'], 'finishCheck'],
    [['check', 'libs/orders'], 'checkScope'],
    [['explain', 'libs/orders/domain/src/lib/order.ts'], 'explain'],
    [['graph'], 'architecture'],
    [['swc-config'], 'snapshot'],
  ];

  test('an engine that fails exits 2 in every command, asks for a report, shows the stack only with PALISADE_DEBUG=1', () => {
    for (const [args, method] of commands) {
      const run = palisade(args, EXAMPLE, { preload: ENGINE_TRAP, env: { PALISADE_TEST_TRAP: method } });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, INTERNAL_ERROR, args.join(' '));
      assert.match(run.stderr, /^palisade: internal error: RuntimeError: unreachable\n/u);
      assert.doesNotMatch(run.stderr, STACK_FRAME);
      const debug = palisade(args, EXAMPLE, { preload: ENGINE_TRAP, env: { PALISADE_TEST_TRAP: method, PALISADE_DEBUG: '1' } });
      assert.equal(debug.status, 2);
      assert.match(debug.stderr, /^palisade: internal error: RuntimeError: unreachable\npalisade: this is a bug .*\nRuntimeError: unreachable\n {4}at .*trap/u);
    }
    const dir = workspaceWith({ 'package.json': '{ "name": "fresh", "workspaces": [] }', 'src/a.ts': 'export const a = 1;\n' });
    const init = palisade(['init', '--preset', 'hexagonal'], dir, { preload: ENGINE_TRAP, env: { PALISADE_TEST_TRAP: 'architecture' } });
    assert.equal(init.status, 2, init.stderr);
    assert.match(init.stderr, INTERNAL_ERROR);
  });

  test('a source file nested 20,000 parentheses deep is reported, or is an internal error: never a stack trace or exit 1', () => {
    const depth = 20_000;
    const dir = workspaceWith({
      'package.json': '{ "name": "deep", "workspaces": [] }',
      'src/deep.ts': `export const x = ${'('.repeat(depth)}1${')'.repeat(depth)};\n`,
      'src/a.ts': "import { x } from './deep';\nexport const a = x;\n",
    });
    const check = palisade(['check', '--format', 'json'], dir);
    assert.doesNotMatch(check.stderr, STACK_FRAME);
    if (check.status === 2) {
      assert.match(check.stderr, INTERNAL_ERROR);
    } else {
      assert.equal(check.status, JSON.parse(check.stdout).summary.errors > 0 ? 1 : 0, check.stderr);
    }
    for (const args of [['explain', 'src/deep.ts'], ['graph'], ['init', '--preset', 'hexagonal']]) {
      const run = palisade(args, dir);
      assert.doesNotMatch(run.stderr, STACK_FRAME, args.join(' '));
      if (run.status !== 0) {
        assert.equal(run.status, 2, args.join(' '));
        assert.match(run.stderr, INTERNAL_ERROR, args.join(' '));
      }
    }
  });

  test('an exception thrown outside any call of the command still exits 2', () => {
    const run = palisade(['check'], EXAMPLE, { preload: STRAY_EXCEPTION });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^palisade: internal error: TypeError: thrown outside the command\n/u);
    assert.match(run.stderr, INTERNAL_ERROR);
  });

  test('output piped into a reader that has gone ends quietly with the verdict', async () => {
    const child = spawn(process.execPath, [BIN, 'check'], { cwd: EXAMPLE, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const status = await new Promise((done) => child.on('close', done));
    assert.equal(stderr, '');
    assert.equal(status, 1);
  });
});

describe('control characters in names', () => {
  const files = {
    'package.json': '{ "name": "names", "workspaces": [] }',
    'palisade.json': '{ "rules": { "no-unresolved-local": "error" } }',
    // A bell in the file name; a screen-clearing escape, a right-to-left override and a C1 CSI in
    // the specifiers, written raw into the source.
    'src/a\u0007.ts': "import { x } from './gone\u001b[2J';\nimport { y } from './back\u202e';\n\timport { z } from './c1\u009b';\nexport const a = [x, y, z];\n",
  };

  test('pretty and github print them escaped, in messages, file names and code frames', () => {
    const dir = workspaceWith(files);
    const pretty = palisade(['check'], dir);
    assert.equal(pretty.status, 1, pretty.stderr);
    assert.doesNotMatch(pretty.stdout, RAW_CONTROL);
    assert.match(pretty.stdout, /error\[no-unresolved-local\]: .*`\.\/gone\\u\{1b\}\[2J`/u);
    assert.match(pretty.stdout, / {2}--> src\/a\\u\{7\}\.ts:1:19\n/u);
    assert.match(pretty.stdout, /`\.\/back\\u\{202e\}`/u);
    // The caret sits under the specifier as printed: escapes and tabs widen the line before it.
    assert.match(pretty.stdout, /\n1 \| import \{ x \} from '\.\/gone\\u\{1b\}\[2J';\n {2}\| {19}\^{17}\n/u);
    assert.match(pretty.stdout, /\n3 \| {5}import \{ z \} from '\.\/c1\\u\{9b\}';\n {2}\| {23}\^{12}\n/u);

    const github = palisade(['check', '--format', 'github'], dir);
    assert.doesNotMatch(github.stdout, RAW_CONTROL);
    assert.match(github.stdout, /^::error file=src\/a\\u\{7\}\.ts,line=1,.*`\.\/gone\\u\{1b\}\[2J`/u);
  });

  test('stderr messages print them escaped', () => {
    const dir = workspaceWith(files);
    const missing = palisade(['check', 'src/\u001b[2J'], dir);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'palisade: src/\\u{1b}[2J: no such file or directory\n');

    // A baseline entry that no longer occurs is listed by file and specifier.
    const entry = { rule: 'no-unresolved-local', file: 'src/a\u0007.ts', specifier: './old\u001b]0;title\u0007', count: 1 };
    writeFileSync(join(dir, 'palisade.baseline.json'), JSON.stringify({ version: 1, entries: [entry] }));
    const fixed = palisade(['check', '--baseline', 'palisade.baseline.json', '--format', 'json'], dir);
    assert.doesNotMatch(fixed.stderr, RAW_CONTROL);
    assert.match(fixed.stderr, /\n {2}src\/a\\u\{7\}\.ts: no-unresolved-local `\.\/old\\u\{1b\}\]0;title\\u\{7\}`\n/u);

    const refused = palisade(['check', '--baseline', 'src/a\u0007.ts', '--update-baseline'], dir);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^palisade: src\/a\\u\{7\}\.ts: not a Palisade baseline/u);

    const explain = palisade(['explain', 'src/a\u0007.ts'], dir);
    assert.equal(explain.status, 0, explain.stderr);
    assert.doesNotMatch(explain.stdout, RAW_CONTROL);
    assert.match(explain.stdout, /^src\/a\\u\{7\}\.ts\n/u);
  });

  test('json and sarif keep them as data (JSON escapes C0, the names read back exactly); messages escape them', () => {
    const dir = workspaceWith(files);
    const json = palisade(['check', '--format', 'json'], dir);
    // eslint-disable-next-line no-control-regex -- C0 must not appear raw in JSON text
    assert.doesNotMatch(json.stdout.replaceAll('\n', ''), /[\u0000-\u001f]/u);
    const report = JSON.parse(json.stdout);
    assert.deepEqual(
      report.diagnostics.map((d) => [d.file, d.specifier]),
      [['src/a\u0007.ts', './gone\u001b[2J'], ['src/a\u0007.ts', './back\u202e'], ['src/a\u0007.ts', './c1\u009b']],
    );
    const sarif = JSON.parse(palisade(['check', '--format', 'sarif'], dir).stdout);
    const [result] = sarif.runs[0].results;
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'src/a%07.ts');
    // Messages are text for people: the engine writes the names in them visibly escaped.
    assert.ok(result.message.text.includes('./gone\\u{1b}[2J'), result.message.text);
    assert.ok(report.diagnostics[0].message.includes('./gone\\u{1b}[2J'), report.diagnostics[0].message);
  });
});
