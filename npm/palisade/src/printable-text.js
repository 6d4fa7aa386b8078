// Text that comes from the user's files, config or command line, made safe to show on a terminal or
// in a CI log. Control characters could move the cursor, clear the screen, ring the bell or fake
// lines; bidirectional overrides and isolates reorder what the reader sees. Each is shown instead.

import { ruleMetadata } from './engine.js';

/** C0 (NUL to US, tab and line feed included), DEL, C1, and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this module is for
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * `text` with every control and bidi-override character written as its code point, `\u{1b}`.
 * @param {string} text
 * @returns {string}
 */
export function printable(text) {
  return String(text).replace(UNPRINTABLE, (character) => `\\u{${character.codePointAt(0).toString(16)}}`);
}

/**
 * `printable` for text whose line breaks are meant (a message that spans lines): each line is
 * escaped, the `\n` between them kept.
 * @param {string} text
 * @returns {string}
 */
export function printableLines(text) {
  return String(text).split('\n').map(printable).join('\n');
}

/**
 * A diagnostic's message, printable. Most messages are one line, so a line break in one comes
 * from a file name or specifier and is escaped too; a message whose rule writes it on several
 * lines (Nx's cycle message with its file chain) keeps its breaks.
 * @param {{ rule: string, messageId: string, message: string }} diagnostic
 * @returns {string}
 */
export function printableMessage(diagnostic) {
  const spansLines = multilineMessageIds().has(`${diagnostic.rule}/${diagnostic.messageId}`);
  return spansLines ? printableLines(diagnostic.message) : printable(diagnostic.message);
}

/** @type {Set<string> | undefined} */
let multilineMessages;

/** `rule/messageId` of each message whose template spans lines. */
function multilineMessageIds() {
  multilineMessages ??= new Set(
    ruleMetadata().flatMap((rule) => Object.entries(rule.messages)
      .filter(([, { message }]) => message.includes('\n'))
      .map(([id]) => `${rule.id}/${id}`)),
  );
  return multilineMessages;
}
