// Runs in a worker thread for parallel.js: opens its own instance of the workspace, says how many
// source files it sees (`{ files }`), then checks the slices it is sent, one `{ part }` each.

import { parentPort, workerData } from 'node:worker_threads';
import { wasm } from './engine.js';

const { root, configFile } = workerData;
try {
  const handle = wasm().Workspace.open(root, configFile);
  parentPort.postMessage({ files: handle.sourceFiles().length });
  parentPort.on('message', ([start, end]) => {
    parentPort.postMessage({ part: handle.checkSlice(start, end) });
  });
} catch (error) {
  parentPort.postMessage({ error: String(error?.message ?? error) });
}
