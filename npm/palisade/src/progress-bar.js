// The progress bar `palisade check` draws on stderr while a long run checks files: only on a
// terminal, only once the run has gone on for a moment, and erased before anything else prints.

/** Delay before the bar appears: quick runs print nothing extra. */
export const PROGRESS_DELAY_MS = 300;

/**
 * A progress bar on `stream` when it is a terminal; `undefined` otherwise.
 * @param {{ isTTY?: boolean, write(text: string): unknown }} stream
 * @param {number} delayMs how long a run goes before the bar shows
 * @returns {{ update(done: number, total: number): void, clear(): void } | undefined}
 */
export function progressBar(stream, delayMs) {
  if (!stream.isTTY) {
    return undefined;
  }
  const started = performance.now();
  let drawn = false;
  return {
    update(done, total) {
      if (performance.now() - started < delayMs) {
        return;
      }
      const width = 30;
      const filled = Math.round((width * done) / Math.max(total, 1));
      stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} files`);
      drawn = true;
    },
    clear() {
      if (drawn) {
        stream.write('\r\u001b[2K');
      }
    },
  };
}
