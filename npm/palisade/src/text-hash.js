// The identity of a file's text, to tell whether a result computed elsewhere is for this text.

import { createHash } from 'node:crypto';

/** @param {string} text */
export function textHash(text) {
  return createHash('sha1').update(text).digest('base64');
}
