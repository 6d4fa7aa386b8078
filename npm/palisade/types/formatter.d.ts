// Types of `palisade/formatter` (src/formatter.js): an ESLint formatter printing each problem in
// Palisade's conformance format. Structural, so ESLint's `LintResult[]` fits without ESLint's types.

/** The part of an ESLint message the formatter reads. */
export interface FormattedMessage {
  ruleId: string | null;
  messageId?: string;
  /** 1 warning, 2 error. */
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** The part of an ESLint `LintResult` the formatter reads. */
export interface FormattedResult {
  filePath: string;
  messages: readonly FormattedMessage[];
}

/** One block per problem, paths relative to `context.cwd`. */
export default function palisadeFormatter(results: readonly FormattedResult[], context: { cwd: string }): string;
