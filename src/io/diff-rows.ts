// The rows of `innoroute diff` over a CSV file: each slice of rows assessed under both rule sets
// or dates and compared (core/diff-assess.ts), on this thread or in a worker (batch-worker.ts),
// through the row pipeline `batch` uses (row-pipeline.ts). A slice gives back only its changed
// rows and counts; what is written for them is the DiffWriter's business.
import type { Lang } from '../core/advice.ts';
import type { InputChange } from '../core/diff.ts';
import { diffJudged, judgeFacts } from '../core/diff-assess.ts';
import type { Judged } from '../core/diff-assess.ts';
import { RuleChanges } from '../core/diff-causes.ts';
import type { DiffTally } from '../core/diff-report.ts';
import type { DiffSide } from '../core/diff-causes.ts';
import { programOf } from '../core/program.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { planColumns } from './batch-header.ts';
import type { ColumnPlan } from './batch-rows.ts';
import { RowAssessor } from './batch-rows.ts';
import type { FileShape, RowJob } from './row-pipeline.ts';

/** One side of a diff as a worker gets it: plain data. */
export interface DiffSideSetup {
  readonly rules: RuleSet;
  readonly plan: ColumnPlan;
  readonly asOf: string;
}

export interface DiffSetup {
  readonly kind: 'diff';
  readonly before: DiffSideSetup;
  readonly after: DiffSideSetup;
  readonly lang: Lang;
}

/** A slice compared: its rows, and the changed ones in input order. */
export interface DiffDone {
  readonly rows: number;
  /** Rows that could be assessed on neither side. */
  readonly notAssessed: number;
  readonly changes: InputChange[];
}

/** Compares slices of rows under the two sides. */
export class DiffAssessor {
  private readonly a: RowAssessor;
  private readonly b: RowAssessor;
  private readonly sideA: DiffSide;
  private readonly sideB: DiffSide;
  private readonly rules: RuleChanges;

  constructor(setup: DiffSetup) {
    const assessor = (s: DiffSideSetup) =>
      new RowAssessor(s.rules, s.plan, {
        format: 'csv',
        lang: setup.lang,
        asOf: s.asOf,
        delimiter: ',',
        crlf: false,
      });
    this.a = assessor(setup.before);
    this.b = assessor(setup.after);
    this.sideA = { program: programOf(setup.before.rules), asOf: setup.before.asOf };
    this.sideB = { program: programOf(setup.after.rules), asOf: setup.after.asOf };
    this.rules = new RuleChanges(setup.before.rules, setup.after.rules);
  }

  private judge(assessor: RowAssessor, side: DiffSide, record: readonly string[], line: number) {
    const { id, failure } = assessor.read(record, line);
    const judged: Judged = failure
      ? {
          outcome: { error: assessor.lineMessage(line, failure) },
          refused: failure.problems.flatMap((p) => (p.question !== undefined ? [p.question] : [])),
        }
      : judgeFacts(side, assessor.facts());
    return { id, judged };
  }

  assess(records: readonly (readonly string[])[], lines: readonly number[]): DiffDone {
    const changes: InputChange[] = [];
    let notAssessed = 0;
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      const line = lines[r]!;
      const a = this.judge(this.a, this.sideA, record, line);
      const b = this.judge(this.b, this.sideB, record, line);
      if ('error' in a.judged.outcome && 'error' in b.judged.outcome) notAssessed++;
      const change = diffJudged(b.id, line, this.sideA, a.judged, this.sideB, b.judged, this.rules);
      if (change) changes.push(change);
    }
    return { rows: records.length, notAssessed, changes };
  }
}

/** What is written as the changes come, in input order (streamed formats), or nothing. */
export interface DiffWriter {
  head(shape: FileShape): string;
  rows(changes: readonly InputChange[]): string;
  end(): string;
}

/** The pipeline's job for a diff: plans both sides' columns, counts every row and change. */
export class DiffJob implements RowJob<DiffDone> {
  private readonly warned = new Set<string>();

  constructor(
    private readonly sides: {
      readonly before: { readonly rules: RuleSet; readonly asOf: string };
      readonly after: { readonly rules: RuleSet; readonly asOf: string };
    },
    private readonly lang: Lang,
    private readonly shape: FileShape,
    private readonly writer: DiffWriter,
    private readonly tally: DiffTally,
    private readonly onWarning: (message: string) => void,
  ) {}

  start(header: string[], line: number) {
    // a column the two rule sets see alike is reported once
    const warn = (m: string) => {
      if (this.warned.has(m)) return;
      this.warned.add(m);
      this.onWarning(m);
    };
    const side = (s: { readonly rules: RuleSet; readonly asOf: string }): DiffSideSetup => ({
      ...s,
      plan: planColumns(header, line, s.rules, this.lang, warn),
    });
    const setup: DiffSetup = {
      kind: 'diff',
      before: side(this.sides.before),
      after: side(this.sides.after),
      lang: this.lang,
    };
    return { assessor: new DiffAssessor(setup), setup, head: this.writer.head(this.shape) };
  }

  take(done: DiffDone): string[] {
    for (const c of done.changes) this.tally.add(c);
    return done.changes.length > 0 ? [this.writer.rows(done.changes)] : [];
  }

  end(): string {
    return this.writer.end();
  }

  count(done: DiffDone): number {
    this.tally.inputs += done.rows;
    this.tally.notAssessed += done.notAssessed;
    return done.rows;
  }
}
