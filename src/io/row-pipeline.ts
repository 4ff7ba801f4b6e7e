// The row pipeline that `batch` and `diff` share: bytes → csv-parse → slices of rows → a job per
// slice (on this thread or in worker threads) → the job's output, in input order. A
// stream.pipeline from the file to RowSink, which writes the output and waits for it to drain:
// backpressure runs from the output back to the file and memory stays flat however long the file
// is. What a slice's job is (assess it for `batch`, compare two rule sets for `diff`) and what is
// written for it is the RowJob's business; this module only reads, distributes and orders.
//
// Parsing the CSV, the line numbers and the header stay here, in file order; the slices go back
// out in input order, so the output is byte for byte the same whatever the number of threads.
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { Lang } from '../core/advice.ts';
import { BatchFileError } from './batch-header.ts';
import type { WorkerSetup } from './batch-worker.ts';
import type { CsvRecord, Delimiter, Head } from './csv.ts';
import { CsvRecordParser, describeCsvError, detectDelimiter, peekHead } from './csv.ts';
import { Utf8OrWindows1252 } from './legacy-text.ts';
import { RowWorker, workerScript } from './row-workers.ts';
import { describeUnreadable, Utf16Decoder } from './sniff.ts';

/** Assesses one slice of rows: the same on this thread and in a worker. */
export interface SliceAssessor<D> {
  assess(records: readonly (readonly string[])[], lines: readonly number[]): D;
  /** A buffer of its output back, written: to fill again (see RowJob.take). */
  reuse?(buffer: ArrayBuffer): void;
}

/** What the file looks like, once its head is read. */
export interface FileShape {
  readonly delimiter: Delimiter;
  readonly bom: boolean;
  readonly crlf: boolean;
}

/** The job of a run: what each slice is, and what is written. */
export interface RowJob<D> {
  /**
   * The header row (on `line`): the assessor of this thread, the setup a worker builds its own
   * from, and the text written first.
   */
  start(
    header: string[],
    line: number,
  ): { assessor: SliceAssessor<D>; setup: WorkerSetup; head: string };
  /**
   * A slice's result, in input order: what to write. A Uint8Array is the assessor's output in an
   * ArrayBuffer of its own: once written (and with reuseWritten), the buffer goes back to the
   * thread that assessed the slice (SliceAssessor.reuse), so that output memory is reused
   * rather than left to the garbage collector.
   */
  take(done: D): readonly (string | Uint8Array)[];
  /** The closing text, after the last slice. */
  end(): string;
  /** Rows per slice (default SLICE_ROWS). */
  readonly sliceRows?: number;
}

export interface RowPipelineOptions {
  readonly lang: Lang;
  /** Overrides detection. */
  readonly delimiter?: Delimiter;
  /** The raw bytes of the CSV file. */
  readonly input: Readable;
  readonly output: Writable;
  /** End the output when done (a file: yes; stdout: no). */
  readonly endOutput: boolean;
  /**
   * The output is done with a chunk once the chunk's write callback has run (a file, a pipe, a
   * terminal: yes; a stream that keeps what it is given, such as a PassThrough: no), so that the
   * assessors may fill its buffer again (RowJob.take).
   */
  readonly reuseWritten?: boolean;
  /** Diagnostics that do not stop the run (unknown columns, a non-UTF-8 file). */
  readonly onWarning: (message: string) => void;
  /** Called as rows are done, with the number done so far. */
  readonly onRow?: (rows: number) => void;
  readonly signal?: AbortSignal;
  /**
   * Threads that assess rows, this one included (default 1: this one only). More than one needs
   * the built worker module (dist); from the TypeScript sources rows stay on this thread.
   */
  readonly jobs?: number;
  /**
   * `jobs` is innoroute's choice (defaultJobs), not the user's: a file smaller than
   * AUTO_MIN_BYTES stays on this thread; a larger one starts its workers after the header; input
   * of unknown size starts them past AUTO_AFTER rows. Workers get slices only once they are
   * ready, so that no file waits for a thread to start. Without autoJobs the workers start with
   * the first slice and slices queue up for them while they start.
   */
  readonly autoJobs?: boolean;
  /** The size of the input in bytes, when known (a file). */
  readonly inputBytes?: number;
}

/** Threads by default: one per CPU, at most this many (beyond it, reading the CSV is the limit). */
const AUTO_JOBS = 4;

/** The number of threads `batch` and `diff` use without --jobs. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(AUTO_JOBS, availableParallelism()));
}

/** With autoJobs: a file this large (about 3,000 rows) is worth a thread, which takes ~0.1 s. */
const AUTO_MIN_BYTES = 1 << 20;
/** With autoJobs and input of unknown size (stdin): rows assessed before threads are started. */
const AUTO_AFTER = 3 * 1024;

/** Rows per slice (unless the job says otherwise): one unit of work for a thread, one write. */
export const SLICE_ROWS = 256;
/**
 * Slices sent to a worker before it has answered (the next one is there when it finishes), and
 * how far ahead of the slices still out the main thread may run with its own.
 */
const WORKER_QUEUE = 3;

const TEXTS = {
  nl: {
    windows1252:
      'het bestand is geen UTF-8; gelezen als Windows-1252, zoals Excel "CSV (gescheiden door lijstscheidingsteken)" opslaat. Kijk tekens als é na, of sla het op als "CSV UTF-8"',
    empty: 'het bestand is leeg: er is geen kopregel',
    emptyTodo:
      "de eerste rij noemt de kolommen: id en vraag-id's zoals innovation_type, goal, phase",
  },
  en: {
    windows1252:
      'the file is not UTF-8; read as Windows-1252, as Excel saves "CSV (comma delimited)". Check characters such as é, or save it as "CSV UTF-8"',
    empty: 'the file is empty: there is no header row',
    emptyTodo:
      'the first row names the columns: id and question ids such as innovation_type, goal, phase',
  },
} as const;

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * The end of the pipeline: parsed records in; the output written to opts.output. Collects the
 * rows into slices, has each assessed (by a worker with room in its queue, or here), and writes
 * the results in input order. It takes no more records while WORKER_QUEUE slices per thread wait
 * to be written, or while the output is full (until it drains): backpressure, bounded memory.
 */
class RowSink<D> extends Writable {
  private started = false;
  private local: SliceAssessor<D> | undefined;
  private setup: WorkerSetup | undefined;
  private records: string[][] = [];
  private recordLines: number[] = [];
  /** Slices numbered in input order: the next to make, and the next to write. */
  private nextSeq = 0;
  private nextOut = 0;
  /** Slices assessed and not written yet, and the worker of each (none: this thread). */
  private readonly finished = new Map<number, { done: D; from: RowWorker | undefined }>();
  private readonly workers: RowWorker[] = [];
  private readonly maxWorkers: number;
  private readonly script: URL | undefined;
  private readonly sliceRows: number;
  private dispatched = 0;
  /** The output took everything written so far (no 'drain' to wait for). */
  private outputReady = true;
  /** The callback of a record held back (backpressure), and of _final until all is written. */
  private held: ((error?: Error | null) => void) | undefined;
  private ending: ((error?: Error | null) => void) | undefined;
  private readonly output: Writable;
  private readonly onOutputError = (e: Error) => this.destroy(e);
  private readonly onDrain = () => {
    this.outputReady = true;
    this.release();
  };
  /** Rows written so far. */
  rows = 0;

  constructor(
    private readonly job: RowJob<D> & { count(done: D): number },
    private readonly opts: RowPipelineOptions,
  ) {
    super({ objectMode: true });
    this.output = opts.output;
    this.output.on('error', this.onOutputError);
    this.script = (opts.jobs ?? 1) > 1 ? workerScript() : undefined;
    this.maxWorkers = this.script ? Math.max(0, (opts.jobs ?? 1) - 1) : 0;
    this.sliceRows = job.sliceRows ?? SLICE_ROWS;
  }

  override _write(
    { cells: record, line }: CsvRecord,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    try {
      if (isBlank(record)) {
        done();
        return;
      }
      if (!this.started) {
        this.start(record, line);
      } else {
        this.records.push(record);
        this.recordLines.push(line);
        if (this.records.length >= this.sliceRows) this.dispatch();
      }
    } catch (e) {
      done(e as Error);
      return;
    }
    if (this.roomForMore()) done();
    else this.held = done;
  }

  override _final(done: (error?: Error | null) => void): void {
    if (!this.started) {
      const t = TEXTS[this.opts.lang];
      done(new BatchFileError(undefined, t.empty, t.emptyTodo));
      return;
    }
    try {
      if (this.records.length > 0) this.dispatch();
    } catch (e) {
      done(e as Error);
      return;
    }
    this.ending = done;
    this.endIfDone();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    // the output's error listener stays: a write still under way may fail once the caller has
    // thrown the output away (a temporary file removed), and that must not crash the process
    this.output.off('drain', this.onDrain);
    void this.stopWorkers().then(() => done(error));
  }

  private async stopWorkers(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.allSettled(workers.map((w) => w.stop()));
  }

  /** The header: the job's plan, and the first output. */
  private start(header: string[], line: number): void {
    const { assessor, setup, head } = this.job.start(header, line);
    this.started = true;
    this.local = assessor;
    this.setup = setup;
    // a large file: the workers start now, while this thread takes the first rows
    if (this.opts.autoJobs && this.parallel()) {
      while (this.workers.length < this.maxWorkers) this.spawn();
    }
    if (head.length > 0) this.send(head);
  }

  /**
   * Writes to the output; when it is full, waits for it to drain before taking more records.
   * `written`: called once the output has taken the text for good.
   */
  private send(text: string | Uint8Array, written?: () => void): void {
    const ok = written
      ? this.output.write(text, (e) => {
          if (!e) written();
        })
      : this.output.write(text);
    if (ok || !this.outputReady) return;
    this.outputReady = false;
    this.output.once('drain', this.onDrain);
  }

  private roomForMore(): boolean {
    const ahead = this.maxWorkers > 0 ? (this.maxWorkers + 1) * WORKER_QUEUE : 0;
    return this.outputReady && this.nextSeq - this.nextOut <= ahead;
  }

  /** Lets a held record go on when there is room again. */
  private release(): void {
    if (this.held && this.roomForMore()) {
      const done = this.held;
      this.held = undefined;
      done();
    }
  }

  /** Sends the collected rows off as a slice: to a worker with room, or assessed here. */
  private dispatch(): void {
    const seq = this.nextSeq++;
    const records = this.records;
    const lines = this.recordLines;
    this.records = [];
    this.recordLines = [];
    this.dispatched += records.length;
    const worker = this.parallel() ? this.workerWithRoom() : undefined;
    if (worker) {
      worker.send({ seq, records, lines });
      return;
    }
    this.finished.set(seq, { done: this.local!.assess(records, lines), from: undefined });
    this.writeFinished();
  }

  /** Whether slices may go to workers yet (see RowPipelineOptions.autoJobs). */
  private parallel(): boolean {
    if (!this.opts.autoJobs) return true;
    const size = this.opts.inputBytes;
    return size !== undefined ? size >= AUTO_MIN_BYTES : this.dispatched > AUTO_AFTER;
  }

  /**
   * The worker with the fewest slices queued, if it has room; one more is started while there
   * may be. With autoJobs only workers that are ready count: a new one does not take a slice yet.
   */
  private workerWithRoom(): RowWorker | undefined {
    let best: RowWorker | undefined;
    for (const w of this.workers) {
      if ((w.ready || !this.opts.autoJobs) && (!best || w.queued < best.queued)) best = w;
    }
    if (best && best.queued === 0) return best;
    if (this.workers.length < this.maxWorkers) {
      const started = this.spawn();
      if (!this.opts.autoJobs) return started;
    }
    return best && best.queued < WORKER_QUEUE ? best : undefined;
  }

  private spawn(): RowWorker {
    const worker = new RowWorker(this.script!, this.setup!, {
      done: (seq, done, from) => {
        this.finished.set(seq, { done: done as D, from });
        this.writeFinished();
      },
      failed: (e) => this.destroy(e),
    });
    this.workers.push(worker);
    return worker;
  }

  /** Writes the finished slices that are next in input order. */
  private writeFinished(): void {
    if (this.destroyed) return;
    for (let next = this.finished.get(this.nextOut); next; next = this.finished.get(this.nextOut)) {
      this.finished.delete(this.nextOut++);
      const { done, from } = next;
      this.rows += this.job.count(done);
      for (const out of this.job.take(done)) {
        if (out.length === 0) continue;
        if (typeof out === 'string' || !this.opts.reuseWritten) this.send(out);
        else this.send(out, () => this.giveBack(out.buffer as ArrayBuffer, from));
      }
      this.opts.onRow?.(this.rows);
    }
    this.release();
    this.endIfDone();
  }

  /** A written output buffer back to the thread that filled it. */
  private giveBack(buffer: ArrayBuffer, from: RowWorker | undefined): void {
    if (this.destroyed) return;
    if (from) from.giveBack(buffer);
    else this.local!.reuse?.(buffer);
  }

  /** After _final: once every slice is written, the closing text, the end of the output. */
  private endIfDone(): void {
    if (!this.ending || this.nextOut < this.nextSeq) return;
    const done = this.ending;
    this.ending = undefined;
    const tail = this.job.end();
    if (tail.length > 0) this.send(tail);
    void this.stopWorkers().then(async () => {
      const output = this.output;
      try {
        if (this.opts.endOutput) {
          output.end();
          await finished(output);
        } else if (!this.outputReady) {
          await once(output, 'drain');
        }
        output.off('error', this.onOutputError);
        done();
      } catch (e) {
        done(e as Error);
      }
    });
  }
}

/**
 * The head of the input, once it is known to be text: a spreadsheet or another binary file stops
 * here, before anything is written; UTF-16 (Excel's "Unicode text") is decoded to UTF-8 and read
 * like any other file, its output written as UTF-8 with a BOM.
 */
async function readableHead(
  input: Readable,
  lang: Lang,
  onLegacy: () => void,
): Promise<{ head: Head; stream: Readable }> {
  const peeked = await peekHead(input);
  const { kind } = peeked.head;
  const unreadable = describeUnreadable(kind, 'csv', lang);
  if (unreadable) throw new BatchFileError(undefined, unreadable.what, unreadable.todo);
  if (kind.kind !== 'utf16') {
    // UTF-8, or from its first other byte on Windows-1252 (legacy-text.ts)
    const text = new Utf8OrWindows1252(onLegacy);
    peeked.stream.once('error', (e) => text.destroy(e));
    return { head: peeked.head, stream: peeked.stream.pipe(text) };
  }
  const decoder = new Utf16Decoder(kind.encoding);
  peeked.stream.once('error', (e) => decoder.destroy(e));
  const decoded = await peekHead(peeked.stream.pipe(decoder));
  const again = describeUnreadable(decoded.head.kind, 'csv', lang);
  if (again) throw new BatchFileError(undefined, again.what, again.todo);
  return { head: { ...decoded.head, bom: true, notUtf8: false }, stream: decoded.stream };
}

/**
 * Runs the pipeline; resolves with the file's shape when the output has everything, rejects with
 * BatchFileError. `makeJob` gets the shape once the head is read, before the first row.
 */
export async function runRows<D>(
  opts: RowPipelineOptions,
  makeJob: (shape: FileShape) => RowJob<D> & { count(done: D): number },
): Promise<FileShape> {
  const { lang } = opts;
  const legacy = () => opts.onWarning(TEXTS[lang].windows1252);
  const { head, stream } = await readableHead(opts.input, lang, legacy);
  const delimiter = opts.delimiter ?? detectDelimiter(head.headerLine);
  // the output is UTF-8: with a BOM when the input was not, so that Excel reads it as UTF-8 too
  const shape: FileShape = { delimiter, bom: head.bom || head.notUtf8, crlf: head.crlf };
  const parser = new CsvRecordParser(delimiter);
  const rows = new RowSink(makeJob(shape), opts);
  try {
    await pipeline(stream, parser, rows, opts.signal ? { signal: opts.signal } : {});
  } catch (e) {
    // a parse error reaches pipeline from the parser; it means the record after the last one
    const err = e as { code?: string };
    if (typeof err?.code === 'string' && err.code.startsWith('CSV_')) {
      const { what, todo } = describeCsvError(err.code, delimiter, parser.failedInQuotes(), lang);
      throw new BatchFileError(parser.failedLine(), what, todo);
    }
    throw e;
  }
  return shape;
}
