// Where a command's results go: --out (or a file the wizard saves) and stdout, handled the same
// way by every command. Before the work starts the output is checked (src/io/atomic.ts
// checkOutput): not an input of the command, nothing inside the rule directory in use or the
// shipped rules, an existing regular file or a new one in a directory that exists, and no
// symbolic link out of its directory. It is written atomically with the signals caught
// (src/cli/signals.ts), so that no signal leaves a temporary file. A failure says what failed and
// where, in the user's language: "cannot write out.csv: the directory some/dir does not exist".
// A stdout that cannot be written ends the run through StdoutError (main.ts): quietly with 141
// (128 + SIGPIPE) when the reader has gone (`| head`), with exit 2 and the reason otherwise.
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Lang } from '../core/advice.ts';
import type { AtomicOutput, NodeKind } from '../io/atomic.ts';
import {
  checkOutput,
  errnoCode,
  openAtomicOutput,
  OutputRefusedError,
  writeFileAtomic,
  WriteError,
} from '../io/atomic.ts';
import type { CliContext } from './context.ts';
import { ExitError, UsageError } from './errors.ts';
import { shippedRulesDir } from './options.ts';
import { withSignalsCaught } from './signals.ts';

const TEXTS = {
  nl: {
    cannotWrite: (f: string, why: string) => `kan ${f} niet schrijven: ${why}`,
    refused: (f: string, why: string, todo: string) =>
      `${f} wordt niet geschreven: ${why}; ${todo}`,
    isInput: (input: string) => `het is ${input}, waar deze opdracht van leest`,
    anotherFile: 'kies een ander bestand',
    inRules: (dir: string) => `het ligt in de regelmap ${dir}, waar alleen regels horen`,
    outsideRules: 'kies een plek buiten die map',
    inDir: (dir: string) => `het ligt in ${dir}, waar deze opdracht van leest`,
    anotherPlace: 'kies een andere plek',
    node: {
      directory: 'een map',
      fifo: 'een FIFO (named pipe)',
      socket: 'een socket',
      device: 'een apparaatbestand',
      other: 'een speciaal bestand',
    } satisfies Record<NodeKind, string>,
    notAFile: (what: string) => `het is ${what}, geen gewoon bestand`,
    orStdout: 'laat --out weg om naar stdout te schrijven',
    isDirectory: 'het is een map',
    fileInIt: 'geef een bestandsnaam in die map',
    linkOutside: (target: string) =>
      `het is een symbolische link naar ${target}, buiten de eigen map`,
    toTarget: (target: string) => `schrijf naar ${target} zelf of verwijder de link`,
    linkBroken: 'het is een symbolische link naar een bestand dat niet bestaat',
    removeLink: 'verwijder de link of kies een andere naam',
    here: 'de huidige map',
    reasons: {
      ENOENT: (d: string) => `de map ${d} bestaat niet`,
      EACCES: (d: string) => `geen toestemming om in ${d} bestanden te maken`,
      ENOTDIR: (d: string) => `een deel van ${d} is geen map`,
      EISDIR: () => 'het is een map',
      EROFS: () => 'het bestandssysteem is alleen-lezen',
      ENOSPC: () => 'de schijf is vol',
      EDQUOT: () => 'het schijfquotum is op',
      EFBIG: () => 'het bestand wordt groter dan het bestandssysteem toestaat',
      EIO: () => 'een lees- of schrijffout van de schijf',
    },
  },
  en: {
    cannotWrite: (f: string, why: string) => `cannot write ${f}: ${why}`,
    refused: (f: string, why: string, todo: string) => `refusing to write ${f}: ${why}; ${todo}`,
    isInput: (input: string) => `it is ${input}, which this command reads`,
    anotherFile: 'choose another file',
    inRules: (dir: string) => `it is inside the rule directory ${dir}, which holds only rules`,
    outsideRules: 'choose a place outside it',
    inDir: (dir: string) => `it is inside ${dir}, which this command reads`,
    anotherPlace: 'choose another place',
    node: {
      directory: 'a directory',
      fifo: 'a FIFO (named pipe)',
      socket: 'a socket',
      device: 'a device',
      other: 'a special file',
    } satisfies Record<NodeKind, string>,
    notAFile: (what: string) => `it is ${what}, not a regular file`,
    orStdout: 'leave out --out to write to stdout',
    isDirectory: 'it is a directory',
    fileInIt: 'give a file name in it',
    linkOutside: (target: string) =>
      `it is a symbolic link to ${target}, outside its own directory`,
    toTarget: (target: string) => `write to ${target} itself or remove the link`,
    linkBroken: 'it is a symbolic link to a file that does not exist',
    removeLink: 'remove the link or choose another name',
    here: 'the current directory',
    reasons: {
      ENOENT: (d: string) => `the directory ${d} does not exist`,
      EACCES: (d: string) => `permission denied: no files can be made in ${d}`,
      ENOTDIR: (d: string) => `a part of ${d} is not a directory`,
      EISDIR: () => 'it is a directory',
      EROFS: () => 'the file system is read-only',
      ENOSPC: () => 'the disk is full',
      EDQUOT: () => 'the disk quota is used up',
      EFBIG: () => 'the file would be larger than the file system allows',
      EIO: () => 'an input/output error on the disk',
    },
  },
} as const;

/** An output file and what the command reads, which it must never replace. */
export interface OutputFile {
  /** The path as the user gave it: what messages show. */
  readonly shown: string;
  /** The path resolved against the working directory. */
  readonly path: string;
  readonly lang: Lang;
  /** Files the command reads (the CSV, the answers file, the session). */
  readonly inputs?: readonly (string | undefined)[];
  /** The rule directory in use; the shipped rules are protected always. */
  readonly rulesDir?: string;
  /** Other directories the command reads (validate --seeds). */
  readonly dirs?: readonly (string | undefined)[];
  /** What to say when the output is one of the inputs (default: "it is <input>, which …"). */
  readonly isInput?: (shown: string) => string;
  /** It is --out: leaving it out writes to stdout (said when a device or FIFO is refused). */
  readonly isOutOption?: boolean;
}

export function outputFile(
  ctx: CliContext,
  shown: string,
  lang: Lang,
  reads: Omit<OutputFile, 'shown' | 'path' | 'lang'> = {},
): OutputFile {
  return { isOutOption: true, ...reads, shown, path: resolve(ctx.cwd, shown), lang };
}

/** What an output must never replace: the inputs, the directories read, the rules (in use and shipped). */
export function protectedPaths(o: OutputFile): string[] {
  const paths = [...(o.inputs ?? []), ...(o.dirs ?? []), o.rulesDir, shippedRulesDir()];
  return paths.filter((p): p is string => p !== undefined);
}

/**
 * Checks the output before any work is done (and before anything is written), so that a run of
 * minutes does not end in "cannot write". Throws a UsageError that says which file and why.
 */
export function checkOutputFile(o: OutputFile): void {
  try {
    checkOutput(o.path, protectedPaths(o));
  } catch (e) {
    throw outputFailure(o, e);
  }
}

/** Writes the whole text atomically, with the signals caught while its temporary file exists. */
export function writeOutputFile(o: OutputFile, text: string): void {
  try {
    withSignalsCaught(() => writeFileAtomic(o.path, text, { protect: protectedPaths(o) }));
  } catch (e) {
    throw outputFailure(o, e);
  }
}

/** Opens the output as a stream (batch); the caller catches the signals while it is open. */
export function openOutputFile(o: OutputFile): AtomicOutput {
  try {
    return openAtomicOutput(o.path, { protect: protectedPaths(o) });
  } catch (e) {
    throw outputFailure(o, e);
  }
}

function placeOf(shown: string, lang: Lang): string {
  const dir = dirname(shown);
  return dir === '.' ? TEXTS[lang].here : dir;
}

/** Why a write failed, in words, for a file the user named `shown`. */
export function writeReason(e: unknown, shown: string, lang: Lang): string {
  const t = TEXTS[lang];
  const cause = e instanceof WriteError ? e.cause : e;
  const code = errnoCode(cause);
  const place = placeOf(shown, lang);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EROFS':
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
    case 'EIO':
      return t.reasons[code](place);
    case 'EACCES':
    case 'EPERM':
      return t.reasons.EACCES(place);
    default:
      return e instanceof WriteError ? e.reason : ((e as Error)?.message ?? String(e));
  }
}

/** "cannot write x: why", in the user's language. */
export function cannotWrite(e: unknown, shown: string, lang: Lang): string {
  return TEXTS[lang].cannotWrite(shown, writeReason(e, shown, lang));
}

/**
 * Why an output is refused or cannot be written, in words ("the disk is full"), and for a refusal
 * (nothing was tried) what to do instead; undefined for any other error.
 */
export function outputProblem(
  o: OutputFile,
  e: unknown,
): { readonly why: string; readonly todo?: string } | undefined {
  const t = TEXTS[o.lang];
  if (e instanceof OutputRefusedError) {
    const r = e.refusal;
    switch (r.kind) {
      case 'protected': {
        if (!r.inside) return { why: t.isInput(r.protectedPath), todo: t.anotherFile };
        return r.protectedPath === o.rulesDir || r.protectedPath === shippedRulesDir()
          ? { why: t.inRules(r.protectedPath), todo: t.outsideRules }
          : { why: t.inDir(r.protectedPath), todo: t.anotherPlace };
      }
      case 'not-a-file':
        return r.node === 'directory'
          ? { why: t.isDirectory, todo: t.fileInIt }
          : { why: t.notAFile(t.node[r.node]), todo: o.isOutOption ? t.orStdout : t.anotherFile };
      case 'link-outside':
        return { why: t.linkOutside(r.target), todo: t.toTarget(r.target) };
      case 'link-broken':
        return { why: t.linkBroken, todo: t.removeLink };
    }
  }
  if (e instanceof WriteError) return { why: writeReason(e, o.shown, o.lang) };
  return undefined;
}

/**
 * An output that is refused or cannot be written as a UsageError (exit 2) that says which file
 * and why; any other error is returned as it is.
 */
export function outputFailure(o: OutputFile, e: unknown): unknown {
  const problem = outputProblem(o, e);
  if (!problem) return e;
  const t = TEXTS[o.lang];
  if (o.isInput && e instanceof OutputRefusedError) {
    const r = e.refusal;
    if (r.kind === 'protected' && !r.inside) return new UsageError(o.isInput(o.shown));
  }
  return new UsageError(
    problem.todo !== undefined
      ? t.refused(o.shown, problem.why, problem.todo)
      : t.cannotWrite(o.shown, problem.why),
  );
}

/** True for the errors of a write to a reader that has gone (`| head`). */
export function isBrokenPipe(e: unknown): boolean {
  const code = errnoCode(e);
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** 128 + SIGPIPE: how a program ends whose reader has gone. */
export const BROKEN_PIPE_EXIT = 141;

/**
 * stdout could not be written. main.ts ends the run with it: a reader that has gone ends it
 * quietly with 141; anything else (a full disk) is said, with exit 2.
 */
export class StdoutError extends ExitError {
  constructor(
    override readonly cause: unknown,
    lang: Lang = 'en',
  ) {
    super(
      isBrokenPipe(cause) ? '' : cannotWrite(cause, 'stdout', lang),
      isBrokenPipe(cause) ? BROKEN_PIPE_EXIT : 2,
    );
    this.name = 'StdoutError';
  }
}

/**
 * Watches stdout for the whole run: a write that fails (a closed pipe, a full disk) is kept
 * rather than thrown from the stream (which would end the process with a stack trace), and
 * settle() waits until everything written has reached the file or pipe, then returns the
 * failure, if there was one.
 */
export function watchStdout(stdout: Writable): { settle(): Promise<unknown> } {
  let failure: unknown;
  const watchable = typeof stdout.on === 'function';
  if (watchable) stdout.on('error', (e) => (failure ??= e));
  return {
    async settle() {
      if (!watchable) return failure;
      if (!stdout.destroyed && !stdout.writableEnded) {
        // called back once everything before it is written, or failed (and with the error,
        // before the stream emits it)
        await new Promise<void>((done) =>
          stdout.write('', (e) => {
            if (e) failure ??= stdout.errored ?? e;
            done();
          }),
        );
      }
      failure ??= stdout.errored ?? undefined;
      return failure;
    },
  };
}
