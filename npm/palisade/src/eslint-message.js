// A message ESLint reports for a Palisade rule, split back into the message and its help. ESLint
// hands formatters the rendered line only; the engine splits it where the rule's templates put
// the help, so a value holding the separator stays where it is.

import { wasm } from './engine.js';

/**
 * @param {{ ruleId: string | null, messageId?: string, message: string }} message an ESLint message
 * @returns {{ message: string, help?: string }} `help` for a message of a Palisade rule's template
 */
export function splitEslintMessage(message) {
  const rule = message.ruleId?.startsWith('palisade/') ? message.ruleId.slice('palisade/'.length) : undefined;
  const split = rule === undefined || message.messageId === undefined ? undefined : wasm().splitEslintMessage(rule, message.messageId, message.message);
  return split === undefined ? { message: message.message } : { message: split[0], help: split[1] };
}
