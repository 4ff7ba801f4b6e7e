// The worker threads of the row pipeline (row-pipeline.ts), as the main thread sees them: where
// their module is, how large their heaps may grow, and each one's slices out and messages in.
// What a worker does with a slice is batch-worker.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { WorkerInbound, WorkerMessage, WorkerSetup, WorkerSlice } from './batch-worker.ts';

/**
 * The young generation of a worker's heap, in MB. Its garbage is short-lived (a slice's rows), so
 * a larger nursery only adds memory, twice: V8 also lets the old generation grow by the young
 * one's size before it collects it (24 MB: 5–7 MB more at 100,000 rows and 10 MB at 1,000,000,
 * for no measurable gain in CPU time).
 */
const WORKER_YOUNG_MB = 12;

/**
 * The old generation of a worker's heap, in MB: at least this, or WORKER_OLD_TIMES this thread's
 * heap (a worker holds a copy of what this thread holds — the rules — and a slice). Far above what
 * it needs, but under V8's default: below 2 GB V8 lets the old generation grow to 1.3 to 2 times
 * what survives a full collection instead of 4 times, so a worker's memory stays near what it
 * holds rather than creeping up over a long run.
 */
const WORKER_OLD_MB = 256;
const WORKER_OLD_TIMES = 4;

/** The built worker module next to this one; undefined when running from the sources. */
export function workerScript(): URL | undefined {
  const url = new URL('./batch-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** What a RowWorker tells the pipeline. */
export interface RowWorkerEvents {
  /** A slice's result (in the order the worker finished them: one at a time, as sent). */
  done(seq: number, done: unknown, from: RowWorker): void;
  /** It failed or stopped: the run cannot go on. */
  failed(error: Error): void;
}

/** A worker thread with its own copy of the rules, assessing the slices it is sent. */
export class RowWorker {
  private readonly worker: Worker;
  private stopped = false;
  /** It has the rule set and the engine ready (it said so). */
  ready = false;
  /** Slices sent and not answered yet. */
  queued = 0;

  constructor(script: URL, setup: WorkerSetup, events: RowWorkerEvents) {
    const heapMb = getHeapStatistics().used_heap_size / (1 << 20);
    this.worker = new Worker(script, {
      workerData: setup,
      resourceLimits: {
        maxYoungGenerationSizeMb: WORKER_YOUNG_MB,
        maxOldGenerationSizeMb: Math.max(WORKER_OLD_MB, Math.ceil(heapMb * WORKER_OLD_TIMES)),
      },
    });
    this.worker.on('message', (m: WorkerMessage) => {
      if (!('seq' in m)) {
        this.ready = true;
        return;
      }
      this.queued--;
      events.done(m.seq, m.done, this);
    });
    this.worker.on('error', (e) => events.failed(e));
    this.worker.on('exit', (code) => {
      if (!this.stopped) events.failed(new Error(`a worker thread stopped (exit code ${code})`));
    });
  }

  /** A slice to assess; its result comes back through `done`. */
  send(slice: WorkerSlice): void {
    this.queued++;
    this.worker.postMessage(slice satisfies WorkerInbound);
  }

  /** One of its output buffers back, written: moved, to fill again. */
  giveBack(buffer: ArrayBuffer): void {
    if (!this.stopped) this.worker.postMessage({ reuse: buffer } satisfies WorkerInbound, [buffer]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }
}
