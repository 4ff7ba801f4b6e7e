// Writing the static site into a directory, all at once: the files go into a new directory next to
// the target, which then takes the target's place by a rename, so a reader (or a web server)
// never sees half a site. Only a directory innoroute made is replaced — it carries a small
// manifest — never a file, the rule directory, or a directory with other content.
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { realPathOf, trackTemporary, untrackTemporary } from './atomic.ts';

/** The file that marks a directory as a site innoroute wrote. */
export const SITE_MANIFEST = '.innoroute-site.json';

/** Why an output directory is refused, before anything is written. */
export type SiteRefusal =
  /** It exists and is not a directory (a file, a link, a device). */
  | { readonly kind: 'not-a-directory' }
  /** It is the rule directory, inside it, or holds it. */
  | { readonly kind: 'rules'; readonly rulesDir: string }
  /** A directory with content that innoroute did not write (no manifest). */
  | { readonly kind: 'not-ours' };

export class SiteDirRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly refusal: SiteRefusal,
  ) {
    super(`refusing to write the site into ${path}: ${refusal.kind}`);
    this.name = 'SiteDirRefusedError';
  }
}

export interface SiteFileData {
  readonly path: string;
  readonly text: string;
}

/** `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/** Checks the output directory before the site is built; throws SiteDirRefusedError. */
export function checkSiteDir(dir: string, protect: readonly string[]): void {
  const target = resolve(dir);
  // the directory as it is or will be (its parent's real path when it does not exist yet)
  const where = realPathOf(target);
  for (const p of protect) {
    const rules = realPathOf(resolve(p));
    if (within(where, rules) || within(rules, where))
      throw new SiteDirRefusedError(dir, { kind: 'rules', rulesDir: p });
  }
  let st;
  try {
    st = lstatSync(target);
  } catch {
    return; // it will be made
  }
  if (!st.isDirectory()) throw new SiteDirRefusedError(dir, { kind: 'not-a-directory' });
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(SITE_MANIFEST))
    throw new SiteDirRefusedError(dir, { kind: 'not-ours' });
}

function sibling(target: string, what: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${what}.${process.pid}.${randomBytes(4).toString('hex')}`,
  );
}

/**
 * Writes the files (paths relative to `dir`, forward slashes) and the manifest into a new
 * directory next to `dir`, then puts it in `dir`'s place. Checks `dir` first (checkSiteDir).
 */
export function writeSiteDir(
  dir: string,
  files: readonly SiteFileData[],
  manifest: string,
  protect: readonly string[],
): void {
  checkSiteDir(dir, protect);
  const target = resolve(dir);
  const tmp = sibling(target, 'new');
  // removed on any exit, and at once on a signal (cli/signals.ts), like an atomic write's file
  trackTemporary(tmp);
  let placed = false;
  try {
    mkdirSync(tmp);
    for (const f of files) {
      const path = join(tmp, ...f.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.text);
    }
    writeFileSync(join(tmp, SITE_MANIFEST), manifest);
    let old: string | undefined;
    try {
      lstatSync(target);
      old = sibling(target, 'old');
      renameSync(target, old);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    try {
      renameSync(tmp, target);
    } catch (e) {
      // put the old site back where it was
      if (old) renameSync(old, target);
      throw e;
    }
    placed = true;
    if (old) rmSync(old, { recursive: true, force: true });
  } finally {
    if (!placed) rmSync(tmp, { recursive: true, force: true });
    untrackTemporary(tmp);
  }
}
