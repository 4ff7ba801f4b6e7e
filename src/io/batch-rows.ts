// The rows of `innoroute batch`: a slice of parsed records in, their output (UTF-8 bytes) and the
// counts for the summary out. No I/O and no state that a later slice depends on (except caches),
// so a slice can be assessed on the main thread or in a worker (batch-worker.ts) and give the same
// bytes: src/io/batch.ts puts the slices back in input order.
import type { AnswerValue, Lang } from '../core/advice.ts';
import { adviceJson } from '../core/advice-json.ts';
import type { AnswerProblem } from '../core/answers.ts';
import { parseAnswer, THOUSANDS_AMOUNT } from '../core/answers.ts';
import { RowEvaluator } from '../core/engine.ts';
import type { Facts } from '../core/facts.ts';
import type { Family, Fit } from '../core/ids.ts';
import type { PortfolioRow } from '../core/portfolio.ts';
import type { QuestionDef, RuleSet } from '../core/ruleset.ts';
import type { Delimiter, OutputCell } from './csv.ts';
import {
  csvRecord,
  errorCells,
  escapeFormula,
  MAX_CELL_CHARS,
  outputEol,
  verdictCells,
} from './csv.ts';
import { Utf8Builder } from './utf8-builder.ts';

export type BatchFormat = 'csv' | 'ndjson' | 'json' | 'html';

/** Error rows kept for the summary and the closing message; the count is always exact. */
export const MAX_ERROR_ROWS = 20;

export interface ErrorRow {
  readonly line: number;
  readonly id: string;
  readonly message: string;
}

/** Characters of a row's innovation name kept for the portfolio page. */
export const PORTFOLIO_NAME_CHARS = 120;

/** What the header row decided: plain data, so that it can be sent to a worker. */
export interface ColumnPlan {
  /** The number of cells a row must have. */
  readonly width: number;
  /** The `id` column, or -1. */
  readonly idIndex: number;
  /**
   * The question columns, in the rule set's question order (a row's bad cells are reported in
   * that order, as for an answers file): the cell's index and the question id.
   */
  readonly questions: readonly { readonly index: number; readonly question: string }[];
}

/** How the rows are written. */
export interface RowFormat {
  readonly format: BatchFormat;
  readonly lang: Lang;
  readonly asOf: string;
  /** CSV output only. */
  readonly delimiter: Delimiter;
  readonly crlf: boolean;
}

/**
 * The output and the counts of a slice of rows. `bytes`: CSV records (no header), NDJSON lines,
 * or JSON array elements joined by ",\n" (no brackets, no leading separator), as UTF-8 in a
 * buffer of their own (a worker moves it to the main thread).
 */
export interface RowsDone {
  readonly rows: number;
  readonly bytes: Uint8Array;
  readonly errorRows: number;
  /** Assessed rows without any advised route. */
  readonly noRoute: number;
  /** The primary route's family and fit, with the number of rows. */
  readonly primaries: [Family, Fit, number][];
  /** Stakeholder id → rows that list it. */
  readonly stakeholders: [string, number][];
  /** The first error rows of the slice (at most MAX_ERROR_ROWS). */
  readonly errors: ErrorRow[];
  /** html: every row of the slice, for the portfolio page (the sink keeps the first ones). */
  readonly portfolio?: PortfolioRow[];
}

const TEXTS = {
  nl: {
    line: 'regel',
    width: (got: number, want: number) =>
      `de rij heeft ${got} waarden en de kopregel ${want} kolommen; staat er een scheidingsteken in een waarde zonder aanhalingstekens?`,
    got: (v: string) => `ingevuld: "${v}"`,
    cellTooLong: (col: number, length: number) =>
      `de waarde in kolom ${col} is ${length.toLocaleString('nl-NL')} tekens lang; een cel mag er hoogstens ${MAX_CELL_CHARS.toLocaleString('nl-NL')} hebben: maak haar korter`,
    internal: (m: string) => `kon niet worden beoordeeld door een fout in innoroute: ${m}`,
    grouped: (q: string, text: string, plain: string, value: number) =>
      `${q}: "${text}" kan ${plain} of ${String(value).replace('.', ',')} euro betekenen; schrijf ${plain} (zonder scheidingsteken voor duizendtallen), of ${value.toFixed(2).replace('.', ',')} voor ${String(value).replace('.', ',')} euro`,
  },
  en: {
    line: 'line',
    width: (got: number, want: number) =>
      `the row has ${got} values where the header has ${want} columns; is there a delimiter in a value without quotes?`,
    got: (v: string) => `got "${v}"`,
    cellTooLong: (col: number, length: number) =>
      `the value in column ${col} is ${length.toLocaleString('en')} characters long; a cell may hold at most ${MAX_CELL_CHARS.toLocaleString('en')}: shorten it`,
    internal: (m: string) => `could not be assessed because of an error in innoroute: ${m}`,
    grouped: (q: string, text: string, plain: string, value: number) =>
      `${q}: "${text}" could mean ${plain} or ${value} euros; write ${plain} (no thousands separators), or ${value.toFixed(2)} for ${value} euros`,
  },
} as const;

type Parsed = ReturnType<typeof parseAnswer>;

/** Distinct cell texts remembered per column; option columns repeat a handful of values. */
const CELL_CACHE_SIZE = 512;

interface QuestionColumn {
  readonly index: number;
  readonly q: QuestionDef;
  /** parseAnswer is pure: a cell text seen before in this column parses the same way. */
  readonly cache: Map<string, Parsed> | undefined;
}

interface Problem {
  readonly question?: string;
  readonly value?: string;
  readonly message: string;
  readonly validOptions?: readonly string[];
  readonly suggestion?: string;
}

/** One row that could not be assessed. */
export interface Failure {
  readonly message: string;
  readonly problems: readonly Problem[];
}

/**
 * Assesses slices of rows: each cell through parseAnswer, the answers through the same engine as
 * `advise` (RowEvaluator: the slots filled from the cells directly; CSV asks only for the
 * verdict, the other formats for the whole Advice).
 */
export class RowAssessor {
  private readonly columns: readonly QuestionColumn[];
  private readonly evaluator: RowEvaluator;
  /** A row's answers, one per column (undefined: unanswered); reused. */
  private readonly values: (AnswerValue | undefined)[];
  private readonly t: (typeof TEXTS)[Lang];
  private readonly ruleset: { version: string; hash: string; asOf: string };
  /** The innovation_name column, or -1. */
  private readonly nameIndex: number;
  /** The output of the slice being assessed. */
  private readonly bytes = new Utf8Builder();
  private readonly eol: string;

  constructor(
    private readonly rules: RuleSet,
    private readonly plan: ColumnPlan,
    private readonly out: RowFormat,
  ) {
    this.columns = plan.questions.map(({ index, question }) => {
      const q = rules.questions.get(question);
      if (!q) throw new Error(`batch: "${question}" is not a question of the rule set`);
      return { index, q, cache: q.kind === 'text' ? undefined : new Map<string, Parsed>() };
    });
    this.evaluator = new RowEvaluator(
      rules,
      this.columns.map((c) => c.q.id),
    );
    this.values = new Array<AnswerValue | undefined>(this.columns.length).fill(undefined);
    this.t = TEXTS[out.lang];
    this.ruleset = { version: rules.version, hash: rules.hash, asOf: out.asOf };
    this.nameIndex = plan.questions.find((c) => c.question === 'innovation_name')?.index ?? -1;
    this.eol = outputEol(out.crlf);
  }

  /** Rows (records without blank ones) with the line each starts on. */
  assess(records: readonly (readonly string[])[], lines: readonly number[]): RowsDone {
    const { format, lang, asOf } = this.out;
    const bytes = this.bytes;
    bytes.reset();
    let written = 0;
    /** A row's output: a CSV record, an NDJSON line, a JSON array element. */
    const emit = (text: string) => {
      if (format === 'json' && written > 0) bytes.append(',\n');
      bytes.append(text);
      if (format === 'ndjson') bytes.append('\n');
      written++;
    };
    let errorRows = 0;
    let noRoute = 0;
    const primaries = new Map<string, [Family, Fit, number]>();
    const stakeholders = new Map<string, number>();
    const errors: ErrorRow[] = [];
    const portfolio: PortfolioRow[] | undefined = format === 'html' ? [] : undefined;
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      const line = lines[r]!;
      const read = this.read(record, line);
      const id = read.id;
      let failure = read.failure;
      // CSV needs only the verdict; the other formats write the whole Advice
      let primary: { readonly family: Family; readonly fit: Fit } | undefined;
      let checklist: readonly string[] = [];
      let output: string | undefined;
      if (!failure) {
        try {
          if (format === 'csv') {
            const verdict = this.evaluator.verdict(this.values, { asOf, lang });
            primary = verdict.routes[0];
            checklist = verdict.stakeholders;
            output = this.csv(verdictCells(id, verdict));
          } else if (portfolio) {
            // the page is written at the end, from the counts and this list: no text per row
            const verdict = this.evaluator.verdict(this.values, { asOf, lang });
            primary = verdict.routes[0];
            checklist = verdict.stakeholders;
            portfolio.push({
              ...this.named(line, id, record),
              ...(primary
                ? {
                    route: {
                      id: verdict.routes[0]!.id,
                      family: primary.family,
                      fit: primary.fit,
                      score: verdict.routes[0]!.score,
                    },
                  }
                : {}),
              warnings: verdict.warnings.length,
              openQuestions: verdict.openQuestions.length,
              wrongPocket: verdict.costBenefit?.wrongPocket ?? false,
            });
            output = '';
          } else {
            const advice = this.evaluator.advice(this.values, { asOf, lang, input: { id } });
            primary = advice.routes[0];
            checklist = advice.stakeholders.map((s) => s.id);
            // the contract's JSON, as `advise --format json` writes it, on one line
            output = adviceJson(advice);
          }
        } catch (e) {
          const message = this.t.internal((e as Error)?.message ?? String(e));
          failure = { message, problems: [{ message }] };
        }
      }

      if (failure || output === undefined) {
        const message = this.lineMessage(line, failure!);
        errorRows++;
        if (errors.length < MAX_ERROR_ROWS) errors.push({ line, id, message });
        if (format === 'csv') emit(this.csv(errorCells(id, message)));
        else if (portfolio) {
          portfolio.push({
            ...this.named(line, id, record),
            warnings: 0,
            openQuestions: 0,
            wrongPocket: false,
            error: message,
          });
        } else {
          const error = { line, message, problems: failure!.problems };
          emit(JSON.stringify({ schemaVersion: 1, ruleset: this.ruleset, input: { id }, error }));
        }
        continue;
      }

      if (primary) {
        const key = `${primary.family} ${primary.fit}`;
        const seen = primaries.get(key);
        if (seen) seen[2]++;
        else primaries.set(key, [primary.family, primary.fit, 1]);
      } else noRoute++;
      // one checklist item per stakeholder, so every id once
      for (const s of checklist) stakeholders.set(s, (stakeholders.get(s) ?? 0) + 1);
      if (!portfolio) emit(output);
    }

    return {
      rows: records.length,
      bytes: bytes.take(),
      errorRows,
      noRoute,
      primaries: [...primaries.values()],
      stakeholders: [...stakeholders],
      errors,
      ...(portfolio ? { portfolio } : {}),
    };
  }

  /** A buffer of a slice's output back, once written: the next slices are written into it. */
  reuse(buffer: ArrayBuffer): void {
    this.bytes.reuse(buffer);
  }

  /** A CSV output record: formulas escaped, quoted where needed, with the file's line ending. */
  private csv(cells: OutputCell[]): string {
    for (let i = 0; i < cells.length; i++) cells[i] = escapeFormula(cells[i]!);
    return csvRecord(cells, this.out.delimiter, this.eol);
  }

  /** A portfolio row's line, id and (when given) innovation name. */
  private named(
    line: number,
    id: string,
    record: readonly string[],
  ): Pick<PortfolioRow, 'line' | 'id' | 'name'> {
    const name = this.nameIndex >= 0 ? (record[this.nameIndex] ?? '').trim() : '';
    return name === '' ? { line, id } : { line, id, name: name.slice(0, PORTFOLIO_NAME_CHARS) };
  }

  /**
   * Reads a row (starting on `line`) into its answers: its id (the id cell, else the line), and
   * why it cannot be assessed; undefined: it can, and `facts()` are its facts.
   */
  read(record: readonly string[], line: number): { id: string; failure: Failure | undefined } {
    const plan = this.plan;
    const rawId = plan.idIndex >= 0 ? (record[plan.idIndex] ?? '').trim() : '';
    const id = rawId === '' || rawId.length > MAX_CELL_CHARS ? String(line) : rawId;
    const long = longCell(record);
    if (record.length !== plan.width) {
      const message = this.t.width(record.length, plan.width);
      return { id, failure: { message, problems: [{ message }] } };
    }
    if (long >= 0) {
      const message = this.t.cellTooLong(long + 1, record[long]!.length);
      return { id, failure: { message, problems: [{ message }] } };
    }
    return { id, failure: this.readCells(record) };
  }

  /** The facts of the row read last. */
  facts(): Facts {
    return this.evaluator.facts(this.values);
  }

  /** `line N: what is wrong`, as the error column says it. */
  lineMessage(line: number, failure: Failure): string {
    return `${this.t.line} ${line}: ${failure.message}`;
  }

  /**
   * The row's cells into `values` (what normalizeAnswers does for an answers map, per column,
   * with the parse of each cell text remembered); undefined, or the problems of the invalid ones.
   */
  private readCells(record: readonly string[]): Failure | undefined {
    const columns = this.columns;
    const values = this.values;
    let invalid: AnswerProblem[] | undefined;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i]!;
      const cell = record[col.index]!;
      let parsed = col.cache?.get(cell);
      if (parsed === undefined) {
        parsed = this.parseCell(col.q, cell);
        if (col.cache && col.cache.size < CELL_CACHE_SIZE) col.cache.set(cell, parsed);
      }
      if ('value' in parsed) values[i] = parsed.value;
      else {
        values[i] = undefined;
        if ('problem' in parsed) {
          (invalid ??= []).push({ severity: 'error', question: col.q.id, ...parsed.problem });
        }
      }
    }
    if (!invalid) return undefined;
    return {
      message: invalid.map((p) => this.describe(p)).join(' | '),
      problems: invalid.map((p) => ({
        question: p.question,
        value: p.value,
        message: p.message,
        ...(p.validOptions ? { validOptions: p.validOptions } : {}),
        ...(p.suggestion ? { suggestion: p.suggestion } : {}),
      })),
    };
  }

  /**
   * parseAnswer, except that an amount with one thousands group (250.000, 1,500) is refused as
   * ambiguous: by the answer rules it is 250 euros, and in a portfolio of thousands of rows no one
   * would see a warning that the writer probably meant 250000 (THOUSANDS_AMOUNT).
   */
  private parseCell(q: QuestionDef, cell: string): Parsed {
    const parsed = parseAnswer(q, cell, this.out.lang);
    if (q.kind !== 'number' || !('value' in parsed) || typeof parsed.value !== 'number') {
      return parsed;
    }
    const text = cell.trim();
    if (!THOUSANDS_AMOUNT.test(text)) return parsed;
    const plain = text.replace(/[€\s.,]/g, '');
    const message = this.t.grouped(q.id, text, plain, parsed.value);
    return { problem: { value: text, message } };
  }

  private describe(p: AnswerProblem): string {
    // answers.ts quotes the wrong option itself; for numbers, booleans and text add what was written
    const kind = this.rules.questions.get(p.question)?.kind;
    if (kind === 'one' || kind === 'many' || p.message.includes(`"${p.value}"`)) return p.message;
    return `${p.message}; ${this.t.got(p.value)}`;
  }
}

/** The first cell longer than MAX_CELL_CHARS, or -1. */
function longCell(record: readonly string[]): number {
  for (let i = 0; i < record.length; i++) if (record[i]!.length > MAX_CELL_CHARS) return i;
  return -1;
}
