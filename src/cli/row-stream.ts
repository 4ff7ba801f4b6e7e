// The outside world of a command that streams the rows of a CSV file (batch, diff): the input
// file or stdin, --out written atomically, the progress line, signals, a closed pipe, and each
// failure said as the side that failed (input or output). The rows themselves are the command's
// `work`, run with the streams this module opens.
import { createReadStream, ReadStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Lang } from '../core/advice.ts';
import type { AtomicOutput } from '../io/atomic.ts';
import { BatchFileError, defaultJobs } from '../io/batch.ts';
import type { Delimiter } from '../io/csv.ts';
import { parseDelimiterOption } from '../io/csv.ts';
import type { CliContext } from './context.ts';
import { ExitError, UsageError } from './errors.ts';
import type { OutputFile } from './output.ts';
import { cannotWrite, openOutputFile, StdoutError } from './output.ts';
import { catchSignals } from './signals.ts';

const TEXTS = {
  nl: {
    cannotRead: (f: string, why: string) => `kan ${f} niet lezen: ${why}`,
    badDelimiter: (v: string) => `--delimiter kent , ; of tab; niet "${v}"`,
    badJobs: (v: string) =>
      `--jobs verwacht een geheel getal van 1 tot en met ${MAX_JOBS}; niet "${v}"`,
    noSuchFile: 'het bestand bestaat niet',
    isDirectory: 'het is een map, geen bestand',
    progress: (rows: number, rate: number, percent: number | undefined) =>
      `${rows.toLocaleString('nl-NL')} rijen${percent !== undefined ? ` (${percent}%)` : ''}, ${rate.toLocaleString('nl-NL')} rijen/s`,
    left: (time: string) => `, nog ${time}`,
  },
  en: {
    cannotRead: (f: string, why: string) => `cannot read ${f}: ${why}`,
    badDelimiter: (v: string) => `--delimiter takes , ; or tab; got "${v}"`,
    badJobs: (v: string) => `--jobs takes a whole number from 1 to ${MAX_JOBS}; got "${v}"`,
    noSuchFile: 'no such file',
    isDirectory: 'it is a directory, not a file',
    progress: (rows: number, rate: number, percent: number | undefined) =>
      `${rows.toLocaleString('en')} rows${percent !== undefined ? ` (${percent}%)` : ''}, ${rate.toLocaleString('en')} rows/s`,
    left: (time: string) => `, ${time} left`,
  },
} as const;

type Texts = (typeof TEXTS)[Lang];

/** `--jobs` at most. */
const MAX_JOBS = 64;

/** `--delimiter` and `--jobs` as the row commands take them. */
export function rowOptions(
  opts: { readonly delimiter?: string; readonly jobs?: string },
  lang: Lang,
): { delimiter: Delimiter | undefined; jobs: number } {
  const t = TEXTS[lang];
  let delimiter: Delimiter | undefined;
  if (opts.delimiter !== undefined) {
    delimiter = parseDelimiterOption(opts.delimiter);
    if (!delimiter) throw new UsageError(t.badDelimiter(opts.delimiter));
  }
  let jobs = defaultJobs();
  if (opts.jobs !== undefined) {
    const n = /^\s*\d+\s*$/.test(opts.jobs) ? Number(opts.jobs) : NaN;
    if (!(n >= 1 && n <= MAX_JOBS)) throw new UsageError(t.badJobs(opts.jobs));
    jobs = n;
  }
  return { delimiter, jobs };
}

/** The progress line is redrawn at most this often. */
const PROGRESS_INTERVAL_MS = 100;

function errnoReason(e: unknown, t: Texts): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return t.noSuchFile;
  if (code === 'EISDIR') return t.isDirectory;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error)?.message ?? String(e);
}

/**
 * A progress line on stderr, redrawn at most 10 times a second, cleared at the end. `done` is the
 * part of the input read so far (0 to 1), when it is known: a file.
 */
function progressLine(
  ctx: CliContext,
  t: Texts,
  done: (() => number) | undefined,
): { row: (n: number) => void; clear: () => void } {
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    row(n) {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      const elapsed = now - started;
      const rate = Math.round((n * 1000) / Math.max(1, elapsed));
      const part = done?.();
      const percent = part !== undefined ? Math.min(99, Math.floor(part * 100)) : undefined;
      const left = part !== undefined ? timeLeft(elapsed, part) : undefined;
      ctx.stderr.write(`\r\x1b[K${t.progress(n, rate, percent)}${left ? t.left(left) : ''}`);
      shown = true;
    },
    clear() {
      if (shown) ctx.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/**
 * The time still to go, from how long the part `part` of the input took: "40 s", "3 min"; none
 * in the first two seconds or before 2 % (too early to say anything useful).
 */
export function timeLeft(elapsedMs: number, part: number): string | undefined {
  if (elapsedMs < 2000 || part < 0.02 || part >= 1) return undefined;
  const seconds = (elapsedMs * (1 - part)) / part / 1000;
  if (seconds < 59.5) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The CSV input of a command: a file, or stdin for "-"; checked before any work. */
export interface RowInput {
  /** Absolute; undefined for stdin. */
  readonly path: string | undefined;
  /** As messages show it. */
  readonly label: string;
  /** The size of a regular file. */
  readonly bytes: number | undefined;
}

export function rowInput(ctx: CliContext, file: string, lang: Lang): RowInput {
  const t = TEXTS[lang];
  if (file === '-') return { path: undefined, label: 'stdin', bytes: undefined };
  const path = resolve(ctx.cwd, file);
  let bytes: number | undefined;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    if (st.isFile()) bytes = st.size;
  } catch (e) {
    throw new UsageError(t.cannotRead(file, errnoReason(e, t)));
  }
  return { path, label: file, bytes };
}

/** What a command's rows are given: the streams, and how to report. */
export interface RowStreams {
  readonly input: Readable;
  readonly output: Writable;
  /** End the output when done (a file: yes; stdout: no). */
  readonly endOutput: boolean;
  /** The output keeps no chunk past its write callback (see RowPipelineOptions.reuseWritten). */
  readonly reuseWritten: boolean;
  readonly signal: AbortSignal;
  readonly onWarning: (message: string) => void;
  readonly onRow?: (rows: number) => void;
}

/**
 * Runs `work` on the input and the output (--out atomically: renamed only when all went well;
 * removed on any failure or signal). A signal ends it with 128 + n, a CSV that cannot be read
 * with exit 2 and `file:LINE:`, an output that cannot be written as such.
 */
export async function streamRows<T>(
  ctx: CliContext,
  lang: Lang,
  from: RowInput,
  out: OutputFile | undefined,
  progress: boolean,
  work: (s: RowStreams) => Promise<T>,
): Promise<T> {
  const t = TEXTS[lang];
  const { path: inputPath, label } = from;
  // From here on a temporary file may exist: a signal must go through the cleanup below.
  const signals = catchSignals();
  const abort = signals.signal;
  const input: Readable = inputPath ? createReadStream(inputPath) : (ctx.stdin as Readable);
  // which side failed: a failing output destroys the input too, with the same error
  let inputError: unknown;
  let outputError: unknown;
  input.on('error', (e) => (inputError ??= e));
  // an input that sends nothing (stdin left open) must not keep Ctrl+C waiting
  abort.addEventListener('abort', () => input.destroy(), { once: true });
  // how far into a file: the bytes read (a little ahead of the rows done) against its size
  const size = from.bytes;
  const read = input instanceof ReadStream && size ? () => input.bytesRead / size : undefined;
  const line = ctx.stderr.isTTY && progress ? progressLine(ctx, t, read) : undefined;
  let atomic: AtomicOutput | undefined;
  try {
    if (out) {
      atomic = openOutputFile(out);
      atomic.stream.on('error', (e) => (outputError ??= e));
      await once(atomic.stream, 'open');
    } else {
      ctx.stdout.on('error', (e) => (outputError ??= e));
    }
    signals.throwIfSignalled();
    const result = await work({
      input,
      output: atomic ? atomic.stream : ctx.stdout,
      endOutput: atomic !== undefined,
      // a file stream, or the process's own stdout (a file, pipe or terminal), not a test's capture
      reuseWritten: atomic !== undefined || ctx.stdout === process.stdout,
      signal: abort,
      onWarning: (m) => {
        line?.clear();
        ctx.stderr.write(`innoroute: ${label}: ${m}\n`);
      },
      ...(line ? { onRow: line.row } : {}),
    });
    signals.throwIfSignalled();
    await atomic?.commit();
    // a signal while the output was put in place: it is complete, but the run still ends as
    // signalled (128 + n), as it would have a moment earlier
    signals.throwIfSignalled();
    line?.clear();
    return result;
  } catch (e) {
    line?.clear();
    await atomic?.discard();
    if (inputPath) input.destroy();
    signals.throwIfSignalled();
    if (e instanceof BatchFileError) {
      throw new UsageError(
        `${label}${e.line !== undefined ? `:${e.line}` : ''}: ${e.what}; ${e.todo}`,
      );
    }
    if (e instanceof ExitError) throw e;
    // the output first: when it fails, the pipeline hands its error to the input as well
    if (outputError !== undefined) {
      // `| head`, or a full disk under stdout: main.ts says it (or, for `| head`, nothing)
      if (!atomic) throw new StdoutError(outputError, lang);
      throw new UsageError(cannotWrite(outputError, out!.shown, lang));
    }
    if (inputError !== undefined) throw new UsageError(t.cannotRead(label, errnoReason(e, t)));
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code && /^E[A-Z]+$/.test(code)) {
      throw atomic ? new UsageError(cannotWrite(e, out!.shown, lang)) : new StdoutError(e, lang);
    }
    throw e;
  } finally {
    signals.close();
  }
}
