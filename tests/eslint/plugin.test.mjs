// The ESLint plugin and the JS API on small workspaces written to a temporary directory: broken
// configs, espree-parsed JavaScript with non-ASCII text and CRLF, settings overrides, files
// Palisade has nothing to say about, and `eslint --concurrency`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { PalisadeConfigError, Workspace, ruleMetadata } from 'palisade';
import palisade from 'palisade/eslint';
import tseslint from 'typescript-eslint';
import { workspaceWith } from '../temporary-workspace.mjs';

const require = createRequire(import.meta.url);
const ESLINT_RULE_IDS = ['dependencies', 'enforce-module-boundaries', 'entry-point', 'external', 'no-cycle', 'no-unknown-files', 'no-unresolved-local', 'parse-error', 'tags'];
const ENGINE_FAILURE_MARKERS = ['RuntimeError', 'unreachable', 'wasm-function'];

const eslintVersions = [
  { label: 'eslint 10', ESLint: ESLint10 },
  { label: 'eslint 9', ESLint: ESLint9 },
];

async function lint(ESLint, dir, files, { settings } = {}) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
      ...(settings === undefined ? [] : [{ settings }]),
      palisade.configs.recommended,
    ],
  });
  const results = await eslint.lintFiles(files.map((file) => join(dir, file)));
  for (const result of results) {
    assert.deepEqual(result.messages.filter((message) => message.fatal), [], `ESLint could not parse ${result.filePath}`);
  }
  return results;
}

function palisadeMessages(result) {
  return result.messages.filter((message) => message.ruleId?.startsWith('palisade/'));
}

function assertNoEngineFailure(text) {
  for (const marker of ENGINE_FAILURE_MARKERS) {
    assert.ok(!text.includes(marker), `an engine failure leaked into the text (${marker}):\n${text}`);
  }
}

describe('plugin shape', () => {
  test('one ESLint rule per Palisade rule', () => {
    assert.deepEqual(Object.keys(palisade.rules).sort(), ESLINT_RULE_IDS);
    assert.deepEqual(ruleMetadata().map(({ id }) => id).sort(), ESLINT_RULE_IDS);
  });

  test('every rule declares docs, its schema and its messages, plus configError', () => {
    for (const metadata of ruleMetadata().filter(({ id }) => ESLINT_RULE_IDS.includes(id))) {
      const { meta } = palisade.rules[metadata.id];
      assert.equal(meta.type, 'problem');
      if (metadata.id === 'enforce-module-boundaries') {
        // Nx's option object, generated from the core's options type.
        assert.equal(meta.schema.length, 1);
        assert.equal(meta.schema[0].additionalProperties, false);
        assert.ok('depConstraints' in meta.schema[0].properties && 'banTransitiveDependencies' in meta.schema[0].properties);
      } else {
        assert.deepEqual(meta.schema, []);
      }
      assert.equal(meta.docs.url, metadata.docsUrl);
      assert.equal(meta.docs.description, metadata.description);
      assert.equal(meta.docs.recommended, metadata.recommended);
      assert.equal(meta.messages.configError, '{{message}}');
      for (const [messageId, { message, help }] of Object.entries(metadata.messages)) {
        assert.equal(meta.messages[messageId], `${message}. Help: ${help}`);
      }
    }
  });

  test('configs.recommended is a complete flat config', () => {
    const { recommended } = palisade.configs;
    assert.equal(recommended.name, 'palisade/recommended');
    assert.deepEqual(recommended.files, ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']);
    assert.equal(recommended.plugins.palisade, palisade);
    assert.deepEqual(
      recommended.rules,
      Object.fromEntries(ESLINT_RULE_IDS.map((id) => [`palisade/${id}`, 'error'])),
    );
    const { name, version } = require('palisade/package.json');
    assert.deepEqual(palisade.meta, { name, version, namespace: 'palisade' });
  });
});

const brokenConfigs = [
  {
    name: 'bad JSON',
    text: '{\n  "rules": {\n    "entry-point" "error"\n  }\n}\n',
    line: 3,
    mentions: [],
  },
  {
    name: 'unknown key with a did-you-mean',
    text: '{\n  // the architecture\n  "elemnts": [],\n}\n',
    line: 3,
    mentions: ['elemnts', 'elements'],
    didYouMean: true,
  },
  {
    name: 'wrong type',
    text: '{\n  "rules": { "entry-point": "error" },\n  "ignore": "**/*.spec.ts"\n}\n',
    line: 3,
    mentions: ['ignore'],
  },
];

describe('a broken palisade.json', () => {
  for (const broken of brokenConfigs) {
    describe(broken.name, () => {
      const dir = workspaceWith({
        'palisade.json': broken.text,
        'src/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
        'src/b.js': 'export const b = 1;\n',
      });
      const configFile = join(dir, 'palisade.json');

      /** @type {PalisadeConfigError} */
      const error = (() => {
        try {
          Workspace.open({ root: dir });
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();

      test('the JS API throws a PalisadeConfigError naming the file, JSON path and line', () => {
        assert.ok(error instanceof PalisadeConfigError, `expected a PalisadeConfigError, got ${error}`);
        assert.equal(error.name, 'PalisadeConfigError');
        // The contract leaves open whether `file` is absolute or workspace-relative; either must
        // name this palisade.json.
        assert.equal(resolve(dir, error.file), configFile);
        assert.equal(error.line, broken.line);
        assert.equal(typeof error.column, 'number');
        assert.equal(typeof error.jsonPath, 'string');
        assert.ok(error.message.startsWith(`${error.file}:${broken.line}:${error.column}: `), error.message);
        assert.ok(error.message.includes(error.jsonPath), `message lacks the JSON path ${error.jsonPath}: ${error.message}`);
        for (const mention of broken.mentions) {
          assert.ok(error.message.includes(mention), `message lacks ${mention}: ${error.message}`);
        }
        if (broken.didYouMean) {
          assert.match(error.message, /did you mean/iu);
        }
        assert.ok(!error.message.includes('\n'), `not one paragraph: ${error.message}`);
        assertNoEngineFailure(error.message);
        assertNoEngineFailure(String(error.stack));
      });

      for (const { label, ESLint } of eslintVersions) {
        test(`${label} reports it once per file, at 1:1, with the same message`, async () => {
          const results = await lint(ESLint, dir, ['src/a.ts', 'src/b.js']);
          assert.equal(results.length, 2);
          for (const result of results) {
            const messages = palisadeMessages(result);
            assert.equal(messages.length, 1, `${result.filePath}: ${JSON.stringify(result.messages, null, 2)}`);
            const [message] = messages;
            assert.equal(message.messageId, 'configError');
            assert.equal(message.line, 1);
            assert.equal(message.column, 1);
            assert.equal(message.message, error?.message);
            assertNoEngineFailure(message.message);
          }
        });
      }
    });
  }
});

describe('an espree-parsed .js file with non-ASCII text and CRLF line endings', () => {
  // Zero config: no palisade.json; the `workspaces` package.json marks the root.
  const importLine = "const label = 'é🚀'; import { missing } from './missing.js';";
  const text = `// façade 🚀\r\n${importLine}\r\nexport { label, missing };\r\n`;
  const dir = workspaceWith({
    'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n',
    'src/main.js': text,
  });
  const column = importLine.indexOf("'./missing.js'");
  const endColumn = column + "'./missing.js'".length;
  const expectedText = '`./missing.js` does not resolve to a file. Help: fix the path or create the file it names';

  for (const { label, ESLint } of eslintVersions) {
    test(`${label} reports the unresolved import on the string literal`, async () => {
      const [result] = await lint(ESLint, dir, ['src/main.js']);
      const messages = palisadeMessages(result).map(({ ruleId, messageId, severity, line, column: col, endLine, endColumn: endCol, message }) => ({
        ruleId, messageId, severity, line, column: col, endLine, endColumn: endCol, message,
      }));
      assert.deepEqual(messages, [{
        ruleId: 'palisade/no-unresolved-local',
        messageId: 'unresolved',
        severity: 2,
        line: 2,
        column: column + 1,
        endLine: 2,
        endColumn: endColumn + 1,
        message: expectedText,
      }]);
    });
  }

  test('the JS API gives the same diagnostic with UTF-8 byte and UTF-16 column spans', () => {
    const workspace = Workspace.open({ root: dir });
    assert.equal(workspace.root, dir);
    const diagnostics = workspace.checkFile(join(dir, 'src/main.js'));
    const lineStart = text.indexOf(importLine);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics, null, 2));
    const [diagnostic] = diagnostics;
    assert.deepEqual(
      {
        rule: diagnostic.rule, messageId: diagnostic.messageId, severity: diagnostic.severity, file: diagnostic.file,
        message: diagnostic.message, help: diagnostic.help, specifier: diagnostic.specifier,
        start: diagnostic.start, end: diagnostic.end,
        line: diagnostic.line, column: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn,
      },
      {
        rule: 'no-unresolved-local', messageId: 'unresolved', severity: 'error', file: 'src/main.js',
        message: '`./missing.js` does not resolve to a file', help: 'fix the path or create the file it names', specifier: './missing.js',
        start: Buffer.byteLength(text.slice(0, lineStart + column)), end: Buffer.byteLength(text.slice(0, lineStart + endColumn)),
        line: 2, column, endLine: 2, endColumn,
      },
    );
    assert.deepEqual(workspace.check(), diagnostics);
    workspace.close();
  });
});

describe('a file starting with a byte-order mark, importing on line 1', () => {
  // ESLint hands rules the text without the BOM; the JS API and the CLI read the file with it.
  // Both must give the same lines and columns.
  const dir = workspaceWith({
    'package.json': '{ "private": true, "workspaces": [] }\n',
    'src/main.ts': "\uFEFFimport { gone } from './gone';\nexport const value = gone;\n",
  });
  const spanOf = ({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn });

  test('ESLint and the JS API agree on the span', async () => {
    const [result] = await lint(ESLint10, dir, ['src/main.ts']);
    const fromEslint = palisadeMessages(result).map((message) => ({
      ...spanOf(message), column: message.column - 1, endColumn: message.endColumn - 1,
    }));
    const workspace = Workspace.open({ root: dir });
    const fromApi = workspace.checkFile(join(dir, 'src/main.ts')).map(spanOf);
    workspace.close();
    const literal = "'./gone'";
    const column = "import { gone } from ".length;
    assert.deepEqual(fromEslint, [{ line: 1, column, endLine: 1, endColumn: column + literal.length }]);
    assert.deepEqual(fromApi, fromEslint);
  });
});

describe('settings.palisade', () => {
  const dir = workspaceWith({
    // Discovered by default: every rule off.
    'palisade.json': '{ "rules": {} }\n',
    'config/strict.palisade.json': JSON.stringify({
      elements: [{ type: 'lib', pattern: 'libs/{name}/**' }],
      rules: { 'no-unknown-files': 'error', 'no-unresolved-local': 'error' },
    }),
    'libs/orders/index.ts': 'export const orders = 1;\n',
    'src/a.ts': "import { orders } from '../libs/orders/index';\nexport const a = orders;\n",
    'packages/sub/b.ts': "import { gone } from './gone';\nexport const b = gone;\n",
  });

  for (const { label, ESLint } of eslintVersions) {
    test(`${label}: without settings, the discovered palisade.json applies`, async () => {
      const results = await lint(ESLint, dir, ['src/a.ts', 'packages/sub/b.ts']);
      assert.deepEqual(results.flatMap(palisadeMessages), []);
    });

    test(`${label}: configFile (relative to cwd) overrides discovery`, async () => {
      const results = await lint(ESLint, dir, ['src/a.ts', 'libs/orders/index.ts'], {
        settings: { palisade: { root: '.', configFile: 'config/strict.palisade.json' } },
      });
      const reported = results.flatMap((result) =>
        palisadeMessages(result).map(({ ruleId, messageId, line, column, endLine, endColumn }) => ({
          file: result.filePath.slice(dir.length + 1), ruleId, messageId, line, column, endLine, endColumn,
        })),
      );
      assert.deepEqual(reported, [
        { file: 'src/a.ts', ruleId: 'palisade/no-unknown-files', messageId: 'unknownFile', line: 1, column: 1, endLine: 1, endColumn: 1 },
      ]);
    });

    test(`${label}: root override; files outside the root get no reports`, async () => {
      const results = await lint(ESLint, dir, ['src/a.ts', 'packages/sub/b.ts'], {
        settings: { palisade: { root: 'packages/sub' } },
      });
      const reported = results.flatMap((result) =>
        palisadeMessages(result).map(({ ruleId, messageId }) => ({ file: result.filePath.slice(dir.length + 1), ruleId, messageId })),
      );
      // packages/sub has no palisade.json: zero config, so no-unresolved-local is on.
      assert.deepEqual(reported, [
        { file: 'packages/sub/b.ts', ruleId: 'palisade/no-unresolved-local', messageId: 'unresolved' },
      ]);
    });

    test(`${label}: a settings value of the wrong type is a configError, not a crash`, async () => {
      const results = await lint(ESLint, dir, ['src/a.ts'], { settings: { palisade: { root: 42 } } });
      const messages = results.flatMap(palisadeMessages);
      assert.equal(messages.length, 1);
      assert.equal(messages[0].messageId, 'configError');
      assert.match(messages[0].message, /settings\.palisade\.root/u);
    });

    test(`${label}: a file with an extension Palisade does not read gets no reports`, async () => {
      const eslint = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: [{ ...palisade.configs.recommended, files: ['**/*.json5'] }],
      });
      const [result] = await eslint.lintText("import './gone';\n", { filePath: join(dir, 'src/data.json5') });
      assert.deepEqual(result.messages, []);
    });
  }
});

describe('eslint --concurrency', () => {
  const files = {
    'palisade.json': '{ "rules": { "no-unresolved-local": "error", "entry-point": "error", "no-cycle": "error" } }\n',
    'package.json': '{ "private": true, "workspaces": ["libs/*"] }\n',
    'libs/orders/package.json': '{ "name": "@acme/orders", "exports": { ".": "./src/index.ts" } }\n',
    'libs/orders/src/index.ts': "export * from './order';\nexport const base = 1;\n",
    'libs/orders/src/order.ts': "import { base } from './index';\nexport const order = base;\n",
    'eslint.config.mjs': [
      `import tseslint from ${JSON.stringify(import.meta.resolve('typescript-eslint'))};`,
      `import palisade from ${JSON.stringify(import.meta.resolve('palisade/eslint'))};`,
      "export default [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, palisade.configs.recommended];",
      '',
    ].join('\n'),
  };
  for (let index = 0; index < 6; index += 1) {
    files[`apps/app${index}/main.ts`] = [
      "import { order } from '../../libs/orders/src/order';",
      `import { gone } from './gone${index}';`,
      'export const value = order + gone;',
      '',
    ].join('\n');
  }
  const dir = workspaceWith(files);
  const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');

  function runCli(concurrency) {
    const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', '--concurrency', concurrency, '.'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.ok(run.status === 0 || run.status === 1, `eslint exited with ${run.status}:\n${run.stderr}`);
    return JSON.parse(run.stdout)
      .flatMap((result) =>
        result.messages.map(({ ruleId, messageId, line, column, endLine, endColumn, message, fatal }) => ({
          file: result.filePath.slice(dir.length + 1), ruleId, messageId, line, column, endLine, endColumn, message, fatal,
        })),
      )
      .sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  }

  test('two workers report exactly what one process reports', () => {
    const single = runCli('off');
    const parallel = runCli('2');
    assert.equal(single.filter(({ fatal }) => fatal).length, 0, JSON.stringify(single, null, 2));
    assert.equal(single.filter(({ ruleId }) => ruleId === 'palisade/entry-point').length, 6, JSON.stringify(single, null, 2));
    assert.equal(single.filter(({ ruleId }) => ruleId === 'palisade/no-unresolved-local').length, 6, JSON.stringify(single, null, 2));
    // Each worker builds the graph itself: the cycle is found whichever worker lints its files.
    assert.equal(single.filter(({ ruleId }) => ruleId === 'palisade/no-cycle').length, 2, JSON.stringify(single, null, 2));
    assert.deepEqual(parallel, single);
    assertNoEngineFailure(JSON.stringify(parallel));
  });
});

describe('no-cycle in ESLint', () => {
  const cycleFiles = () => ({
    'package.json': '{ "name": "cycles", "workspaces": [] }',
    'palisade.json': '{ "rules": { "no-cycle": "error" } }',
    'src/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
    'src/b.ts': "import { c } from './c';\nexport const b = () => c;\n",
    'src/c.ts': "import { a } from './a';\nexport const c = () => a;\n",
  });

  async function cyclesIn(dir, file, text) {
    const eslint = new ESLint10({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, palisade.configs.recommended],
    });
    const [result] =
      text === undefined ? await eslint.lintFiles([join(dir, file)]) : await eslint.lintText(text, { filePath: join(dir, file) });
    return palisadeMessages(result).map((message) => `${message.line}:${message.column} ${message.message.split('. Help:')[0]}`);
  }

  test('reports the shortest cycle through each import, as the CLI does', async () => {
    const dir = workspaceWith(cycleFiles());
    assert.deepEqual(await cyclesIn(dir, 'src/a.ts'), [
      "1:19 `./b` closes an import cycle through 3 files: src/a.ts → src/b.ts → src/c.ts → src/a.ts",
    ]);
    assert.deepEqual(await cyclesIn(dir, 'src/c.ts'), [
      "1:19 `./a` closes an import cycle through 3 files: src/c.ts → src/a.ts → src/b.ts → src/c.ts",
    ]);
  });

  test('an unsaved buffer counts as typed, and only its own edges are re-read', async () => {
    const dir = workspaceWith(cycleFiles());
    assert.equal((await cyclesIn(dir, 'src/b.ts')).length, 1);
    // The buffer of c.ts no longer imports a.ts: the cycle is gone, for c.ts and for the others.
    assert.deepEqual(await cyclesIn(dir, 'src/c.ts', 'export const c = () => 1;\n'), []);
    assert.deepEqual(await cyclesIn(dir, 'src/b.ts'), []);
    // A type-only import is no cycle at runtime; a value import back to b.ts is a shorter one.
    assert.deepEqual(await cyclesIn(dir, 'src/c.ts', "import type { b } from './b';\nexport type C = typeof b;\n"), []);
    assert.deepEqual(await cyclesIn(dir, 'src/c.ts', "import { b } from './b';\nexport const c = () => b;\n"), [
      "1:19 `./b` closes an import cycle through 2 files: src/c.ts → src/b.ts → src/c.ts",
    ]);
  });

  test('after a pause, files changed on disk are re-read', async () => {
    const dir = workspaceWith(cycleFiles());
    assert.equal((await cyclesIn(dir, 'src/a.ts')).length, 1);
    writeFileSync(join(dir, 'src/c.ts'), 'export const c = () => 1;\n');
    await new Promise((done) => setTimeout(done, 2100));
    assert.deepEqual(await cyclesIn(dir, 'src/a.ts'), []);
  });
});

describe('an editor session (one long-lived process)', () => {
  test('after a pause, a newly created file resolves and an edited palisade.json applies', async () => {
    const dir = workspaceWith({
      'package.json': '{ "name": "editor", "workspaces": [] }',
      'palisade.json': '{ "rules": { "no-unresolved-local": "error" } }',
      'src/main.ts': "import { later } from './later';\nexport const x = later;\n",
    });
    const ruleIds = async () =>
      palisadeMessages((await lint(ESLint10, dir, ['src/main.ts']))[0]).map((message) => message.ruleId);
    assert.deepEqual(await ruleIds(), ['palisade/no-unresolved-local']);
    writeFileSync(join(dir, 'src/later.ts'), 'export const later = 1;\n');
    writeFileSync(join(dir, 'palisade.json'), '{ "rules": { "no-unresolved-local": "off" } }\n');
    await new Promise((done) => setTimeout(done, 2100));
    assert.deepEqual(await ruleIds(), []);
    writeFileSync(join(dir, 'palisade.json'), '{ "rules": { "no-unresolved-local": "error" } }\n');
    rmSync(join(dir, 'src/later.ts'));
    await new Promise((done) => setTimeout(done, 2100));
    assert.deepEqual(await ruleIds(), ['palisade/no-unresolved-local']);
  });
});

describe('prefetching on the second core during a batch run', () => {
  /** A workspace of 300 files in 3 projects, with one deep import every 10 files. */
  function manyFiles() {
    const files = {
      'package.json': '{ "name": "many", "workspaces": ["libs/*"] }',
      'palisade.json': '{ "rules": { "entry-point": "error", "no-unresolved-local": "error" } }',
    };
    for (const lib of ['a', 'b', 'c']) {
      files[`libs/${lib}/package.json`] = `{ "name": "@many/${lib}", "main": "src/index.ts" }`;
      files[`libs/${lib}/src/index.ts`] = 'export const index = 1;\n';
      for (let i = 0; i < 100; i += 1) {
        const other = lib === 'a' ? 'b' : 'a';
        const line = i % 10 === 0 ? `import { x } from '@many/${other}/src/f${i}';` : `import { index } from '@many/${other}';`;
        files[`libs/${lib}/src/f${i}.ts`] = `${line}\nexport const x = ${i};\n`;
      }
    }
    return files;
  }

  async function lintAll(mode) {
    process.env.PALISADE_PREFETCH = mode;
    try {
      const files = manyFiles();
      const dir = workspaceWith(files);
      const sources = Object.keys(files).filter((file) => file.endsWith('.ts'));
      const results = await lint(ESLint10, dir, sources);
      return results.flatMap((result) =>
        palisadeMessages(result).map((m) => `${result.filePath.slice(dir.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
      );
    } finally {
      delete process.env.PALISADE_PREFETCH;
    }
  }

  test('prefetched results are used and equal checking every file on the main thread', async () => {
    const { prefetchStats } = await import('../../npm/palisade/src/prefetch.js');
    const withoutPrefetch = await lintAll('0');
    const usedBefore = prefetchStats.used;
    const withPrefetch = await lintAll('1');
    assert.equal(withoutPrefetch.length, 30);
    assert.deepEqual(withPrefetch, withoutPrefetch);
    assert.ok(prefetchStats.used > usedBefore, `no prefetched result was used (${JSON.stringify(prefetchStats)})`);
  });
});
