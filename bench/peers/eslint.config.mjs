// ESLint peer of the cli bench (bench/run.mjs --suite cli): eslint-plugin-import-x's `no-cycle`
// alone, with the TypeScript resolver reading the workspace's tsconfig paths (`@bench/*`).
// Run with the workspace as the current directory: `eslint --config <this file> libs apps`.
import tsParser from '@typescript-eslint/parser';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';

export default [
  { name: 'bench-peer/ignores', ignores: ['**/node_modules/**', '**/dist/**'] },
  {
    name: 'bench-peer/import-x-no-cycle',
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      // as import-x's `flatConfigs.typescript`: parse imported .ts files with the same parser
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.base.json' })],
    },
    // type-only imports never count for this rule; dynamic import() does not count either, as in Palisade
    rules: { 'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: true }] },
  },
];
