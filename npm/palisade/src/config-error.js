// The error a broken palisade.json (or broken settings) raises through the JS API and the ESLint
// plugin. The wasm module throws a plain `Error` named "PalisadeConfigError"; this class gives
// callers something to `instanceof`, with the same message and location fields.

export class PalisadeConfigError extends Error {
  /**
   * @param {string} message one paragraph: `<file>:<line>:<col>: <json path>: <what>`
   * @param {{ file?: string, jsonPath?: string, line?: number, column?: number }} [location]
   */
  constructor(message, { file, jsonPath, line, column } = {}) {
    super(message);
    this.name = 'PalisadeConfigError';
    this.file = file;
    this.jsonPath = jsonPath;
    this.line = line;
    this.column = column;
  }

  /**
   * Rebuilds an error thrown by the wasm module as a `PalisadeConfigError` whose stack holds only
   * JS frames. Anything else (an engine bug, e.g. a wasm `RuntimeError`) is returned unchanged.
   * @param {unknown} error
   * @returns {unknown}
   */
  static fromWasm(error) {
    const candidate = /** @type {any} */ (error);
    if (candidate?.name !== 'PalisadeConfigError' || typeof candidate.message !== 'string') {
      return error;
    }
    const { message, file, jsonPath, line, column } = candidate;
    return new PalisadeConfigError(message, { file, jsonPath, line, column });
  }
}
