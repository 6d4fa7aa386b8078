// Runs in a worker thread: its own wasm instance checks the workspace's files from disk, in
// order, and posts each file's diagnostics with a hash of the text it checked, in batches.
// The main thread uses a result only when ESLint hands it the same text (see prefetch.js).

import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { wasm } from './engine.js';
import { textHash } from './text-hash.js';

const BATCH = 64;
const { root, configFile } = workerData;
const workspace = wasm().Workspace.open(root, configFile);
let batch = [];
for (const file of workspace.sourceFiles()) {
  let text;
  try {
    // ESLint hands rules the text without a byte-order mark; hash what it will hand over.
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  } catch {
    continue;
  }
  batch.push([file, textHash(text), workspace.checkFile(file, text)]);
  if (batch.length === BATCH) {
    parentPort.postMessage(batch);
    batch = [];
  }
}
parentPort.postMessage(batch);
