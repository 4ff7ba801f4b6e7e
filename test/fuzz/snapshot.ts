// What a directory holds, file by file (a sha256 of each file's bytes; links and other kinds by
// what they are), to tell whether a run changed anything the user gave or left anything behind.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export type Snapshot = ReadonlyMap<string, string>;

export function snapshot(dir: string, skip: ReadonlySet<string> = new Set()): Snapshot {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      if (skip.has(r)) continue;
      const p = join(abs, name);
      const st = lstatSync(p);
      if (st.isDirectory()) {
        out.set(`${r}/`, 'dir');
        walk(p, r);
      } else if (st.isFile()) {
        out.set(r, createHash('sha256').update(readFileSync(p)).digest('hex'));
      } else if (st.isSymbolicLink()) {
        out.set(r, `link -> ${readlinkSync(p)}`);
      } else {
        out.set(r, 'special');
      }
    }
  };
  walk(dir, '');
  return out;
}

/** What differs, in words: "changed: a.yaml", "new: x.tmp", "gone: b.csv". */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [k, v] of before) {
    const now = after.get(k);
    if (now === undefined) out.push(`gone: ${k}`);
    else if (now !== v) out.push(`changed: ${k}`);
  }
  for (const k of after.keys()) if (!before.has(k)) out.push(`new: ${k}`);
  return out;
}
