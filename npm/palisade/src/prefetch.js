// Uses the second core during a batch lint: once ESLint has asked for a burst of files with no
// pause (a CLI run, not an editor), a worker thread checks the rest of the workspace ahead of it.
// A prefetched result is used only for the exact text ESLint hands over; anything else is
// checked on this thread as before, so the verdicts cannot differ.

import { Worker, isMainThread } from 'node:worker_threads';
import { textHash } from './text-hash.js';

/** Files checked back to back before a run counts as a batch. */
const BURST = 16;
/** A pause longer than this resets the burst count (an editor, not a batch). */
const BURST_GAP_MS = 250;
/** Smaller workspaces finish before a worker would have started. */
const MIN_FILES = 200;

/** How many checks a prefetched result answered, and how many it could not (tests, tuning). */
export const prefetchStats = { used: 0, missed: 0 };

export class Prefetch {
  /** @param {string} root @param {string | undefined} configFile @param {number} fileCount */
  constructor(root, configFile, fileCount) {
    // `PALISADE_PREFETCH=0` turns prefetching off, `=1` starts it at the first file (tests).
    const mode = process.env.PALISADE_PREFETCH;
    this.startAfter = mode === '1' ? 1 : BURST;
    this.root = root;
    this.configFile = configFile;
    this.enabled = mode !== '0' && isMainThread && (mode === '1' || fileCount >= MIN_FILES);
    this.burst = 0;
    this.lastCall = 0;
    /** @type {Worker | undefined} */
    this.worker = undefined;
    /** @type {Map<string, [string, any[]]>} file → [text hash, diagnostics] */
    this.results = new Map();
  }

  /** The prefetched diagnostics of `file` for exactly `text`, or undefined. */
  take(file, text) {
    this.noteCall();
    const found = this.results.get(file);
    if (found === undefined) {
      if (this.worker !== undefined) {
        prefetchStats.missed += 1;
      }
      return undefined;
    }
    this.results.delete(file);
    if (found[0] !== textHash(text)) {
      prefetchStats.missed += 1;
      return undefined;
    }
    prefetchStats.used += 1;
    return found[1];
  }

  noteCall() {
    if (!this.enabled || this.worker !== undefined) {
      return;
    }
    const now = Date.now();
    this.burst = now - this.lastCall > BURST_GAP_MS ? 1 : this.burst + 1;
    this.lastCall = now;
    if (this.burst >= this.startAfter) {
      this.start();
    }
  }

  /** Stops and forgets: after a pause, results computed earlier may be stale. */
  stop() {
    this.enabled = false;
    this.results.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  start() {
    const worker = new Worker(new URL('./prefetch-worker.js', import.meta.url), {
      workerData: { root: this.root, configFile: this.configFile },
    });
    worker.on('message', (batch) => {
      for (const [file, hash, diagnostics] of batch) {
        this.results.set(file, [hash, diagnostics]);
      }
    });
    // A failed prefetch only costs speed: every file is still checked here.
    worker.on('error', () => {
      this.enabled = false;
    });
    worker.unref();
    this.worker = worker;
  }
}
