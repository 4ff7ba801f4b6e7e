// The row pipeline of `innoroute batch`: bytes → csv-parse → parseAnswer per cell → evaluate → a CSV
// row, an NDJSON line or a JSON array element → the output. One stream.pipeline, so backpressure
// runs from the output back to the file and memory stays flat however long the file is; nothing is
// collected per row except counts for the summary.
import { stringify } from 'csv-stringify';
import { randomBytes } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Advice, Answers, AnswerValue, EvaluateOptions, Lang } from '../core/advice.ts';
import type { AnswerProblem } from '../core/answers.ts';
import { didYouMean, parseAnswer } from '../core/answers.ts';
import type { QuestionDef, RuleSet } from '../core/ruleset.ts';
import type { Family, Fit } from '../core/ids.ts';
import { renderJsonLine } from '../report/json.ts';
import type { Delimiter, OutputCell } from './csv.ts';
import {
  adviceCells,
  createCsvParser,
  describeCsvError,
  detectDelimiter,
  errorCells,
  escapeFormula,
  LineCounter,
  OUTPUT_COLUMNS,
  peekHead,
} from './csv.ts';

export type BatchFormat = 'csv' | 'ndjson' | 'json';
export type Evaluate = (rules: RuleSet, answers: Answers, options: EvaluateOptions) => Advice;

export interface BatchOptions {
  readonly rules: RuleSet;
  readonly evaluate: Evaluate;
  readonly asOf: string;
  readonly lang: Lang;
  readonly format: BatchFormat;
  /** Overrides detection. */
  readonly delimiter?: Delimiter;
  /** The raw bytes of the CSV file. */
  readonly input: Readable;
  readonly output: Writable;
  /** End the output when done (a file: yes; stdout: no). */
  readonly endOutput: boolean;
  /** Diagnostics that do not stop the run (unknown columns, a non-UTF-8 file). */
  readonly onWarning: (message: string) => void;
  /** Called after every row. */
  readonly onRow?: (rows: number) => void;
  readonly signal?: AbortSignal;
}

/** The file cannot be read as a batch file at all; `line` is where (1-based), when known. */
export class BatchFileError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly what: string,
    readonly todo: string,
  ) {
    super(`${line !== undefined ? `line ${line}: ` : ''}${what}; ${todo}`);
    this.name = 'BatchFileError';
  }
}

export interface ErrorRow {
  readonly line: number;
  readonly id: string;
  readonly message: string;
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

/** Error rows kept for the summary and the closing message; the count is always exact. */
export const MAX_ERROR_ROWS = 20;

type Parsed = ReturnType<typeof parseAnswer>;

/** Distinct cell texts remembered per column; option columns repeat a handful of values. */
const CELL_CACHE_SIZE = 512;

interface QuestionColumn {
  readonly index: number;
  readonly q: QuestionDef;
  /** parseAnswer is pure: a cell text seen before in this column parses the same way. */
  readonly cache: Map<string, Parsed> | undefined;
}

interface ColumnPlan {
  readonly width: number;
  readonly idIndex: number;
  /** In the rule set's question order, so that answers come out in the order normalizeAnswers gives. */
  readonly questions: readonly QuestionColumn[];
}

const TEXTS = {
  nl: {
    line: 'regel',
    unknownColumn: (name: string, s: string | undefined) =>
      `kolom "${name}" is geen vraag${s ? ` — bedoelde je "${s}"?` : ''}; de kolom wordt genegeerd`,
    derivedColumn: (name: string) =>
      `kolom "${name}" wordt door innoroute berekend, niet ingevuld; de kolom wordt genegeerd`,
    notUtf8:
      'het bestand lijkt geen UTF-8 te zijn (tekens als é kunnen verkeerd overkomen); sla het in Excel op als "CSV UTF-8"',
    width: (got: number, want: number) =>
      `de rij heeft ${got} waarden en de kopregel ${want} kolommen; staat er een scheidingsteken in een waarde zonder aanhalingstekens?`,
    got: (v: string) => `ingevuld: "${v}"`,
    internal: (m: string) => `kon niet worden beoordeeld door een fout in innoroute: ${m}`,
  },
  en: {
    line: 'line',
    unknownColumn: (name: string, s: string | undefined) =>
      `column "${name}" is not a question${s ? ` — did you mean "${s}"?` : ''}; the column is ignored`,
    derivedColumn: (name: string) =>
      `column "${name}" is computed by innoroute, not answered; the column is ignored`,
    notUtf8:
      'the file does not look like UTF-8 (characters such as é may come out wrong); in Excel, save it as "CSV UTF-8"',
    width: (got: number, want: number) =>
      `the row has ${got} values where the header has ${want} columns; is there a delimiter in a value without quotes?`,
    got: (v: string) => `got "${v}"`,
    internal: (m: string) => `could not be assessed because of an error in innoroute: ${m}`,
  },
} as const;

function planColumns(
  header: readonly string[],
  rules: RuleSet,
  lang: Lang,
  warn: (m: string) => void,
): ColumnPlan {
  const t = TEXTS[lang];
  const answerable = [...rules.questions.values()].filter((q) => !q.derived).map((q) => q.id);
  const seen = new Map<string, number>();
  const questions: QuestionColumn[] = [];
  let idIndex = -1;
  header.forEach((cell, index) => {
    const name = cell.trim();
    if (name === '') return;
    const key = name.toLowerCase();
    const q = rules.questions.get(key);
    const target = key === 'id' ? 'id' : q && !q.derived ? q.id : undefined;
    if (target !== undefined) {
      const prev = seen.get(target);
      if (prev !== undefined) {
        throw new BatchFileError(
          1,
          `column "${target}" appears twice (columns ${prev + 1} and ${index + 1})`,
          'keep one of them',
        );
      }
      seen.set(target, index);
      if (target === 'id') idIndex = index;
      else questions.push({ index, q: q!, cache: q!.kind === 'text' ? undefined : new Map() });
      return;
    }
    warn(q?.derived ? t.derivedColumn(name) : t.unknownColumn(name, didYouMean(name, answerable)));
  });
  const order = new Map(rules.questionOrder.map((id, i) => [id, i]));
  questions.sort((a, b) => order.get(a.q.id)! - order.get(b.q.id)!);
  return { width: header.length, idIndex, questions };
}

function describeProblem(p: AnswerProblem, rules: RuleSet, lang: Lang): string {
  // answers.ts quotes the wrong option itself; for numbers, booleans and text add what was written
  const kind = rules.questions.get(p.question)?.kind;
  if (kind === 'one' || kind === 'many' || p.message.includes(`"${p.value}"`)) return p.message;
  return `${p.message}; ${TEXTS[lang].got(p.value)}`;
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

interface RowOutcome {
  readonly line: number;
  readonly id: string;
  readonly advice?: Advice;
  readonly message?: string;
  readonly problems?: readonly {
    line?: number;
    question?: string;
    value?: string;
    message: string;
  }[];
}

/** Runs the pipeline; resolves when the output has everything, rejects with BatchFileError. */
export async function runBatch(opts: BatchOptions): Promise<BatchResult> {
  const { rules, lang, format } = opts;
  const t = TEXTS[lang];
  const { head, stream } = await peekHead(opts.input);
  if (head.notUtf8) opts.onWarning(t.notUtf8);
  const delimiter = opts.delimiter ?? detectDelimiter(head.headerLine);
  const parser = createCsvParser(delimiter);
  const lines = new LineCounter();
  const rulesetMeta = { version: rules.version, hash: rules.hash, asOf: opts.asOf };

  // the summary: counts only
  let rows = 0;
  let errorRows = 0;
  let noRoute = 0;
  const byFamily = new Map<Family, Map<Fit, number>>();
  const stakeholders = new Map<string, number>();
  const errors: ErrorRow[] = [];

  function assess(plan: ColumnPlan, cells: readonly string[], line: number): RowOutcome {
    const rawId = plan.idIndex >= 0 ? (cells[plan.idIndex] ?? '').trim() : '';
    const id = rawId === '' ? String(line) : rawId;
    const prefix = () => `${t.line} ${line}: `;
    if (cells.length !== plan.width) {
      const message = t.width(cells.length, plan.width);
      return { line, id, message: prefix() + message, problems: [{ message }] };
    }
    // What normalizeAnswers does for a map, per column and with the parse of each cell text
    // remembered: the header already settled which columns are questions (unknown and derived
    // ones were reported there), so only the cells are left. Same parseAnswer, same answer order.
    const answers: Record<string, AnswerValue> = {};
    let invalid: AnswerProblem[] | undefined;
    for (const col of plan.questions) {
      const cell = cells[col.index]!;
      let parsed = col.cache?.get(cell);
      if (parsed === undefined) {
        parsed = parseAnswer(col.q, cell, lang);
        if (col.cache && col.cache.size < CELL_CACHE_SIZE) col.cache.set(cell, parsed);
      }
      if ('value' in parsed) answers[col.q.id] = parsed.value;
      else if ('problem' in parsed) {
        (invalid ??= []).push({ severity: 'error', question: col.q.id, ...parsed.problem });
      }
    }
    if (invalid) {
      return {
        line,
        id,
        message: prefix() + invalid.map((p) => describeProblem(p, rules, lang)).join(' | '),
        problems: invalid.map((p) => ({
          question: p.question,
          value: p.value,
          message: p.message,
          ...(p.validOptions ? { validOptions: p.validOptions } : {}),
          ...(p.suggestion ? { suggestion: p.suggestion } : {}),
        })),
      };
    }
    try {
      const advice = opts.evaluate(rules, answers, {
        asOf: opts.asOf,
        lang,
        input: { id },
      });
      return { line, id, advice };
    } catch (e) {
      const message = t.internal((e as Error)?.message ?? String(e));
      return { line, id, message: prefix() + message, problems: [{ message }] };
    }
  }

  function count(outcome: RowOutcome): void {
    rows++;
    const advice = outcome.advice;
    if (!advice) {
      errorRows++;
      if (errors.length < MAX_ERROR_ROWS) {
        errors.push({ line: outcome.line, id: outcome.id, message: outcome.message ?? '' });
      }
      return;
    }
    const primary = advice.routes[0];
    if (primary) {
      let fits = byFamily.get(primary.family);
      if (!fits) byFamily.set(primary.family, (fits = new Map()));
      fits.set(primary.fit, (fits.get(primary.fit) ?? 0) + 1);
    } else noRoute++;
    for (const s of new Set(advice.stakeholders.map((x) => x.id))) {
      stakeholders.set(s, (stakeholders.get(s) ?? 0) + 1);
    }
  }

  function errorObject(outcome: RowOutcome): object {
    return {
      schemaVersion: 1,
      ruleset: rulesetMeta,
      input: { id: outcome.id },
      error: { line: outcome.line, message: outcome.message, problems: outcome.problems ?? [] },
    };
  }

  async function* rowsOf(source: AsyncIterable<string[]>): AsyncGenerator<unknown> {
    let plan: ColumnPlan | undefined;
    let first = true;
    try {
      for await (const record of source) {
        const line = lines.start(record);
        if (!plan) {
          if (isBlank(record)) continue;
          plan = planColumns(record, rules, lang, opts.onWarning);
          if (format === 'csv') yield [...OUTPUT_COLUMNS];
          else if (format === 'json') yield '[';
          continue;
        }
        if (isBlank(record)) continue;
        const outcome = assess(plan, record, line);
        count(outcome);
        opts.onRow?.(rows);
        if (format === 'csv') {
          const cells: OutputCell[] = outcome.advice
            ? adviceCells(outcome.id, outcome.advice)
            : errorCells(outcome.id, outcome.message ?? '');
          yield cells.map(escapeFormula);
        } else {
          // the Advice with the contract's key order, as `advise --format json` writes it
          const json = outcome.advice
            ? renderJsonLine(outcome.advice)
            : `${JSON.stringify(errorObject(outcome))}\n`;
          if (format === 'ndjson') yield json;
          else {
            yield `${first ? '\n' : ',\n'}${json.slice(0, -1)}`;
            first = false;
          }
        }
      }
    } catch (e) {
      throw structuralError(e);
    }
    if (!plan) {
      throw new BatchFileError(
        undefined,
        'the file is empty: there is no header row',
        'the first row names the columns: id and question ids such as innovation_type, goal, phase',
      );
    }
    if (format === 'json') yield first ? ']\n' : '\n]\n';
  }

  function structuralError(e: unknown): unknown {
    const err = e as { code?: string };
    if (
      e instanceof BatchFileError ||
      typeof err?.code !== 'string' ||
      !err.code.startsWith('CSV_')
    )
      return e;
    const { what, todo } = describeCsvError(err.code, delimiter);
    return new BatchFileError(lines.failed(), what, todo);
  }

  const output =
    format === 'csv'
      ? [
          stringify({
            delimiter,
            bom: head.bom,
            record_delimiter: head.crlf ? 'windows' : 'unix',
          }),
          opts.output,
        ]
      : [opts.output];
  const options = { end: opts.endOutput, ...(opts.signal ? { signal: opts.signal } : {}) };
  // stream.pipeline's typings cover fixed arities only; the stages are checked above
  try {
    await (pipeline as unknown as (...stages: unknown[]) => Promise<void>)(
      stream,
      parser,
      rowsOf,
      ...output,
      options,
    );
  } catch (e) {
    // a parse error reaches pipeline from the parser itself, before the row generator sees it
    throw structuralError(e);
  }

  return {
    delimiter,
    bom: head.bom,
    crlf: head.crlf,
    summary: { rows, errorRows, byFamily, noRoute, stakeholders, errors },
  };
}

// ---------------------------------------------------------------------------------------------
// Atomic output for a stream: a temporary file next to the target, renamed over it only when
// everything was written. (src/io/atomic.ts writes whole strings; a batch output is a stream.)

export interface AtomicOutput {
  readonly stream: Writable;
  readonly tempPath: string;
  /** Flushes and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Removes the temporary file; safe to call more than once, and after commit. */
  discard(): Promise<void>;
}

export function openAtomicOutput(target: string): AtomicOutput {
  const abs = resolve(target);
  const tempPath = join(
    dirname(abs),
    `.${basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const stream = createWriteStream(tempPath, { flags: 'wx', mode: 0o666 });
  let committed = false;
  return {
    stream,
    tempPath,
    async commit() {
      const fh = await open(tempPath, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      try {
        // keep the mode of a file we replace
        await chmod(tempPath, statSync(abs).mode & 0o777);
      } catch {
        // a new file keeps the default mode
      }
      await rename(tempPath, abs);
      committed = true;
    },
    async discard() {
      if (committed) return;
      stream.destroy();
      await rm(tempPath, { force: true });
    },
  };
}
