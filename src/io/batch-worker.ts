// A worker thread of `innoroute batch` (src/io/batch.ts starts it with `--jobs` > 1): assesses the
// slices of rows it is sent with its own copy of the rule set, and sends back their output and
// counts. The same RowAssessor as the main thread, so the bytes are the same.
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSet } from '../core/ruleset.ts';
import type { ColumnPlan, RowFormat, RowsDone } from './batch-rows.ts';
import { RowAssessor } from './batch-rows.ts';

export interface WorkerSetup {
  readonly rules: RuleSet;
  readonly plan: ColumnPlan;
  readonly format: RowFormat;
}

export interface WorkerSlice {
  readonly seq: number;
  readonly records: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

/**
 * What a worker sends: that it is ready (once, first), then each slice's result, its text as
 * UTF-8 bytes (`done.text` is then empty).
 */
export type WorkerMessage =
  | { readonly ready: true }
  | { readonly seq: number; readonly done: RowsDone; readonly bytes: Uint8Array };

if (parentPort) {
  const port = parentPort;
  const { rules, plan, format } = workerData as WorkerSetup;
  const assessor = new RowAssessor(rules, plan, format);
  const encoder = new TextEncoder();
  port.on('message', (slice: WorkerSlice) => {
    const { text, ...done } = assessor.assess(slice.records, slice.lines);
    // encoded here and moved, not copied: the main thread only writes the bytes (a slice of JSON
    // is megabytes; copying and encoding it there would hold up the reading of the CSV)
    const bytes = encoder.encode(text);
    port.postMessage(
      { seq: slice.seq, done: { ...done, text: '' }, bytes } satisfies WorkerMessage,
      [bytes.buffer],
    );
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
