// Lints Palisade's own JavaScript: the npm package, the tests, the benchmarks and scripts.
// Example workspaces and conformance scenarios are inputs, not our code.

import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    name: 'palisade-workspace/ignores',
    // bench/peers holds the peer tools' own configs, run with their own installs (bench/README.md).
    ignores: ['examples/', 'tests/conformance/', 'bench/workspaces/', 'bench/peers/', 'npm/palisade/wasm/', 'target/', 'fuzz/'],
  },
  {
    name: 'palisade-workspace/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 'latest',
      globals: globals.node,
    },
  },
];
