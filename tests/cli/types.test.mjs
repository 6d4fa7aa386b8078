// The hand-written TypeScript declarations of the package (npm/palisade/types/): the real `tsc`
// compiles the READMEs' usage against them (fixtures/types/usage.mts, `--strict`), and the
// declared shapes are checked, through the compiler's own reading of them, against what the
// engine returns on the example workspace: no undeclared key, no missing required key, every
// value of its declared type.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PalisadeConfigError, Workspace, ruleMetadata } from 'palisade';
import palisade from 'palisade/eslint';
import { swcPlugin, swcPluginConfig } from 'palisade/swc';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const TSC = require.resolve('typescript/bin/tsc');
const USAGE = fileURLToPath(new URL('./fixtures/types/usage.mts', import.meta.url));
const TYPES = fileURLToPath(new URL('../../npm/palisade/types/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/nx-nest/', import.meta.url));
const COMPILER_OPTIONS = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node'];

test('tsc --noEmit --strict accepts the READMEs\' usage of every entry point, and rejects the misuses marked in it', () => {
  const run = spawnSync(process.execPath, [TSC, '--noEmit', ...COMPILER_OPTIONS, USAGE], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});

/** The declarations as the compiler reads them: `shape(file, name)` is an exported type. */
function declarations() {
  const files = ['index.d.ts', 'eslint.d.ts', 'swc.d.ts', 'formatter.d.ts'].map((file) => join(TYPES, file));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
  const checker = program.getTypeChecker();
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(problems, [], 'the declarations compile on their own');
  const exported = (file, name) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(TYPES, file)));
    const symbol = checker.getExportsOfModule(module).find((candidate) => candidate.name === name);
    assert.ok(symbol !== undefined, `${file} exports ${name}`);
    return checker.getDeclaredTypeOfSymbol(symbol);
  };
  return { checker, exported };
}

const { checker, exported } = declarations();
const { TypeFlags, SymbolFlags } = ts;

/**
 * Where `value` departs from `type`: a list of `path: what`, empty when it conforms. Objects
 * must have every required property and no property the type does not declare (unless it has an
 * index signature); `seen` collects the keys met per object type, for the coverage checks below.
 */
function departures(value, type, path, seen = new Map(), visiting = new Set()) {
  const flags = type.flags;
  if (flags & (TypeFlags.Any | TypeFlags.Unknown)) return [];
  if (flags & TypeFlags.Boolean) return typeof value === 'boolean' ? [] : [`${path}: expected a boolean, got ${JSON.stringify(value)}`];
  if (type.isUnion()) {
    const tries = type.types.map((member) => departures(value, member, path, seen, visiting));
    return tries.some((found) => found.length === 0) ? [] : tries.flat();
  }
  if (flags & TypeFlags.Undefined) return value === undefined ? [] : [`${path}: expected undefined, got ${JSON.stringify(value)}`];
  if (flags & TypeFlags.StringLiteral) return value === type.value ? [] : [`${path}: expected ${JSON.stringify(type.value)}, got ${JSON.stringify(value)}`];
  if (flags & TypeFlags.NumberLiteral) return value === type.value ? [] : [`${path}: expected ${type.value}, got ${JSON.stringify(value)}`];
  if (flags & (TypeFlags.String | TypeFlags.TemplateLiteral)) return typeof value === 'string' ? [] : [`${path}: expected a string, got ${JSON.stringify(value)}`];
  if (flags & TypeFlags.Number) return typeof value === 'number' ? [] : [`${path}: expected a number, got ${JSON.stringify(value)}`];
  if (checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type);
    if (!Array.isArray(value) || value.length !== elements.length) return [`${path}: expected a ${elements.length}-tuple, got ${JSON.stringify(value)}`];
    return elements.flatMap((element, index) => departures(value[index], element, `${path}[${index}]`, seen, visiting));
  }
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) return [`${path}: expected an array, got ${JSON.stringify(value)}`];
    const [element] = checker.getTypeArguments(type);
    return value.flatMap((item, index) => departures(item, element, `${path}[${index}]`, seen, visiting));
  }
  if (type.getCallSignatures().length > 0) return typeof value === 'function' ? [] : [`${path}: expected a function`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object, got ${JSON.stringify(value)}`];
  if (visiting.has(value)) return [];
  visiting.add(value);
  const found = [];
  const declared = new Map(checker.getPropertiesOfType(type).map((property) => [property.name, property]));
  const [index] = checker.getIndexInfosOfType(type);
  for (const [name, property] of declared) {
    if (Object.hasOwn(value, name)) {
      found.push(...departures(value[name], checker.getTypeOfSymbol(property), `${path}.${name}`, seen, visiting));
    } else if (!(property.flags & SymbolFlags.Optional)) {
      found.push(`${path}: the required key \`${name}\` is missing`);
    }
  }
  for (const key of Object.keys(value).filter((key) => !declared.has(key))) {
    found.push(...(index === undefined ? [`${path}: the key \`${key}\` is not declared`] : departures(value[key], index.type, `${path}[${JSON.stringify(key)}]`, seen, visiting)));
  }
  const keys = seen.get(type) ?? new Set();
  Object.keys(value).forEach((key) => keys.add(key));
  seen.set(type, keys);
  visiting.delete(value);
  return found;
}

/** Asserts that `value` conforms to `name` of index.d.ts (or `file`); returns the keys seen per type. */
function assertShape(value, name, file = 'index.d.ts', seen = new Map()) {
  const problems = departures(value, exported(file, name), name, seen);
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} departures from ${file}'s ${name}`);
  return seen;
}

/** Asserts that the keys met on values of `name` are exactly the declared ones. */
function assertAllKeysSeen(seen, name) {
  const type = exported('index.d.ts', name);
  const declared = checker.getPropertiesOfType(type).map((property) => property.name).sort();
  assert.deepEqual([...(seen.get(type) ?? [])].sort(), declared, `the keys of real ${name} values are the declared keys`);
}

describe('the declared shapes are what the engine returns on the example workspace', () => {
  const workspace = Workspace.open({ root: EXAMPLE });
  after(() => workspace.close());

  test('Diagnostic and CheckReport: report(), check(), checkFile(), reportScope(), reportInParallel()', async () => {
    const seen = new Map();
    const report = workspace.report();
    assert.ok(report.diagnostics.some((d) => d.cycle !== undefined) && report.diagnostics.some((d) => d.specifier === undefined), 'the example has cycles and file-level diagnostics');
    assertShape(report, 'CheckReport', 'index.d.ts', seen);
    assertShape(workspace.reportScope([join(EXAMPLE, 'libs/orders')]), 'CheckReport', 'index.d.ts', seen);
    assertShape(await workspace.reportInParallel({ threads: 2 }), 'CheckReport', 'index.d.ts', seen);
    for (const file of workspace.sourceFiles().slice(0, 10)) {
      for (const diagnostic of workspace.checkFile(file)) assertShape(diagnostic, 'Diagnostic', 'index.d.ts', seen);
    }
    assertAllKeysSeen(seen, 'Diagnostic');
    assertAllKeysSeen(seen, 'CheckReport');
  });

  test('Explanation: explain() on every source file, and on files it does not check', () => {
    const seen = new Map();
    for (const file of workspace.sourceFiles()) assertShape(workspace.explain(file), 'Explanation', 'index.d.ts', seen);
    assertShape(workspace.explain(join(EXAMPLE, 'package.json')), 'Explanation', 'index.d.ts', seen);
    assertShape(workspace.explain(join(tmpdir(), 'outside.ts'), 'export {};\n'), 'Explanation', 'index.d.ts', seen);
    for (const name of ['Explanation', 'ExplainedImport', 'ExplainedDiagnostic', 'ExplainedProject', 'ExplainedElement']) assertAllKeysSeen(seen, name);
  });

  test('ArchitectureGraph: graph() at every level', () => {
    const seen = new Map();
    for (const level of ['project', 'element', 'file']) assertShape(workspace.graph(level), 'ArchitectureGraph', 'index.d.ts', seen);
    assertShape(workspace.graph(), 'ArchitectureGraph', 'index.d.ts', seen);
    assertAllKeysSeen(seen, 'ArchitectureNode');
    assertAllKeysSeen(seen, 'ArchitectureLink');
  });

  test('WorkspaceSnapshot, WorkspaceLocation, sourceFiles(), warnings()', () => {
    assertShape(workspace.snapshot(), 'WorkspaceSnapshot');
    assertShape(Workspace.locate({ root: EXAMPLE }), 'WorkspaceLocation');
    assertShape(Workspace.locate({ root: join(EXAMPLE, 'apps') }), 'WorkspaceLocation');
    assert.ok(workspace.sourceFiles().every((file) => typeof file === 'string'));
    assert.ok(workspace.warnings().every((warning) => typeof warning === 'string'));
  });

  test('RuleMetadata, and RuleId lists exactly the rules the engine knows', () => {
    const seen = new Map();
    for (const rule of ruleMetadata()) assertShape(rule, 'RuleMetadata', 'index.d.ts', seen);
    assertAllKeysSeen(seen, 'RuleMetadata');
    const declared = exported('index.d.ts', 'RuleId').types.map((member) => member.value).sort();
    assert.deepEqual(declared, ruleMetadata().map((rule) => rule.id).sort(), 'update RuleId in npm/palisade/types/index.d.ts');
  });

  test('PalisadeConfigError: the fields of a real one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'palisade-types-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'palisade.json'), '{ "rules": { "no-cycle": "loud" } }\n');
    const error = (() => {
      try {
        Workspace.open({ root: dir });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    assert.ok(error instanceof PalisadeConfigError);
    const type = exported('index.d.ts', 'PalisadeConfigError');
    for (const name of ['name', 'message', 'file', 'jsonPath', 'line', 'column']) {
      const property = checker.getPropertyOfType(type, name);
      assert.ok(property !== undefined, `PalisadeConfigError declares ${name}`);
      assert.deepEqual(departures(error[name], checker.getTypeOfSymbol(property), `error.${name}`), []);
    }
    assert.equal(typeof error.file, 'string');
    assert.equal(typeof error.line, 'number');
  });

  test('palisade/eslint: the plugin and configs.recommended', () => {
    assertShape(palisade, 'PalisadePlugin', 'eslint.d.ts');
    assertShape(palisade.configs.recommended, 'RecommendedConfig', 'eslint.d.ts');
  });

  test('palisade/swc: the inline config and the plugin entry', () => {
    assertShape(swcPluginConfig({ root: EXAMPLE, snapshot: 'inline' }), 'WorkspaceSnapshot');
    const [path, config] = swcPlugin({ root: EXAMPLE, snapshot: 'inline' });
    assert.equal(typeof path, 'string');
    assertShape(config, 'WorkspaceSnapshot');
  });
});
