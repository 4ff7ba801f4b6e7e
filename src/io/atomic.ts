// Writing a result file so that a reader never sees half of it and a failed write leaves the old
// file as it was: write a temporary file in the same directory (same file system), flush it, then
// rename it over the target, keeping the mode of a file it replaces. The one way every command
// writes --out: a whole text at once (writeFileAtomic) or a stream (openAtomicOutput).
//
// Before anything is written the target is checked (checkOutput): an existing path that is not a
// regular file (a directory, FIFO, socket or device: the rename would replace the node itself), a
// symbolic link that leads out of its directory or nowhere, and the paths the caller protects (the
// input, the rule directory: everything inside a protected directory) are refused. A link to a
// file in the same directory is written through: the file is replaced, the link stays a link.
//
// Every temporary file that exists is listed here, so that whatever ends the process can remove
// them (removeTemporaryFiles; src/cli/signals.ts calls it on a signal, and it runs on exit).
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
  accessSync,
  closeSync,
  constants,
  createWriteStream,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';

/** What an existing path is, when it is not a regular file. */
export type NodeKind = 'directory' | 'fifo' | 'socket' | 'device' | 'other';

/** Why an output path is refused before anything is written. */
export type Refusal =
  /** It is a protected file (an input), or inside a protected directory (the rules). */
  | { readonly kind: 'protected'; readonly protectedPath: string; readonly inside: boolean }
  /** It exists and is not a regular file: replacing it would replace the node. */
  | { readonly kind: 'not-a-file'; readonly node: NodeKind }
  /** A symbolic link to a file in another directory. */
  | { readonly kind: 'link-outside'; readonly target: string }
  /** A symbolic link whose target does not exist. */
  | { readonly kind: 'link-broken' };

export class OutputRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly refusal: Refusal,
  ) {
    super(`refusing to write ${path}: ${explainRefusal(refusal)}`);
    this.name = 'OutputRefusedError';
  }
}

function explainRefusal(r: Refusal): string {
  switch (r.kind) {
    case 'protected':
      return r.inside
        ? `it is inside ${r.protectedPath}, which this command reads`
        : `it is ${r.protectedPath}, which this command reads`;
    case 'not-a-file':
      return `it is a ${r.node === 'other' ? 'special file' : r.node}, not a regular file`;
    case 'link-outside':
      return `it is a symbolic link to ${r.target}, outside its directory`;
    case 'link-broken':
      return 'it is a symbolic link whose target does not exist';
  }
}

export class WriteError extends Error {
  /** Why, in words: "the directory … does not exist", "permission denied", … */
  readonly reason: string;
  /** The errno code of the failure (ENOENT, ENOSPC, …), when there is one. */
  readonly code: string | undefined;
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    const reason = describeWriteFailure(cause, path);
    super(`cannot write ${path}: ${reason}`);
    this.reason = reason;
    this.code = errnoCode(cause);
    this.name = 'WriteError';
  }
}

export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why a write failed, in English words; `path` is the file as the user named it. */
export function describeWriteFailure(e: unknown, path: string): string {
  switch (errnoCode(e)) {
    case 'ENOENT':
      return `the directory ${dirname(path)} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (no files can be made in ${dirname(path)})`;
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return `a part of ${dirname(path)} is not a directory`;
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EFBIG':
      return 'the file is larger than the file system allows';
    case 'EIO':
      return 'an input/output error on the disk';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

export interface AtomicWriteOptions {
  /**
   * Paths that must not be written: a file (an input) or a directory (the rules: nothing inside
   * it). Compared after resolving and following links; an existing file also by device and inode.
   */
  readonly protect?: readonly string[];
  /** File mode for a new file. */
  readonly mode?: number;
}

/** `p` with links resolved; for a path that does not exist yet, its directory's real path. */
export function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // the file does not exist yet: compare its directory's real path plus the name
    try {
      return join(realpathSync(dirname(p)), basename(p));
    } catch {
      return p;
    }
  }
}

/** True when `a` and `b` name the same file. */
export function samePath(a: string, b: string): boolean {
  const ra = resolve(a);
  const rb = resolve(b);
  return ra === rb || realPathOf(ra) === realPathOf(rb);
}

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function nodeKind(st: Stats): NodeKind {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'other';
}

/**
 * Checks an output path before anything is written and returns the file to write: the path
 * itself, or the target of a symbolic link in the same directory. Throws OutputRefusedError
 * (see Refusal), or WriteError when the directory it would go in does not exist.
 */
export function checkOutput(path: string, protect: readonly string[] = []): string {
  let target = resolve(path);
  let st: Stats;
  try {
    st = lstatSync(target);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw new WriteError(path, e);
    // a new file: its directory must be there (and be a directory)
    let dir: Stats;
    try {
      dir = statSync(dirname(target));
    } catch (e) {
      throw new WriteError(path, e);
    }
    if (!dir.isDirectory()) {
      throw new WriteError(path, Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }));
    }
    assertNotProtected(path, target, undefined, protect);
    assertDirWritable(path, target);
    return target;
  }
  if (st.isSymbolicLink()) {
    let linked: string;
    try {
      linked = realpathSync(target);
    } catch {
      throw new OutputRefusedError(path, { kind: 'link-broken' });
    }
    // the rename goes over the link's target: only within the directory the user named
    if (dirname(linked) !== realPathOf(dirname(target))) {
      throw new OutputRefusedError(path, { kind: 'link-outside', target: linked });
    }
    target = linked;
    st = statSync(target);
  }
  if (!st.isFile()) throw new OutputRefusedError(path, { kind: 'not-a-file', node: nodeKind(st) });
  assertNotProtected(path, target, st, protect);
  assertDirWritable(path, target);
  return target;
}

/** The temporary file is made next to the target: its directory must take new files. */
function assertDirWritable(path: string, target: string): void {
  try {
    accessSync(dirname(target), constants.W_OK);
  } catch (e) {
    throw new WriteError(path, e);
  }
}

function assertNotProtected(
  path: string,
  target: string,
  st: Stats | undefined,
  protect: readonly string[],
): void {
  const realTarget = realPathOf(target);
  for (const p of protect) {
    const abs = resolve(p);
    const realP = realPathOf(abs);
    const pst = statOrUndefined(abs);
    if (pst?.isDirectory()) {
      if (realTarget.startsWith(realP.endsWith(sep) ? realP : realP + sep)) {
        throw new OutputRefusedError(path, { kind: 'protected', protectedPath: p, inside: true });
      }
      continue;
    }
    const same =
      realTarget === realP ||
      (st !== undefined && pst !== undefined && st.dev === pst.dev && st.ino === pst.ino);
    if (same) {
      throw new OutputRefusedError(path, { kind: 'protected', protectedPath: p, inside: false });
    }
  }
}

/** Temporary files being written now: what removeTemporaryFiles removes. */
const temporaryFiles = new Set<string>();
let removeOnExit = false;

function track(tmp: string): void {
  if (!removeOnExit) {
    // however the process ends (an uncaught error, process.exit), no temporary file stays
    process.on('exit', removeTemporaryFiles);
    removeOnExit = true;
  }
  temporaryFiles.add(tmp);
}

/**
 * Removes every temporary file of a write still under way, at once (synchronously): what a
 * signal handler does before the process ends. A write whose file is removed fails, and its
 * target stays as it was. The files stay listed until their writer is done with them: a stream
 * still opening its file creates it after this, and its discard() or the exit removes it then.
 */
export function removeTemporaryFiles(): void {
  for (const tmp of temporaryFiles) rmSync(tmp, { force: true, recursive: true });
}

/**
 * Lists a temporary file or directory that another module made (diff's rules from git), so that
 * a signal or the exit removes it as it removes the files of a write under way.
 */
export function trackTemporary(path: string): void {
  track(path);
}

/** The caller removed it: no longer listed. */
export function untrackTemporary(path: string): void {
  temporaryFiles.delete(path);
}

/** A name next to the target, hidden, that no other writer picks. */
function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** The permission bits of the file that will be replaced, if there is one. */
function existingMode(target: string): number | undefined {
  const st = statOrUndefined(target);
  return st ? st.mode & 0o777 : undefined;
}

export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const target = checkOutput(path, options.protect);
  const tmp = tempPathFor(target);
  let fd: number | undefined;
  track(tmp);
  try {
    fd = openSync(tmp, 'wx', options.mode ?? 0o666);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    const mode = existingMode(target);
    if (mode !== undefined) {
      try {
        fchmodSync(fd, mode);
      } catch {
        // a mode that cannot be set leaves the default one: not a reason to lose the output
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    rmSync(tmp, { force: true });
    throw new WriteError(path, e);
  } finally {
    temporaryFiles.delete(tmp);
  }
}

/** A file written as a stream, put in place only by commit(). */
export interface AtomicOutput {
  readonly stream: Writable;
  readonly tempPath: string;
  /** Flushes and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Removes the temporary file; safe to call more than once, and after commit. */
  discard(): Promise<void>;
}

export function openAtomicOutput(path: string, options: AtomicWriteOptions = {}): AtomicOutput {
  const target = checkOutput(path, options.protect);
  const tempPath = tempPathFor(target);
  track(tempPath);
  const stream = createWriteStream(tempPath, { flags: 'wx', mode: options.mode ?? 0o666 });
  let committed = false;
  return {
    stream,
    tempPath,
    async commit() {
      const fh = await open(tempPath, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      const mode = existingMode(target);
      // a mode that cannot be set leaves the default one: not a reason to lose the output
      if (mode !== undefined) await chmod(tempPath, mode).catch(() => {});
      await rename(tempPath, target);
      committed = true;
      temporaryFiles.delete(tempPath);
    },
    async discard() {
      if (committed) return;
      // writes still under way fail once it is destroyed: nothing to report, it is thrown away
      stream.on('error', () => {});
      stream.destroy();
      await rm(tempPath, { force: true });
      temporaryFiles.delete(tempPath);
    },
  };
}
