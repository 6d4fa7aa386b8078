// `palisade check --format github`: one GitHub Actions workflow command per diagnostic
// (`::error file=…,line=…::message`), which the run's log shows as an annotation on the line.

import { printable, printableMessage } from '../printable-text.js';
import { publicDiagnostic } from './public-diagnostic.js';

/** A command's message: `%`, CR and LF are the characters the runner decodes. */
function escapeData(text) {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** A command's property value: also `:` and `,`, which end it. */
function escapeProperty(text) {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

/**
 * @param {import('../check-command.js').ReportInput} input
 * @returns {string}
 */
export function renderGithub({ diagnostics }) {
  return diagnostics
    .map((d) => {
      const p = publicDiagnostic(d);
      const level = d.severity === 'error' ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(printable(p.file))}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`palisade(${p.rule})`)}`,
      ].join(',');
      // A message may span lines (`%0A` in an annotation); anything else a terminal or the log
      // viewer would act on is shown as text.
      return `::${level} ${properties}::${escapeData(`${printableMessage(d)}. Help: ${printable(p.help)}`)}\n`;
    })
    .join('');
}
