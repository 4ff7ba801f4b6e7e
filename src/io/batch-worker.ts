// A worker thread of the row pipeline (row-pipeline.ts starts it with `--jobs` > 1): for `batch`
// it assesses the slices of rows it is sent with its own copy of the rule set and sends back
// their output and counts; for `diff` it compares each row under two rule sets or dates
// (diff-rows.ts). The same assessors as the main thread, so the bytes are the same.
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSet } from '../core/ruleset.ts';
import type { ColumnPlan, RowFormat } from './batch-rows.ts';
import { RowAssessor } from './batch-rows.ts';
import type { DiffSetup } from './diff-rows.ts';

export type WorkerSetup =
  | {
      readonly kind: 'batch';
      readonly rules: RuleSet;
      readonly plan: ColumnPlan;
      readonly format: RowFormat;
    }
  | DiffSetup;

export interface WorkerSlice {
  readonly seq: number;
  readonly records: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

/** What a worker is sent: a slice to assess, or one of its output buffers back, written. */
export type WorkerInbound = WorkerSlice | { readonly reuse: ArrayBuffer };

/**
 * What a worker sends: that it is ready (once, first), then each slice's result (a batch slice's
 * output bytes moved with it, not copied).
 */
export type WorkerMessage =
  { readonly ready: true } | { readonly seq: number; readonly done: unknown };

interface Assess {
  (slice: WorkerSlice): { done: unknown; transfer: ArrayBuffer[] };
  reuse?(buffer: ArrayBuffer): void;
}

async function assessorFor(setup: WorkerSetup): Promise<Assess> {
  if (setup.kind === 'diff') {
    const { DiffAssessor } = await import('./diff-rows.ts');
    const assessor = new DiffAssessor(setup);
    return (slice) => ({ done: assessor.assess(slice.records, slice.lines), transfer: [] });
  }
  const assessor = new RowAssessor(setup.rules, setup.plan, setup.format);
  const assess: Assess = (slice) => {
    const done = assessor.assess(slice.records, slice.lines);
    // the output is UTF-8 in a buffer of its own: moved to the main thread, which only writes it
    // (a slice of JSON is a megabyte; copying it there would hold up the reading of the CSV) and
    // moves it back for the next slice
    const { buffer } = done.bytes;
    return { done, transfer: done.bytes.byteLength > 0 ? [buffer as ArrayBuffer] : [] };
  };
  assess.reuse = (buffer) => assessor.reuse(buffer);
  return assess;
}

if (parentPort) {
  const port = parentPort;
  const assess = await assessorFor(workerData as WorkerSetup);
  port.on('message', (m: WorkerInbound) => {
    if ('reuse' in m) {
      assess.reuse?.(m.reuse);
      return;
    }
    const slice = m;
    const { done, transfer } = assess(slice);
    port.postMessage({ seq: slice.seq, done } satisfies WorkerMessage, transfer);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
