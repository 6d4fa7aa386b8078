// A diagnostic as `palisade check`'s machine-readable reports give it (JSON, SARIF, GitHub
// annotations): the fields the README documents for `--format json`, columns 1-based with an
// ESLint-style end. The JS API's diagnostic (0-based UTF-16 columns, byte span, data) stays inside.

/**
 * @typedef {object} PublicDiagnostic
 * @property {string} rule
 * @property {'error' | 'warn'} severity
 * @property {string} file workspace-relative, `/`-separated
 * @property {number} line 1-based
 * @property {number} column 1-based
 * @property {number} endLine 1-based
 * @property {number} endColumn 1-based, one past the last character
 * @property {string} message
 * @property {string} help
 * @property {string} [specifier]
 * @property {string[]} [cycle] files or project names, the first repeated at the end
 */

/**
 * @param {import('../index.js').Diagnostic} d
 * @returns {PublicDiagnostic}
 */
export function publicDiagnostic(d) {
  /** @type {PublicDiagnostic} */
  const out = {
    rule: d.rule,
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column + 1,
    endLine: d.endLine,
    endColumn: d.endColumn + 1,
    message: d.message,
    help: d.help,
  };
  if (d.specifier !== undefined) {
    out.specifier = d.specifier;
  }
  if (d.cycle !== undefined) {
    out.cycle = d.cycle;
  }
  return out;
}
