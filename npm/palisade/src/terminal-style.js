// Colours on a terminal: whether a stream gets them, and the ANSI styles the reports use. Text
// for a pipe, a file or a `NO_COLOR` / `TERM=dumb` environment stays plain.

const STYLES = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 };

/**
 * Whether `stream` is a terminal that wants colours.
 * @param {{ isTTY?: boolean }} stream
 * @returns {boolean}
 */
export function useColor(stream) {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

/**
 * `paint(style, text)`: `text` in `style` when `color`, else `text` unchanged.
 * @param {boolean} color
 * @returns {(style: keyof typeof STYLES, text: string) => string}
 */
export function painter(color) {
  return (style, text) => (color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
}
