// npm/palisade/types/config.d.ts, the TypeScript types of palisade.json that `make gen` generates
// from its JSON Schema: the TypeScript compiler, in a project that reaches `palisade` and
// `palisade/config` through node_modules and the package's exports as a user's would, accepts
// every config of the repository the engine opens typed as `PalisadeConfig`, and refuses
// deliberate misuses, each next to the same config without the mistake, which it accepts.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import ts from 'typescript';
import { REPO, configFiles, engineOpens, readJsonc } from './palisade-configs.mjs';

const schema = JSON.parse(readFileSync(join(REPO, 'npm/palisade/schema.json'), 'utf8'));

// The engine refuses the other configs on purpose (tests/conformance/config/*); schema.test.mjs
// checks that the schema, which the types follow, refuses them too.
const accepted = configFiles().filter((config) => engineOpens(join(REPO, config)));

/** Each one's mistake is the only difference between `good` and `bad`; `message` is what tsc says (keys are written as JSON). */
const MISUSES = [
  ['an unknown rule', { 'entry-point': 'error' }, { 'entry-points': 'error' }, /'"entry-points"' does not exist in type 'RulesConfig'/u],
  ['a severity other than off, warn and error', { 'no-cycle': 'warn' }, { 'no-cycle': 'fatal' }, /'"fatal"' is not assignable/u],
  ['a misspelt option', { 'no-cycle': ['error', { typeOnly: true }] }, { 'no-cycle': ['error', { typeonly: true }] }, /'"typeonly"' does not exist in type 'NoCycleOptions'/u],
  ['the options of another rule', { tags: ['error', { depConstraints: [] }] }, { 'no-cycle': ['error', { depConstraints: [] }] }, /'"depConstraints"' does not exist in type 'NoCycleOptions'/u],
  ['options without their severity', { 'no-cycle': ['warn', { dynamic: true }] }, { 'no-cycle': [{ dynamic: true }] }, /is not assignable/u],
  ['an option to a rule that takes none', { 'no-unknown-files': ['error', {}] }, { 'no-unknown-files': ['error', { strict: true }] }, /not assignable to type 'never'/u],
  ['a misspelt policy key', { dependencies: ['error', { rules: [{ from: 'domain', allow: 'domain' }] }] }, { dependencies: ['error', { rules: [{ form: 'domain', allow: 'domain' }] }] }, /'"form"' does not exist in type 'PolicyRule'/u],
  ['a verdict other than allow and disallow', { external: ['error', { default: 'disallow' }] }, { external: ['error', { default: 'deny' }] }, /'"deny"' is not assignable/u],
].map(([name, good, bad, message]) => ({ name, good: { rules: good }, bad: { rules: bad }, message }));

const ELEMENT_MISUSE = { good: { elements: [{ type: 'domain', pattern: 'libs/{scope}/domain/**' }] }, bad: { elements: [{ type: 'domain' }] } };

/** A TypeScript module giving `config` the type `PalisadeConfig` of `palisade`. */
function typed(config, origin) {
  return `// ${origin}\nimport type { PalisadeConfig } from 'palisade';\n\nexport const config: PalisadeConfig = ${JSON.stringify(config, null, 2)};\n`;
}

/** The same in a JavaScript module, through a JSDoc type. */
function jsdocTyped(config) {
  return `// @ts-check\n/** @type {import('palisade').PalisadeConfig} */\nconst config = ${JSON.stringify(config, null, 2)};\nexport default config;\n`;
}

/** Writes `files` into a fresh project that has `palisade` in node_modules, compiles them, and returns each one's diagnostics. */
function compile(files) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'palisade-config-types-')));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(REPO, 'npm/palisade'), join(dir, 'node_modules/palisade'), 'dir');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const program = ts.createProgram(Object.keys(files).map((name) => join(dir, name)), {
    strict: true,
    noEmit: true,
    allowJs: true,
    checkJs: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
  const diagnostics = (name) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(join(dir, name))).map((d) => {
      const where = d.file === undefined ? '' : `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `;
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  return { program, checker: program.getTypeChecker(), diagnostics, file: (name) => program.getSourceFile(join(dir, name)) };
}

const files = {
  'parts.mts': "import type * as Config from 'palisade/config';\nimport type { PalisadeConfig } from 'palisade';\n\nexport const same: Config.PalisadeConfig = {} as PalisadeConfig;\n",
  'element-good.mts': typed(ELEMENT_MISUSE.good, 'an element with its pattern'),
  'element-bad.mts': typed(ELEMENT_MISUSE.bad, 'an element without a pattern'),
  'jsdoc-good.mjs': jsdocTyped(MISUSES[0].good),
  'jsdoc-bad.mjs': jsdocTyped(MISUSES[0].bad),
};
accepted.forEach((config, index) => {
  files[`config-${index}.mts`] = typed(readJsonc(join(REPO, config)), config);
});
MISUSES.forEach(({ name, good, bad }, index) => {
  files[`misuse-${index}-good.mts`] = typed(good, `without ${name}`);
  files[`misuse-${index}-bad.mts`] = typed(bad, name);
});
const compiled = compile(files);

describe('the types of palisade.json (npm/palisade/types/config.d.ts)', () => {
  test('there are configs to check', () => {
    assert.ok(accepted.length > 50, `${accepted.length} configs the engine opens`);
  });

  accepted.forEach((config, index) => {
    test(`accept ${config}, which the engine opens`, () => {
      assert.deepEqual(compiled.diagnostics(`config-${index}.mts`), []);
    });
  });

  MISUSES.forEach(({ name, message }, index) => {
    test(`refuse ${name}`, () => {
      assert.deepEqual(compiled.diagnostics(`misuse-${index}-good.mts`), [], 'the config without the mistake compiles');
      const found = compiled.diagnostics(`misuse-${index}-bad.mts`);
      assert.ok(found.some((text) => message.test(text)), `expected ${message}, got ${JSON.stringify(found)}`);
    });
  });

  test('refuse an element without a pattern', () => {
    assert.deepEqual(compiled.diagnostics('element-good.mts'), []);
    assert.match(compiled.diagnostics('element-bad.mts').join('\n'), /Property 'pattern' is missing/u);
  });

  test("check JavaScript through JSDoc's @type {import('palisade').PalisadeConfig}", () => {
    assert.deepEqual(compiled.diagnostics('jsdoc-good.mjs'), []);
    assert.match(compiled.diagnostics('jsdoc-bad.mjs').join('\n'), /'"entry-points"' does not exist in type 'RulesConfig'/u);
  });

  test('palisade/config exports PalisadeConfig and one type per $defs entry of schema.json, none of them any or unknown', () => {
    assert.deepEqual(compiled.diagnostics('parts.mts'), []);
    const parts = compiled.file('parts.mts');
    const specifier = parts.statements.find((statement) => ts.isImportDeclaration(statement)).moduleSpecifier;
    const module = compiled.checker.getSymbolAtLocation(specifier);
    const exported = compiled.checker.getExportsOfModule(module).map((symbol) => symbol.name);
    assert.deepEqual(exported.sort(), ['PalisadeConfig', ...Object.keys(schema.$defs)].sort(), 'run `make gen`');
    const [declaration] = module.declarations;
    assert.equal(realpathSync(declaration.getSourceFile().fileName), realpathSync(join(REPO, 'npm/palisade/types/config.d.ts')));
    const loose = [];
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.UnknownKeyword) loose.push(node.parent.getText());
      ts.forEachChild(node, visit);
    };
    visit(declaration.getSourceFile());
    assert.deepEqual(loose, []);
  });
});
