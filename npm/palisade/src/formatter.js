// An ESLint formatter printing each problem as Palisade's conformance format: a header
// `file:line:column-endLine:endColumn severity rule/messageId`, then `message:` and `help:` lines.
// Paths are relative to ESLint's cwd with '/', so the output is the same on every machine.
//   npx eslint . --format ./node_modules/palisade/src/formatter.js

import { relative, sep } from 'node:path';
import { splitEslintMessage } from './eslint-message.js';

/**
 * @param {import('eslint').ESLint.LintResult[]} results
 * @param {{ cwd: string }} context
 * @returns {string}
 */
export default function palisadeFormatter(results, context) {
  const entries = [];
  for (const result of results) {
    const file = relative(context.cwd, result.filePath).split(sep).join('/');
    for (const message of result.messages) {
      entries.push({ key: [file, message.line, message.column, message.ruleId ?? ''], text: entry(file, message) });
    }
  }
  entries.sort((a, b) => compare(a.key, b.key));
  return entries.map((e) => e.text).join('\n');
}

function entry(file, message) {
  const severity = message.severity === 2 ? 'error' : 'warn';
  const span = message.endLine === undefined
    ? `${message.line}:${message.column}`
    : `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`;
  const palisadeRule = message.ruleId?.startsWith('palisade/') ? message.ruleId.slice('palisade/'.length) : undefined;
  const id = palisadeRule ? `${palisadeRule}/${message.messageId}` : (message.ruleId ?? 'parse-error');
  const { message: text, help } = splitEslintMessage(message);
  const details = help === undefined ? [`  message: ${text}`] : [`  message: ${text}`, `  help: ${help}`];
  return [`${file}:${span} ${severity} ${id}`, ...details].join('\n');
}

function compare(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}
