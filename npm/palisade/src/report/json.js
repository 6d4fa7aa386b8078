// `palisade check --format json`: one JSON object, `{ version, root, summary, diagnostics }`, the
// diagnostics in their public shape. Names stay data: JSON escapes what it must, nothing more.

import { publicDiagnostic } from './public-diagnostic.js';

/**
 * @param {import('../check-command.js').ReportInput} input
 * @returns {string}
 */
export function renderJson({ root, diagnostics, summary }) {
  return `${JSON.stringify({ version: 1, root, summary, diagnostics: diagnostics.map(publicDiagnostic) }, null, 2)}\n`;
}
