import tseslint from 'typescript-eslint';
import palisade from 'palisade/eslint';

export default [
  { ignores: ['**/dist/**'] },
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  palisade.configs.recommended,
];
