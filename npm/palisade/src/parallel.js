// A whole-workspace check spread over threads: the source files are cut into slices, and this
// thread and worker threads (each with its own wasm instance of the same workspace) take slices
// from one queue until none is left. Each slice comes back with its per-file diagnostics and its
// share of the import graph; this thread's instance joins the graph parts and adds the
// whole-graph diagnostics (cycles). One message per slice: no per-file or per-import traffic
// between threads.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wasm } from './engine.js';

/** Files per slice: small enough to balance the threads and move the progress bar. */
const SLICE = 250;
/** Below this many files the workers are not used: they would start after the work is done. */
const MIN_FILES_FOR_WORKERS = 600;

/** The default thread count: every core, at most 4 (each wasm instance holds its own caches). */
export function defaultThreads() {
  return Math.min(availableParallelism(), 4);
}

/**
 * Starts `threads - 1` workers that open the workspace at once, so that they are ready by the
 * time this thread has opened it too.
 * @param {{ root: string, configFile: string | undefined }} location
 * @param {number} [threads]
 * @returns {WorkerPool}
 */
export function startWorkers(location, threads = defaultThreads()) {
  return new WorkerPool(location, Math.max(0, threads - 1));
}

class WorkerPool {
  constructor(location, count) {
    /** @type {Worker[]} */
    this.workers = Array.from(
      { length: count },
      () =>
        new Worker(new URL('./parallel-worker.js', import.meta.url), {
          workerData: { root: location.root, configFile: location.configFile },
        }),
    );
  }

  stop() {
    for (const worker of this.workers) {
      void worker.terminate();
    }
    this.workers = [];
  }
}

/**
 * @param {any} handle an open wasm `Workspace`: it checks slices too, and joins the graph
 * @param {{ location: { root: string, configFile: string | undefined }, pool?: WorkerPool,
 *   threads?: number, onProgress?: (done: number, total: number) => void }} options
 *   `pool` from `startWorkers`, else workers are started here (`threads`, default every core)
 * @returns {Promise<{ diagnostics: any[], files: number, dependencies: number }>} diagnostics in
 *   the engine's order, as `checkAll` gives them
 */
export async function checkInParallel(handle, { location, pool, threads, onProgress }) {
  const total = handle.sourceFiles().length;
  const workers = total >= MIN_FILES_FOR_WORKERS ? (pool ?? startWorkers(location, threads)) : undefined;
  if (workers === undefined) {
    pool?.stop();
  }
  /** @type {Array<[number, number]>} */
  const queue = [];
  for (let start = 0; start < total; start += SLICE) {
    queue.push([start, Math.min(start + SLICE, total)]);
  }
  const diagnostics = [];
  const graphs = [];
  let dependencies = 0;
  let done = 0;
  const collect = ([start, end], part) => {
    diagnostics.push(...part.diagnostics);
    graphs.push(part.graph);
    dependencies += part.dependencies;
    done += end - start;
    onProgress?.(done, total);
  };
  const checkHere = () => {
    const slice = /** @type {[number, number]} */ (queue.shift());
    collect(slice, handle.checkSlice(slice[0], slice[1]));
  };

  const running = (workers?.workers ?? []).map((worker) => drive(worker, total, queue, collect));
  // This thread works through the queue too, yielding between slices so that the workers'
  // results are received (and they are handed new slices) while it works.
  while (queue.length > 0) {
    checkHere();
    await new Promise((resume) => setImmediate(resume));
  }
  await Promise.all(running);
  workers?.stop();
  // Slices given back by a worker that failed.
  while (queue.length > 0) {
    checkHere();
  }
  diagnostics.push(...handle.finishCheck(graphs));
  // Slices come back in the order threads finish them and the cycles come last: the engine says
  // in which order to report them.
  const order = wasm().diagnosticOrder(diagnostics);
  return { diagnostics: Array.from(order, (index) => diagnostics[index]), files: total, dependencies };
}

/**
 * Feeds `worker` slices from `queue` until it is empty. Resolves when it has no slice left; a
 * worker that fails, or that sees a different file list, gives its slice back.
 */
function drive(worker, total, queue, collect) {
  return new Promise((finish) => {
    /** @type {[number, number] | undefined} */
    let current;
    let stopped = false;
    const stop = () => {
      if (!stopped) {
        stopped = true;
        worker.removeAllListeners();
        finish();
      }
    };
    const fail = () => {
      if (current !== undefined) {
        queue.unshift(current);
        current = undefined;
      }
      stop();
    };
    worker.on('message', (message) => {
      // Files added or removed since this thread listed them: slice indices would differ.
      if (message.error !== undefined || (message.files !== undefined && message.files !== total)) {
        fail();
        return;
      }
      if (message.part !== undefined && current !== undefined) {
        collect(current, message.part);
      }
      current = queue.shift();
      if (current === undefined) {
        stop();
      } else {
        worker.postMessage(current);
      }
    });
    worker.on('error', fail);
    worker.on('exit', fail);
  });
}
