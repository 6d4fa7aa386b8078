// Types of `palisade/eslint` (src/eslint.js): the ESLint plugin, one rule per Palisade rule, and
// `configs.recommended`. Self-contained, so they need no particular ESLint version's types;
// tests/cli/types.test.mjs checks that ESLint's own types accept them.

import type { RuleId } from './index.js';

/** One Palisade rule as ESLint sees it. Options live in `palisade.json`, except where `schema` says. */
export interface PalisadeRule {
  meta: {
    type: 'problem';
    docs: { description: string; url: string; recommended: boolean };
    /** Empty for rules that take no ESLint options; `enforce-module-boundaries` takes Nx's. */
    schema: Array<Record<string, unknown>>;
    /** By message id: `<message>. Help: <help>` templates, and `configError`. */
    messages: Record<string, string>;
  };
  create(context: unknown): { Program(): void };
}

/** A complete flat config: every `palisade/*` rule at `"error"` on JS and TS files. */
export interface RecommendedConfig {
  name: 'palisade/recommended';
  files: string[];
  plugins: { palisade: PalisadePlugin };
  rules: Record<`palisade/${RuleId}`, 'error'>;
}

export interface PalisadePlugin {
  meta: { name: string; version: string; namespace: 'palisade' };
  rules: Record<RuleId, PalisadeRule>;
  configs: { recommended: RecommendedConfig };
}

declare const plugin: PalisadePlugin;
export default plugin;
