// `innoroute batch`'s rows: one advice per row, as CSV records, NDJSON lines or JSON array
// elements (or, for html, the portfolio page at the end, from the counts), written in input
// order through the shared row pipeline (row-pipeline.ts: reading, slices, worker threads,
// backpressure). Each slice is assessed by a RowAssessor (batch-rows.ts), here or in a worker
// (batch-worker.ts), with its own copy of the rule set and engine; nothing is collected per row
// except counts for the summary.
import type { RuleSet } from '../core/ruleset.ts';
import { planColumns } from './batch-header.ts';
import type { BatchFormat, RowsDone } from './batch-rows.ts';
import { RowAssessor } from './batch-rows.ts';
import type { BatchSummary } from './batch-summary.ts';
import { BatchTally } from './batch-summary.ts';
import type { Delimiter } from './csv.ts';
import { csvRecord, OUTPUT_COLUMNS, outputEol } from './csv.ts';
import type { FileShape, RowPipelineOptions } from './row-pipeline.ts';
import { runRows, SLICE_ROWS } from './row-pipeline.ts';

export { BatchFileError } from './batch-header.ts';
export type { BatchFormat, ErrorRow } from './batch-rows.ts';
export { MAX_ERROR_ROWS } from './batch-rows.ts';
export { defaultJobs, SLICE_ROWS } from './row-pipeline.ts';
export type { PortfolioRow } from '../core/portfolio.ts';
export type { BatchSummary } from './batch-summary.ts';
export { MAX_PORTFOLIO_ERRORS, MAX_PORTFOLIO_ROWS } from './batch-summary.ts';

export interface BatchOptions extends RowPipelineOptions {
  readonly rules: RuleSet;
  readonly asOf: string;
  readonly format: BatchFormat;
  /**
   * html: the document, made from the summary once every row is counted, and written as the whole
   * output (the rows themselves write nothing).
   */
  readonly closing?: (summary: BatchSummary) => string;
}

export interface BatchResult {
  readonly delimiter: Delimiter;
  readonly bom: boolean;
  readonly crlf: boolean;
  readonly summary: BatchSummary;
}

/**
 * Rows per slice for ndjson and json: a row is the whole Advice (about 50 kB), so a slice of
 * SLICE_ROWS would be megabytes, and several wait in memory to be written in order.
 */
export const ADVICE_SLICE_ROWS = 16;

/** What batch writes for each slice, and the summary's counts (batch-summary.ts). */
class BatchJob {
  private firstJson = true;
  readonly tally: BatchTally;
  readonly sliceRows: number;

  constructor(
    private readonly opts: BatchOptions,
    private readonly shape: FileShape,
  ) {
    this.tally = new BatchTally(opts.format === 'html');
    const advice = opts.format === 'ndjson' || opts.format === 'json';
    this.sliceRows = advice ? ADVICE_SLICE_ROWS : SLICE_ROWS;
  }

  start(header: string[], line: number) {
    const { rules, lang, format, asOf } = this.opts;
    const plan = planColumns(header, line, rules, lang, this.opts.onWarning);
    const out = { format, lang, asOf, delimiter: this.shape.delimiter, crlf: this.shape.crlf };
    let head = '';
    if (format === 'csv') {
      const { delimiter, bom, crlf } = this.shape;
      head = (bom ? '\ufeff' : '') + csvRecord(OUTPUT_COLUMNS, delimiter, outputEol(crlf));
    } else if (format === 'json') head = '[';
    return {
      assessor: new RowAssessor(rules, plan, out),
      setup: { kind: 'batch' as const, rules, plan, format: out },
      head,
    };
  }

  take(done: RowsDone): (string | Uint8Array)[] {
    const out = done.bytes;
    if (out.length === 0) return [];
    if (this.opts.format !== 'json') return [out];
    const sep = this.firstJson ? '\n' : ',\n';
    this.firstJson = false;
    return [sep, out];
  }

  end(): string {
    if (this.opts.format === 'html' && this.opts.closing) {
      return this.opts.closing(this.tally.summary());
    }
    if (this.opts.format !== 'json') return '';
    return this.firstJson ? ']\n' : '\n]\n';
  }

  count(done: RowsDone): number {
    this.tally.count(done);
    return done.rows;
  }
}

/** Runs the pipeline; resolves when the output has everything, rejects with BatchFileError. */
export async function runBatch(opts: BatchOptions): Promise<BatchResult> {
  let job: BatchJob | undefined;
  const shape = await runRows(opts, (s) => (job = new BatchJob(opts, s)));
  return { ...shape, summary: job!.tally.summary() };
}
