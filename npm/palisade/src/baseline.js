// The baseline: accepted violations, so a team can adopt Palisade on a large codebase and only
// ever shrink the debt. Entries are keyed by rule, file and specifier with a count, never by
// line, so they survive edits that move code around. The file is replaced whole, never written in
// place, and only ever over another baseline.

import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const VERSION = 1;
const SHAPE = `{ "version": ${VERSION}, "entries": [...] }`;

/** A baseline that cannot be read or written: the file as given, and a one-line reason. */
export class BaselineError extends Error {
  /**
   * @param {string} file
   * @param {string} reason
   */
  constructor(file, reason) {
    super(`${file}: ${reason}`);
    this.name = 'BaselineError';
    this.file = file;
    this.reason = reason;
  }
}

function keyOf(diagnostic) {
  return JSON.stringify([diagnostic.rule, diagnostic.file, diagnostic.specifier ?? '']);
}

/**
 * Writes the baseline of `diagnostics` to `file`. With `keep`, the existing baseline's entries
 * of the files it accepts stay as they were (a check of some paths keeps the other files'
 * entries); without, every entry is replaced. The new text is written beside `file` and renamed
 * over it, so a failed write leaves the old baseline untouched. A folder, a read-only file or a
 * file that is not a baseline is never replaced.
 * @param {string} file
 * @param {Array<{ rule: string, file: string, specifier?: string }>} diagnostics
 * @param {(file: string) => boolean} [keep]
 * @returns {{ written: number, kept: number }} how many entries come from `diagnostics`, how many were kept
 * @throws {BaselineError}
 */
export function updateBaseline(file, diagnostics, keep) {
  const existing = readBaselineFile(file, { replacing: true });
  const kept = existing === undefined || keep === undefined ? [] : validEntries(file, existing.entries).filter((entry) => keep(entry.file));
  const counts = new Map();
  for (const diagnostic of diagnostics) {
    const key = keyOf(diagnostic);
    const entry = counts.get(key) ?? { rule: diagnostic.rule, file: diagnostic.file, specifier: diagnostic.specifier ?? '', count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const entries = [...kept, ...counts.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.specifier, b.specifier),
  );
  replaceFile(file, `${JSON.stringify({ version: VERSION, entries }, null, 2)}\n`, existing?.stats);
  return { written: counts.size, kept: kept.length };
}

/**
 * Splits `diagnostics` into those the baseline at `file` accepts and the new ones, and lists the
 * entries (with how many occurrences) that no longer occur among the files `checked` accepts
 * (default: all; a check of some paths cannot tell whether the other files' entries are fixed).
 * @param {string} file
 * @param {any[]} diagnostics
 * @param {(file: string) => boolean} [checked]
 * @throws {BaselineError}
 */
export function applyBaseline(file, diagnostics, checked = () => true) {
  const { entries } = /** @type {{ entries: unknown[] }} */ (readBaselineFile(file, { replacing: false }));
  const remaining = new Map();
  for (const entry of validEntries(file, entries)) {
    remaining.set(keyOf(entry), { ...entry });
  }
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
  const fixed = [...remaining.values()].filter((entry) => entry.count > 0 && checked(entry.file));
  return { known, fresh, fixed };
}

/**
 * The baseline at `file`, with the facts about the file that replacing it needs. `undefined` when
 * it does not exist and is about to be written (`replacing`); reading a missing one is an error.
 * @returns {{ entries: unknown[], stats: import('node:fs').Stats } | undefined}
 */
function readBaselineFile(file, { replacing }) {
  const unreadable = (error) => new BaselineError(file, `cannot be read as a baseline: ${reasonOf(error)}`);
  let stats;
  try {
    stats = statSync(file, { throwIfNoEntry: !replacing });
  } catch (error) {
    throw unreadable(error);
  }
  if (stats === undefined) {
    return undefined;
  }
  if (stats.isDirectory()) {
    throw new BaselineError(file, 'is a directory, not a baseline file');
  }
  if (!stats.isFile()) {
    // A device or a pipe: reading could block, and a rename would replace it.
    throw new BaselineError(file, 'is not a regular file, so not a baseline');
  }
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw unreadable(error);
  }
  let parsed;
  let notJson;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    notJson = reasonOf(error);
  }
  if (parsed?.version !== VERSION || !Array.isArray(parsed.entries)) {
    throw new BaselineError(
      file,
      replacing
        ? `not a Palisade baseline (${SHAPE}); refusing to overwrite it`
        : `not a Palisade baseline (expected ${SHAPE})${notJson === undefined ? '' : `: ${notJson}`}`,
    );
  }
  if (replacing && !isWritable(file, stats)) {
    throw new BaselineError(file, 'is read-only; refusing to replace it');
  }
  return { entries: parsed.entries, stats };
}

function validEntries(file, entries) {
  entries.forEach((entry, index) => {
    const valid = typeof entry?.rule === 'string' && typeof entry.file === 'string' && typeof entry.specifier === 'string'
      && Number.isInteger(entry.count) && entry.count > 0;
    if (!valid) {
      throw new BaselineError(file, `entries[${index}] needs a rule, file, specifier and a positive count`);
    }
  });
  return entries;
}

/** Write-protected for everyone counts as read-only even for root, who may write anything. */
function isWritable(file, stats) {
  if ((stats.mode & 0o222) === 0) {
    return false;
  }
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts `text` at `file` whole or not at all: written to a new file in the same folder, flushed,
 * then renamed over it. `stats` of the file being replaced: its mode is kept, and a link to it
 * keeps pointing at it.
 */
function replaceFile(file, text, stats) {
  const target = stats === undefined ? file : realpathSync(file);
  const aside = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let descriptor;
  let created = false;
  try {
    descriptor = openSync(aside, 'wx', 0o666);
    created = true;
    if (stats !== undefined) {
      fchmodSync(descriptor, stats.mode & 0o777);
    }
    writeFileSync(descriptor, text);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(aside, target);
  } catch (error) {
    if (descriptor !== undefined) {
      closeSync(descriptor);
    }
    if (created) {
      rmSync(aside, { force: true });
    }
    const unchanged = stats === undefined ? 'nothing was written' : 'the previous baseline is unchanged';
    throw new BaselineError(file, `cannot be written: ${reasonOf(error)}; ${unchanged}`);
  }
}

/**
 * A file-system or JSON error in words. Node's `EACCES: permission denied, open '/abs/file'`
 * gives `permission denied`: the message around it names the file already.
 */
function reasonOf(error) {
  const message = String(error?.message ?? error);
  return (error?.code === undefined ? undefined : /^[A-Z0-9]+: ([^,]+)/u.exec(message)?.[1]) ?? message;
}

function compare(a, b) {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
