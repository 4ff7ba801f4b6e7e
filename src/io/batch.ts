// `innoroute batch`'s rows: one advice per row, as CSV records, NDJSON lines or JSON array
// elements, written in input order through the shared row pipeline (row-pipeline.ts: reading,
// slices, worker threads, backpressure). Each slice is assessed by a RowAssessor
// (batch-rows.ts), here or in a worker (batch-worker.ts), with its own copy of the rule set and
// engine; nothing is collected per row except counts for the summary.
import { stringify as stringifyRows } from 'csv-stringify/sync';
import type { Family, Fit } from '../core/ids.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { planColumns } from './batch-header.ts';
import type { BatchFormat, ErrorRow, RowsDone } from './batch-rows.ts';
import { MAX_ERROR_ROWS, RowAssessor } from './batch-rows.ts';
import type { Delimiter } from './csv.ts';
import { OUTPUT_COLUMNS } from './csv.ts';
import type { FileShape, RowPipelineOptions } from './row-pipeline.ts';
import { runRows } from './row-pipeline.ts';

export { BatchFileError } from './batch-header.ts';
export type { BatchFormat, ErrorRow } from './batch-rows.ts';
export { MAX_ERROR_ROWS } from './batch-rows.ts';
export { defaultJobs, SLICE_ROWS } from './row-pipeline.ts';

export interface BatchOptions extends RowPipelineOptions {
  readonly rules: RuleSet;
  readonly asOf: string;
  readonly format: BatchFormat;
}

export interface BatchSummary {
  readonly rows: number;
  readonly errorRows: number;
  /** family → fit → rows, by the primary route. */
  readonly byFamily: ReadonlyMap<Family, ReadonlyMap<Fit, number>>;
  /** Assessed rows without any advised route. */
  readonly noRoute: number;
  /** Stakeholder id → rows that list it. */
  readonly stakeholders: ReadonlyMap<string, number>;
  /** The first error rows (at most MAX_ERROR_ROWS kept). */
  readonly errors: readonly ErrorRow[];
}

export interface BatchResult {
  readonly delimiter: Delimiter;
  readonly bom: boolean;
  readonly crlf: boolean;
  readonly summary: BatchSummary;
}

/** What batch writes for each slice, and the summary's counts. */
class BatchJob {
  private firstJson = true;
  rows = 0;
  errorRows = 0;
  noRoute = 0;
  readonly byFamily = new Map<Family, Map<Fit, number>>();
  readonly stakeholders = new Map<string, number>();
  readonly errors: ErrorRow[] = [];

  constructor(
    private readonly opts: BatchOptions,
    private readonly shape: FileShape,
  ) {}

  start(header: string[], line: number) {
    const { rules, lang, format, asOf } = this.opts;
    const plan = planColumns(header, line, rules, lang, this.opts.onWarning);
    const out = { format, lang, asOf, delimiter: this.shape.delimiter, crlf: this.shape.crlf };
    let head = '';
    if (format === 'csv') {
      head = stringifyRows([[...OUTPUT_COLUMNS]], {
        delimiter: this.shape.delimiter,
        bom: this.shape.bom,
        record_delimiter: this.shape.crlf ? 'windows' : 'unix',
      });
    } else if (format === 'json') head = '[';
    return {
      assessor: new RowAssessor(rules, plan, out),
      setup: { kind: 'batch' as const, rules, plan, format: out },
      head,
    };
  }

  take(done: RowsDone, bytes: Uint8Array | undefined): (string | Uint8Array)[] {
    const out = bytes ?? done.text;
    if (out.length === 0) return [];
    if (this.opts.format !== 'json') return [out];
    const sep = this.firstJson ? '\n' : ',\n';
    this.firstJson = false;
    return [sep, out];
  }

  end(): string {
    if (this.opts.format !== 'json') return '';
    return this.firstJson ? ']\n' : '\n]\n';
  }

  count(done: RowsDone): number {
    this.rows += done.rows;
    this.errorRows += done.errorRows;
    this.noRoute += done.noRoute;
    for (const e of done.errors) if (this.errors.length < MAX_ERROR_ROWS) this.errors.push(e);
    for (const [family, fit, n] of done.primaries) {
      let fits = this.byFamily.get(family);
      if (!fits) this.byFamily.set(family, (fits = new Map()));
      fits.set(fit, (fits.get(fit) ?? 0) + n);
    }
    for (const [id, n] of done.stakeholders) {
      this.stakeholders.set(id, (this.stakeholders.get(id) ?? 0) + n);
    }
    return done.rows;
  }
}

/** Runs the pipeline; resolves when the output has everything, rejects with BatchFileError. */
export async function runBatch(opts: BatchOptions): Promise<BatchResult> {
  let job: BatchJob | undefined;
  const shape = await runRows(opts, (s) => (job = new BatchJob(opts, s)));
  const j = job!;
  return {
    ...shape,
    summary: {
      rows: j.rows,
      errorRows: j.errorRows,
      byFamily: j.byFamily,
      noRoute: j.noRoute,
      stakeholders: j.stakeholders,
      errors: j.errors,
    },
  };
}
