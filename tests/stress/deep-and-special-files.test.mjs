// Sources that break naive tools, in one workspace, through every surface: files nested 10,000
// levels deep in each shape that makes a parser recurse (brackets, templates, JSX, unary,
// conditional, assignment, arrow, call and `if` chains, a 10,000-term sum), the deepest file of
// each shape Palisade still reads, and a FIFO named like a source file. Each deep file is one
// parse error, nothing crashes, the rest of the workspace keeps its verdicts, and an ESLint
// process goes on linting with a healthy engine afterwards.
//
// @swc/core itself crashes (a segmentation fault of the whole process, with no plugin at all)
// on most of these shapes at 10,000 levels, so the SWC part uses the deepest shapes SWC's own
// parser survives: past Palisade's limit there, one Palisade error each; within it, compiled.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import palisade from 'palisade/eslint';
import { swcPlugin } from 'palisade/swc';
import tseslint from 'typescript-eslint';
import { workspaceWith } from '../temporary-workspace.mjs';

const require = createRequire(import.meta.url);
const BIN = fileURLToPath(new URL('../../npm/palisade/bin/palisade.js', import.meta.url));
const DEPTH = 10_000;

/** Shapes that make a parser or a visitor recurse once per level, at `n` levels. */
const SHAPES = {
  parens: (n) => `export const x = ${'('.repeat(n)}1${')'.repeat(n)};\n`,
  arrays: (n) => `export const x = ${'['.repeat(n)}1${']'.repeat(n)};\n`,
  objects: (n) => `export const x = ${'{a:'.repeat(n)}1${'}'.repeat(n)};\n`,
  templates: (n) => `export const x = ${'`${'.repeat(n)}1${'}`'.repeat(n)};\n`,
  unary: (n) => `export const x = ${'!'.repeat(n)}1;\n`,
  conditionals: (n) => `let a, b;\nexport const x = ${'a ? b : '.repeat(n)}1;\n`,
  assignments: (n) => `let a;\nexport const x = ${'a = '.repeat(n)}1;\n`,
  arrows: (n) => `export const x = ${'a => '.repeat(n)}1;\n`,
  calls: (n) => `const f = () => f;\nexport const x = f${'(1)'.repeat(n)};\n`,
  ifs: (n) => `let a;\n${'if (a)\n'.repeat(n)};\n`,
  sum: (n) => `export const x = ${Array(n * 4).fill('1').join(' + ')};\n`,
};
/** The deepest each shape may be and still be read (Palisade's documented limit). */
const DEEPEST_READ = { parens: 249, arrays: 249, objects: 249, templates: 124, unary: 995, conditionals: 995, assignments: 995, arrows: 495, calls: 995, ifs: 995, sum: 995 };
const jsx = (n) => `export const x = ${'<a>'.repeat(n)}${'</a>'.repeat(n)};\n`;

const files = {
  'package.json': '{ "name": "deep", "private": true }',
  'palisade.json': '{ "rules": { "no-unresolved-local": "error", "entry-point": "error" } }',
  'src/ok.ts': "import './missing';\nexport const ok = 1;\n",
  'src/deep/jsx.tsx': jsx(DEPTH),
  'src/edge/jsx.tsx': `import './missing-edge';\n${jsx(249)}`,
};
for (const [name, shape] of Object.entries(SHAPES)) {
  files[`src/deep/${name}.ts`] = shape(DEPTH);
  files[`src/edge/${name}.ts`] = `import './missing-edge';\n${shape(DEEPEST_READ[name])}`;
}
const deepFiles = Object.keys(files).filter((file) => file.startsWith('src/deep/')).sort();
const edgeFiles = Object.keys(files).filter((file) => file.startsWith('src/edge/')).sort();
const root = workspaceWith(files);
// A FIFO named like a source file: reading it would block for ever.
execFileSync('mkfifo', [join(root, 'src/blocked.ts')]);

const NO_CRASH = /RangeError|RuntimeError|Maximum call stack|memory access out of bounds|unreachable/u;

describe('palisade check', () => {
  const run = spawnSync(process.execPath, [BIN, 'check', '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });

  test('exits 1 with a report, not a crash, and skips the FIFO', () => {
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, NO_CRASH);
    const report = JSON.parse(run.stdout);
    assert.ok(!report.diagnostics.some((d) => d.file === 'src/blocked.ts'), 'the FIFO is not a source file');
    assert.equal(report.summary.files, deepFiles.length + edgeFiles.length + 1);
  });

  test('one parse error per deep file, and every other verdict', () => {
    const report = JSON.parse(run.stdout);
    const byFile = {};
    for (const d of report.diagnostics) {
      (byFile[d.file] ??= []).push(d);
    }
    for (const file of deepFiles) {
      assert.deepEqual(byFile[file]?.map((d) => d.rule), ['parse-error'], file);
      assert.match(byFile[file][0].message, /nests too deeply to be read safely/u, file);
    }
    for (const file of edgeFiles) {
      assert.deepEqual(byFile[file]?.map((d) => `${d.rule} ${d.specifier}`), ['no-unresolved-local ./missing-edge'], file);
    }
    assert.deepEqual(byFile['src/ok.ts']?.map((d) => d.rule), ['no-unresolved-local']);
  });

  test('graph and explain answer too', () => {
    const graph = spawnSync(process.execPath, [BIN, 'graph', '--level', 'file', '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(graph.status, 0, graph.stderr);
    const explain = spawnSync(process.execPath, [BIN, 'explain', 'src/deep/parens.ts', '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(explain.status, 0, explain.stderr);
    assert.match(explain.stdout, /nests too deeply/u);
  });
});

for (const [label, ESLint] of [['ESLint 10', ESLint10], ['ESLint 9', ESLint9]]) {
  test(`${label}: one error per deep file in one process, and the engine stays healthy`, async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
        palisade.configs.recommended,
      ],
    });
    const results = await eslint.lintFiles([...deepFiles, ...edgeFiles, 'src/ok.ts']);
    for (const result of results) {
      const file = result.filePath.slice(root.length + 1);
      const messages = result.messages.map((m) => `${m.ruleId ?? 'parser'}: ${m.message}`);
      for (const message of messages) {
        assert.doesNotMatch(message, /engine failed|RuntimeError|memory access/u, `${file}: ${message}`);
      }
      if (file.startsWith('src/deep/')) {
        // ESLint's own parser may give up first (a fatal parsing error); else Palisade reports it.
        assert.equal(messages.length, 1, `${file}: ${messages.join('\n')}`);
        assert.match(messages[0], /^(parser: Parsing error|palisade\/parse-error: .*nests too deeply)/u, file);
      } else if (file.startsWith('src/edge/')) {
        // Read by Palisade; ESLint's own parser gives up on some (995 chained assignments).
        const ok = messages.some((m) => m.startsWith('palisade/no-unresolved-local: `./missing-edge`')) || /^parser: Parsing error/u.test(messages[0] ?? '');
        assert.ok(ok, `${file}: ${messages.join('\n')}`);
      } else {
        assert.deepEqual(messages.map((m) => m.split(':')[0]), ['palisade/no-unresolved-local'], file);
      }
    }
    // The same process, after every deep file: the engine still answers.
    const [again] = await eslint.lintText("import './missing-again';\n", { filePath: join(root, 'src/again.ts') });
    assert.deepEqual(again.messages.map((m) => m.ruleId), ['palisade/no-unresolved-local']);
  });
}

describe('SWC plugin', () => {
  const swc = require('@swc/core');
  delete process.env.RUST_BACKTRACE;
  const plugin = swcPlugin({ cwd: root });
  const compile = (text) => {
    try {
      swc.transformSync(text, {
        filename: join(root, 'src/compiled.ts'),
        swcrc: false,
        configFile: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022', experimental: { plugins: [plugin] } },
      });
      return '';
    } catch (error) {
      return String(error?.message ?? error);
    }
  };
  // Deep enough to pass Palisade's limit, shallow enough for SWC's own parser and AST transfer.
  const survivable = { parens: 300, unary: 1_200, conditionals: 1_200, assignments: 1_200, arrows: 600, calls: 1_200, ifs: 1_200, sum: 1_200 };
  for (const [name, depth] of Object.entries(survivable)) {
    test(`${name}: past the limit, one parse error; at it, compiled`, () => {
      const deep = compile(SHAPES[name](depth));
      assert.equal((deep.match(/palisade\/parse-error/gu) ?? []).length, 1, deep);
      assert.match(deep, /nests too deeply to be read safely/u);
      assert.equal(compile(SHAPES[name](DEEPEST_READ[name])), '');
    });
  }
});

test('ESLint: an engine failure on one file is one error there; the engine restarts for the next', () => {
  // Fault injection: tests/cli/fixtures/engine-trap.mjs makes the first wasm instance's `checkFile`
  // fail as a trap does. The restarted instance is loaded afresh, without the fault.
  const trapRoot = workspaceWith({
    'package.json': '{ "name": "trap", "private": true }',
    'palisade.json': '{ "rules": { "no-unresolved-local": "error" } }',
    'src/a.ts': "import './missing-a';\n",
    'src/b.ts': "import './missing-b';\n",
  });
  const script = `
    import { ESLint } from 'eslint';
    import palisade from 'palisade/eslint';
    import tseslint from 'typescript-eslint';
    const eslint = new ESLint({ cwd: ${JSON.stringify(trapRoot)}, overrideConfigFile: true, overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, palisade.configs.recommended] });
    const results = await eslint.lintFiles(['src/a.ts', 'src/b.ts']);
    console.log(JSON.stringify(results.map((r) => r.messages.map((m) => m.ruleId + ': ' + m.message))));
  `;
  const trap = fileURLToPath(new URL('../cli/fixtures/engine-trap.mjs', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', trap, '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    encoding: 'utf8',
    env: { ...process.env, PALISADE_TEST_TRAP: 'checkFile', PALISADE_PREFETCH: '0' },
  });
  assert.equal(run.status, 0, run.stderr);
  // ESLint may lint the two files in either order: the first one checked meets the fault.
  const [a, b] = JSON.parse(run.stdout);
  const failure = /the engine failed while checking .*\/src\/([ab])\.ts \(unreachable\) and was restarted; this file is not checked/u;
  const failed = [a[0], b[0]].map((message) => failure.exec(message ?? '')).find(Boolean);
  assert.ok(failed, JSON.stringify([a, b]));
  const [trapped, checked, other] = failed[1] === 'a' ? [a, b, 'b'] : [b, a, 'a'];
  assert.equal(trapped.length, 1, trapped.join('\n'));
  assert.deepEqual(checked, [`palisade/no-unresolved-local: \`./missing-${other}\` does not resolve to a file. Help: fix the path or create the file it names`]);
});
