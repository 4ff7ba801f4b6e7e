// Writing a result file so that a reader never sees half of it and a failed write leaves the old
// file as it was: write a temporary file in the same directory (same file system), flush it, then
// rename it over the target, keeping the mode of a file it replaces. Paths the caller protects
// (the input a report was made from) are refused before anything is written. The one way every
// command writes --out: a whole text at once (writeFileAtomic) or a stream (openAtomicOutput).
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  fchmodSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';

export class ProtectedPathError extends Error {
  constructor(
    readonly path: string,
    readonly protectedPath: string,
  ) {
    super(`refusing to overwrite ${path}: it is the input file`);
    this.name = 'ProtectedPathError';
  }
}

export class WriteError extends Error {
  /** Why, in words: "the directory does not exist", "permission denied", … */
  readonly reason: string;
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    const reason = describe(cause);
    super(`cannot write ${path}: ${reason}`);
    this.reason = reason;
    this.name = 'WriteError';
  }
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the directory does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

export interface AtomicWriteOptions {
  /** Paths that must not be overwritten (compared after resolving, and after following links). */
  readonly protect?: readonly string[];
  /** File mode for a new file. */
  readonly mode?: number;
}

function real(p: string): string {
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
  return ra === rb || real(ra) === real(rb);
}

export function assertWritable(path: string, protect: readonly string[] = []): void {
  for (const p of protect) {
    if (samePath(path, p)) throw new ProtectedPathError(path, p);
  }
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
  try {
    return statSync(target).mode & 0o777;
  } catch {
    return undefined;
  }
}

export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const target = resolve(path);
  assertWritable(target, options.protect);
  const tmp = tempPathFor(target);
  let fd: number | undefined;
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
  const target = resolve(path);
  assertWritable(target, options.protect);
  const tempPath = tempPathFor(target);
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
    },
    async discard() {
      if (committed) return;
      // writes still under way fail once it is destroyed: nothing to report, it is thrown away
      stream.on('error', () => {});
      stream.destroy();
      await rm(tempPath, { force: true });
    },
  };
}
