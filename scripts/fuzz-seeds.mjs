// Writes the fuzz targets' seed inputs from the conformance corpus into the folder given: every
// palisade.json (config_text), every source file with a first byte that picks its syntax
// (source_text), and every scenario as `\0`-separated `path\ntext` records (workspace).

import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const out = process.argv[2] ?? 'fuzz/corpus';
const corpus = new URL('../tests/conformance/', import.meta.url).pathname;
const SYNTAX = { '.ts': 0, '.tsx': 1, '.js': 2, '.mjs': 3 };

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? filesUnder(path) : [path];
  });
}

for (const target of ['config_text', 'source_text', 'workspace']) {
  mkdirSync(join(out, target), { recursive: true });
}
for (const rule of readdirSync(corpus).filter((name) => statSync(join(corpus, name)).isDirectory())) {
  for (const scenario of readdirSync(join(corpus, rule)).filter((name) => statSync(join(corpus, rule, name)).isDirectory())) {
    const dir = join(corpus, rule, scenario);
    const name = `${rule}-${scenario}`;
    const records = [];
    for (const file of filesUnder(dir).filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile())) {
      const path = relative(dir, file);
      const text = readFileSync(file);
      if (path === 'expected.txt' || path === 'scenario.json' || text.length > 20_000) {
        continue;
      }
      records.push(Buffer.concat([Buffer.from(`${path}\n`), text]));
      if (path.endsWith('palisade.json')) {
        writeFileSync(join(out, 'config_text', name), text);
      }
      if (extname(path) in SYNTAX) {
        writeFileSync(join(out, 'source_text', `${name}-${path.replaceAll('/', '_')}`), Buffer.concat([Buffer.from([SYNTAX[extname(path)]]), text]));
      }
    }
    writeFileSync(join(out, 'workspace', name), Buffer.concat(records.flatMap((record, index) => (index === 0 ? [record] : [Buffer.from([0]), record]))));
  }
}
