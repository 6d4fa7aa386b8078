// The baseline: accepted violations, so a team can adopt Palisade on a large codebase and only
// ever shrink the debt. Entries are keyed by rule, file and specifier with a count, never by
// line, so they survive edits that move code around.

import { readFileSync, writeFileSync } from 'node:fs';

const VERSION = 1;

/** A baseline that cannot be read: named file, one-line reason. */
export class BaselineError extends Error {}

function keyOf(diagnostic) {
  return JSON.stringify([diagnostic.rule, diagnostic.file, diagnostic.specifier ?? '']);
}

/** Writes the baseline of `diagnostics` to `file`; returns how many entries it holds. */
export function writeBaseline(file, diagnostics) {
  const counts = new Map();
  for (const diagnostic of diagnostics) {
    const key = keyOf(diagnostic);
    const entry = counts.get(key) ?? { rule: diagnostic.rule, file: diagnostic.file, specifier: diagnostic.specifier ?? '', count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const entries = [...counts.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.specifier, b.specifier),
  );
  writeFileSync(file, `${JSON.stringify({ version: VERSION, entries }, null, 2)}\n`);
  return entries.length;
}

/**
 * Splits `diagnostics` into those the baseline at `file` accepts and the new ones, and lists the
 * entries (with how many occurrences) that no longer occur.
 */
export function applyBaseline(file, diagnostics) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`${file}: cannot be read as a baseline: ${error.message}`);
  }
  if (parsed?.version !== VERSION || !Array.isArray(parsed.entries)) {
    throw new BaselineError(`${file}: not a Palisade baseline (expected { "version": ${VERSION}, "entries": [...] })`);
  }
  const remaining = new Map();
  parsed.entries.forEach((entry, index) => {
    const valid = typeof entry?.rule === 'string' && typeof entry.file === 'string' && typeof entry.specifier === 'string'
      && Number.isInteger(entry.count) && entry.count > 0;
    if (!valid) {
      throw new BaselineError(`${file}: entries[${index}] needs a rule, file, specifier and a positive count`);
    }
    remaining.set(keyOf(entry), { ...entry });
  });
  const known = [];
  const fresh = [];
  for (const diagnostic of diagnostics) {
    const entry = remaining.get(keyOf(diagnostic));
    if (entry !== undefined && entry.count > 0) {
      entry.count -= 1;
      known.push(diagnostic);
    } else {
      fresh.push(diagnostic);
    }
  }
  const fixed = [...remaining.values()].filter((entry) => entry.count > 0);
  return { known, fresh, fixed };
}

function compare(a, b) {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
