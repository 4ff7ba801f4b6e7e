// The compiled-rules cache file, checked before it is trusted. A cache entry is a header line
// (format, sha256 and length of the body) and a JSON body; it is read only when it is a regular
// file (never through a symbolic link, never a FIFO or device: opening a FIFO blocks), only
// when the body has the length and checksum its header says, and only when the data has the
// shape of a compiled rule set. Anything else is a miss, and the entry is removed so that the
// next compile writes a good one. The checksum catches a damaged or hand-edited entry; it is no
// defence against someone who can write the cache directory and recomputes it.
//
// The cache keeps the MAX_CACHE_ENTRIES most recently used entries: a hit marks its entry used
// (its modification time), and each new entry removes the oldest beyond that number. Without it
// every edit of a rule file, and every upgrade, left a copy of up to a megabyte behind for good.
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  utimesSync,
} from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.ts';

export const CACHE_FORMAT = 'innoroute-rules-cache-3';
/** A cache entry larger than this is not read (the shipped rules take under 1 MB). */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/** How many rule sets the cache keeps: the most recently used (a few rule directories, versions). */
export const MAX_CACHE_ENTRIES = 16;
/** The name of an entry: its key (a sha256) and .json. Nothing else in the directory is touched. */
const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;

// O_NONBLOCK: should a FIFO take the file's place between lstat and open, open does not wait
// for a writer; O_NOFOLLOW: a symbolic link put there in between is not followed.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The body of the cache entry at `path`, or undefined (and the entry removed) when it is not sound. */
export function readCacheBody(path: string): string | undefined {
  try {
    const st = lstatSync(path);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return discard(path);
  } catch {
    return undefined; // no entry: a plain miss
  }
  let bytes: Buffer;
  try {
    const fd = openSync(path, OPEN_FLAGS);
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > MAX_CACHE_BYTES) return discard(path);
      bytes = Buffer.alloc(st.size);
      let got = 0;
      while (got < bytes.length) {
        const n = readSync(fd, bytes, got, bytes.length - got, got);
        if (n === 0) break;
        got += n;
      }
      if (got !== bytes.length) return discard(path);
    } finally {
      closeSync(fd);
    }
  } catch {
    return discard(path);
  }
  const newline = bytes.indexOf(10);
  if (newline < 0) return discard(path);
  const [format, sum, length] = bytes.toString('latin1', 0, newline).split(' ');
  const body = bytes.subarray(newline + 1);
  if (format !== CACHE_FORMAT || Number(length) !== body.length) return discard(path);
  if (createHash('sha256').update(body).digest('hex') !== sum) return discard(path);
  return body.toString('utf8');
}

/** Writes a cache entry: the header line with the body's checksum, then the body. */
export function writeCacheBody(dir: string, path: string, body: string): void {
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.from(body, 'utf8');
  const sum = createHash('sha256').update(bytes).digest('hex');
  writeFileAtomic(path, `${CACHE_FORMAT} ${sum} ${bytes.length}\n${body}`);
}

/** Marks an entry as used now, so that pruning keeps the rule sets in use. */
export function markUsed(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    /* a cache that cannot be written is still read; the entry may be pruned sooner */
  }
}

/**
 * Removes all but the `keep` most recently used entries of `dir`: only files named as entries,
 * never anything else a user put there.
 */
export function pruneCache(dir: string, keep = MAX_CACHE_ENTRIES): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => ENTRY_NAME.test(n));
  } catch {
    return;
  }
  if (names.length <= keep) return;
  const entries: { path: string; used: number }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (st.isFile()) entries.push({ path, used: st.mtimeMs });
    } catch {
      /* gone already: another run pruned it */
    }
  }
  entries.sort((a, b) => b.used - a.used);
  for (const e of entries.slice(keep)) discard(e.path);
}

/** Removes an unsound entry (whatever it is: a link is removed, not what it points to). */
export function discard(path: string): undefined {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* the next write replaces it, or the cache stays unused */
  }
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list of [id, object] entries, each object with that id when `withId`. */
function isEntries(v: unknown, withId: boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (const e of v) {
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || !isObject(e[1])) {
      return false;
    }
    if (withId && e[1].id !== e[0]) return false;
  }
  return true;
}

const isStrings = (v: unknown): boolean =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

/** A cheap check of the shape of a cached rule set: what every command reads first. */
export function looksLikeCachedRuleSet(r: unknown): boolean {
  if (!isObject(r)) return false;
  if (typeof r.name !== 'string' || typeof r.version !== 'string' || typeof r.hash !== 'string') {
    return false;
  }
  if (!isObject(r.disclaimer) || !isObject(r.fit) || !isStrings(r.questionOrder)) return false;
  if (!Array.isArray(r.tests) || !Array.isArray(r.reviewed) || !isEntries(r.parties, false)) {
    return false;
  }
  for (const k of ['questions', 'routes', 'stakeholders', 'sources', 'warnings', 'bridge']) {
    if (!isEntries(r[k], true)) return false;
  }
  const questions = new Set((r.questions as [string, unknown][]).map((e) => e[0]));
  if (!(r.questionOrder as string[]).every((id) => questions.has(id))) return false;
  if (!Array.isArray(r.trees)) return false;
  for (const t of r.trees as unknown[]) {
    if (!isObject(t) || typeof t.family !== 'string' || typeof t.root !== 'string') return false;
    if (!isEntries(t.nodes, true) || !isStrings(t.nodeOrder)) return false;
    const nodes = new Set((t.nodes as [string, unknown][]).map((e) => e[0]));
    if (!nodes.has(t.root) || (t.nodeOrder as string[]).some((id) => !nodes.has(id))) return false;
  }
  return true;
}
