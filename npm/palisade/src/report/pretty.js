// `palisade check --format pretty`, for people: a code frame per diagnostic (message, place, the
// source line with a caret under the span, help and docs), the summary line, then the problems per
// rule. Colours only on a terminal; names from the workspace through `printable`.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printable, printableMessage } from '../printable-text.js';
import { painter } from '../terminal-style.js';

/**
 * @param {import('../check-command.js').ReportInput} input
 * @returns {string}
 */
export function renderPretty({ root, diagnostics, summary, color }) {
  const paint = painter(color);
  const texts = new Map();
  const lineOf = (file, line) => {
    if (!texts.has(file)) {
      let text = '';
      try {
        text = readFileSync(resolve(root, file), 'utf8').replace(/^\uFEFF/u, '');
      } catch {
        // The frame is left out; the diagnostic still names the place.
      }
      texts.set(file, text.split(/\r\n|[\r\n\u2028\u2029]/u));
    }
    return texts.get(file)[line - 1];
  };
  const blocks = diagnostics.map((d) => {
    const label = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    const file = printable(d.file);
    const lines = [`${label}${paint('bold', `[${d.rule}]: ${printableMessage(d)}`)}`, `  ${paint('cyan', '-->')} ${file}:${d.line}:${d.column + 1}`];
    const source = lineOf(d.file, d.line);
    if (source !== undefined && source !== '') {
      // Tabs as four spaces and control characters escaped: the caret is placed on the line as
      // printed, so the columns before it are measured the same way.
      const shown = (text) => printable(text.replace(/\t/gu, '    '));
      const gutter = ' '.repeat(String(d.line).length);
      const end = d.endLine === d.line ? Math.max(d.endColumn, d.column + 1) : source.length;
      const caret = ' '.repeat(shown(source.slice(0, d.column)).length) + '^'.repeat(Math.max(1, shown(source.slice(d.column, end)).length));
      lines.push(
        `${gutter} ${paint('cyan', '|')}`,
        `${paint('cyan', `${d.line} |`)} ${shown(source)}`,
        `${gutter} ${paint('cyan', '|')} ${paint(d.severity === 'error' ? 'red' : 'yellow', caret)}`,
      );
    }
    lines.push(`  ${paint('cyan', '=')} help: ${printable(d.help)}`, `  ${paint('cyan', '=')} docs: ${d.docsUrl}`);
    return `${lines.join('\n')}\n`;
  });
  const problems = summary.errors + summary.warnings;
  const counts = countsOf(summary.errors, summary.warnings);
  const accepted = summary.baseline === undefined ? '' : `, ${summary.baseline.known} known violations accepted by the baseline`;
  const tail = `${summary.files} files, ${summary.dependencies} dependencies checked in ${summary.durationMs} ms${accepted}`;
  const line = problems === 0 ? paint('bold', `✔ no problems (${tail})`) : paint('bold', `✖ ${problems} problem${problems === 1 ? '' : 's'} (${counts}); ${tail}`);
  return `${blocks.join('\n')}${blocks.length > 0 ? '\n' : ''}${line}\n${ruleTable(diagnostics, paint)}`;
}

/**
 * The problems per rule under the summary line, most first (ties by rule id), one line each:
 * `  no-cycle  3 errors`, or `3 (2 errors, 1 warning)` when a rule reports both.
 */
function ruleTable(diagnostics, paint) {
  const byRule = new Map();
  for (const d of diagnostics) {
    const tally = byRule.get(d.rule) ?? { errors: 0, warnings: 0 };
    tally[d.severity === 'error' ? 'errors' : 'warnings'] += 1;
    byRule.set(d.rule, tally);
  }
  const rows = [...byRule]
    .map(([rule, { errors, warnings }]) => ({ rule, errors, warnings, total: errors + warnings }))
    .sort((a, b) => b.total - a.total || (a.rule < b.rule ? -1 : 1));
  const ruleWidth = Math.max(0, ...rows.map((row) => row.rule.length));
  const countWidth = Math.max(0, ...rows.map((row) => String(row.total).length));
  return rows
    .map(({ rule, errors, warnings, total }) => {
      const count = String(total).padStart(countWidth);
      let kind;
      if (warnings === 0) {
        kind = paint('red', `${count} error${total === 1 ? '' : 's'}`);
      } else if (errors === 0) {
        kind = paint('yellow', `${count} warning${total === 1 ? '' : 's'}`);
      } else {
        kind = `${count} (${countsOf(errors, warnings)})`;
      }
      return `  ${rule.padEnd(ruleWidth)}  ${kind}\n`;
    })
    .join('');
}

function countsOf(errors, warnings) {
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
