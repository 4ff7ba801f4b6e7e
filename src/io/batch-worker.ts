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

/**
 * What a worker sends: that it is ready (once, first), then each slice's result; a batch slice's
 * text as UTF-8 bytes (`done.text` is then empty).
 */
export type WorkerMessage =
  | { readonly ready: true }
  | { readonly seq: number; readonly done: unknown; readonly bytes: Uint8Array | undefined };

type Assess = (slice: WorkerSlice) => { done: unknown; bytes: Uint8Array | undefined };

async function assessorFor(setup: WorkerSetup): Promise<Assess> {
  if (setup.kind === 'diff') {
    const { DiffAssessor } = await import('./diff-rows.ts');
    const assessor = new DiffAssessor(setup);
    return (slice) => ({ done: assessor.assess(slice.records, slice.lines), bytes: undefined });
  }
  const assessor = new RowAssessor(setup.rules, setup.plan, setup.format);
  const encoder = new TextEncoder();
  return (slice) => {
    const { text, ...done } = assessor.assess(slice.records, slice.lines);
    // encoded here and moved, not copied: the main thread only writes the bytes (a slice of JSON
    // is megabytes; copying and encoding it there would hold up the reading of the CSV)
    return { done: { ...done, text: '' }, bytes: encoder.encode(text) };
  };
}

if (parentPort) {
  const port = parentPort;
  const assess = await assessorFor(workerData as WorkerSetup);
  port.on('message', (slice: WorkerSlice) => {
    const { done, bytes } = assess(slice);
    port.postMessage(
      { seq: slice.seq, done, bytes } satisfies WorkerMessage,
      bytes ? [bytes.buffer as ArrayBuffer] : [],
    );
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
