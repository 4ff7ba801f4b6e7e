// `innoroute batch <file.csv>`: one advice per row, streamed. This file deals with the outside
// world — the input file or stdin, --out written atomically, the progress line, Ctrl+C, a closed
// pipe, the summary — and leaves the rows to src/io/batch.ts.
//
// What a user can rely on (for the README):
// - Input: UTF-8 with or without BOM; `,` `;` or tab, detected from the header line (the most
//   frequent outside quotes; `--delimiter , ; tab` overrides); UTF-16 with a BOM is decoded; any
//   mix of CRLF, LF and CR; quoted values may hold line breaks. A spreadsheet or binary file, or a
//   header naming no question, stops with exit 2 (src/io/sniff.ts, batch-header.ts). Columns
//   are question ids (case-insensitive, trimmed) plus an optional `id`;
//   unknown columns get one warning each at the start and are ignored. Empty lines and lines of
//   only delimiters are not rows.
// - Every row gives exactly one output row, in input order. `id` is the row's id cell, or, when
//   there is no id column or the cell is empty, the row's line number in the file (the line it
//   starts on in a text editor; Excel's row number too, as long as no cell above holds a line
//   break). A row with an invalid cell or the wrong number of
//   values gets status=error, empty advice columns and a message that names the line, and each
//   bad cell with its value and the valid options; it is not assessed with the other cells.
// - Output CSV mirrors the input: same delimiter, a BOM when the input had one, CRLF when the
//   input used it (so Excel opens what it wrote). Lists are joined with `|`. Text cells that
//   start with = + - @ tab or CR get a leading ' (formula injection); numbers innoroute computes
//   (score, wrong_pocket_amount: the sum of the negative nets, in whole euros) are never escaped.
// - A file that is not valid CSV (an unclosed quote) stops with exit 2 and `file:LINE:`. With
//   --out nothing is left behind (a temporary file next to the target is renamed only at the
//   end); on stdout the rows already written stay written.
// - Rows are assessed by several threads (--jobs; by default one per CPU, at most 4, for a file
//   of 1 MiB or more, or past 3,072 rows of stdin) and written in input order: the output does
//   not depend on the number.
// - Exit codes (contract §5): 0 every row assessed, 1 some rows could not be, 2 the file could not
//   be read as a batch file, --out cannot be written, or bad usage; 130 Ctrl+C, 143 SIGTERM,
//   129 SIGHUP, 131 SIGQUIT (src/cli/signals.ts: the worker threads are stopped and no temporary
//   file is left). A reader that stops early (`| head`) ends the run quietly with 141 (128 +
//   SIGPIPE, as any Unix tool whose reader has gone).
import Table from 'cli-table3';
import { createReadStream, ReadStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { basename, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Lang } from '../../core/advice.ts';
import { FAMILIES, FITS } from '../../core/ids.ts';
import type { AtomicOutput } from '../../io/atomic.ts';
import type { BatchSummary } from '../../io/batch.ts';
import { BatchFileError, defaultJobs, MAX_ERROR_ROWS, runBatch } from '../../io/batch.ts';
import type { Delimiter } from '../../io/csv.ts';
import { parseDelimiterOption } from '../../io/csv.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { familyLabel } from '../../report/labels.ts';
import type * as PortfolioPage from '../../report/html/portfolio-page.tsx';
import { ui } from '../../report/ui-strings.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { ExitError, UsageError } from '../errors.ts';
import { resolveAsOf, resolveLang, resolveRulesDir } from '../options.ts';
import {
  cannotWrite,
  checkOutputFile,
  openOutputFile,
  outputFile,
  StdoutError,
} from '../output.ts';
import { catchSignals } from '../signals.ts';
import { loadRuleSet } from '../../io/rules.ts';

/** What `innoroute batch` takes, as commander parses it (main.ts declares the flags). */
export interface BatchOptions extends GlobalOptions {
  readonly format: 'csv' | 'ndjson' | 'json' | 'html';
  readonly out?: string;
  readonly delimiter?: string;
  readonly summary?: boolean;
  readonly progress?: boolean;
  readonly jobs?: string;
}

const TEXTS = {
  nl: {
    cannotRead: (f: string, why: string) => `kan ${f} niet lezen: ${why}`,
    noSuchFile: 'het bestand bestaat niet',
    isDirectory: 'het is een map, geen bestand',
    refuseInput: (f: string) =>
      `--out ${f} is het invoerbestand; kies een andere naam, dan blijft je spreadsheet heel`,
    badDelimiter: (v: string) => `--delimiter kent , ; of tab; niet "${v}"`,
    badJobs: (v: string) =>
      `--jobs verwacht een geheel getal van 1 tot en met ${MAX_JOBS}; niet "${v}"`,
    progress: (rows: number, rate: number, percent: number | undefined) =>
      `${rows.toLocaleString('nl-NL')} rijen${percent !== undefined ? ` (${percent}%)` : ''}, ${rate.toLocaleString('nl-NL')} rijen/s`,
    someFailed: (n: number, total: number, lines: string, where: string) =>
      `${n} van ${total} rijen konden niet worden beoordeeld (regel ${lines}); zie ${where}`,
    errorColumn: 'de kolom error',
    errorField: 'het veld "error"',
    errorSection: 'het deel "Rijen met fouten" van de pagina',
    summaryRows: (rows: number, ok: number, err: number) =>
      `${rows} rijen: ${ok} beoordeeld, ${err} met fouten`,
    byFamily: 'Rijen per familie (eerste route) en fit',
    family: 'familie',
    total: 'totaal',
    noRoute: '(geen route)',
    topStakeholders: 'Vaakst genoemde partijen',
    stakeholder: 'partij',
    rows: 'rijen',
    errorRows: 'Rijen met fouten',
    moreErrors: (n: number) => `… en nog ${n}`,
  },
  en: {
    cannotRead: (f: string, why: string) => `cannot read ${f}: ${why}`,
    noSuchFile: 'no such file',
    isDirectory: 'it is a directory, not a file',
    refuseInput: (f: string) =>
      `--out ${f} is the input file; choose another name so that your spreadsheet stays intact`,
    badDelimiter: (v: string) => `--delimiter takes , ; or tab; got "${v}"`,
    badJobs: (v: string) => `--jobs takes a whole number from 1 to ${MAX_JOBS}; got "${v}"`,
    progress: (rows: number, rate: number, percent: number | undefined) =>
      `${rows.toLocaleString('en')} rows${percent !== undefined ? ` (${percent}%)` : ''}, ${rate.toLocaleString('en')} rows/s`,
    someFailed: (n: number, total: number, lines: string, where: string) =>
      `${n} of ${total} rows could not be assessed (line ${lines}); see ${where}`,
    errorColumn: 'the error column',
    errorField: 'the "error" field',
    errorSection: 'the part "Rows with errors" of the page',
    summaryRows: (rows: number, ok: number, err: number) =>
      `${rows} rows: ${ok} assessed, ${err} with errors`,
    byFamily: 'Rows by family (first route) and fit',
    family: 'family',
    total: 'total',
    noRoute: '(no route)',
    topStakeholders: 'Most frequent stakeholders',
    stakeholder: 'stakeholder',
    rows: 'rows',
    errorRows: 'Rows with errors',
    moreErrors: (n: number) => `… and ${n} more`,
  },
} as const;

type Texts = (typeof TEXTS)[Lang];

/** How many stakeholders the summary lists. */
const TOP_STAKEHOLDERS = 10;
/** `--jobs` at most. */
const MAX_JOBS = 64;

/** The progress line is redrawn at most this often. */
const PROGRESS_INTERVAL_MS = 100;

function errnoReason(e: unknown, t: Texts): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return t.noSuchFile;
  if (code === 'EISDIR') return t.isDirectory;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error)?.message ?? String(e);
}

/**
 * A progress line on stderr, redrawn at most 10 times a second, cleared at the end. `done` is the
 * part of the input read so far (0 to 1), when it is known: a file.
 */
function progressLine(
  ctx: CliContext,
  t: Texts,
  done: (() => number) | undefined,
): { row: (n: number) => void; clear: () => void } {
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    row(n) {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      const rate = Math.round((n * 1000) / Math.max(1, now - started));
      const percent = done ? Math.min(99, Math.floor(done() * 100)) : undefined;
      ctx.stderr.write(`\r\x1b[K${t.progress(n, rate, percent)}`);
      shown = true;
    },
    clear() {
      if (shown) ctx.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

function table(ctx: CliContext, head: string[]): Table.Table {
  const plain = !ctx.stderr.isTTY;
  return new Table({
    head,
    style: plain ? { head: [], border: [] } : {},
  });
}

/** The summary on stderr, in the user's language: families, fits and stakeholders by name. */
export function formatSummary(
  summary: BatchSummary,
  ctx: CliContext,
  lang: Lang,
  rules: RuleSet,
): string {
  const t = TEXTS[lang];
  const s = ui(lang);
  const ok = summary.rows - summary.errorRows;
  const parts: string[] = [t.summaryRows(summary.rows, ok, summary.errorRows)];

  const fams = table(ctx, [t.family, ...FITS.map((f) => s.fit[f]), t.total]);
  for (const family of FAMILIES) {
    const fits = summary.byFamily.get(family);
    if (!fits) continue;
    const counts = FITS.map((f) => fits.get(f) ?? 0);
    fams.push([familyLabel(family, lang), ...counts, counts.reduce((a, b) => a + b, 0)]);
  }
  if (summary.noRoute > 0) fams.push([t.noRoute, '', '', '', summary.noRoute]);
  if (fams.length > 0) parts.push(`${t.byFamily}\n${fams.toString()}`);

  const top = [...summary.stakeholders]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_STAKEHOLDERS);
  if (top.length > 0) {
    const st = table(ctx, [t.stakeholder, t.rows]);
    for (const [id, n] of top) st.push([rules.stakeholders.get(id)?.name[lang] ?? id, n]);
    parts.push(`${t.topStakeholders}\n${st.toString()}`);
  }

  if (summary.errorRows > 0) {
    const lines = summary.errors.map((e) => `  [${e.id}] ${e.message}`);
    if (summary.errorRows > summary.errors.length) {
      lines.push(`  ${t.moreErrors(summary.errorRows - summary.errors.length)}`);
    }
    parts.push(`${t.errorRows}\n${lines.join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Where the output shows a row's error. */
function whereErrors(format: BatchOptions['format'], t: Texts): string {
  if (format === 'csv') return t.errorColumn;
  return format === 'html' ? t.errorSection : t.errorField;
}

type PortfolioModule = typeof PortfolioPage;

/** The portfolio page of --format html, from the summary of the run. */
function portfolioPage(
  page: PortfolioModule,
  rules: RuleSet,
  lang: Lang,
  asOf: string,
  source: string,
): (summary: BatchSummary) => string {
  return (summary) =>
    page.renderPortfolioHtml(summary, {
      rules,
      lang,
      asOf,
      source,
      topStakeholders: TOP_STAKEHOLDERS,
    });
}

export async function run(file: string, opts: BatchOptions, ctx: CliContext): Promise<number> {
  const lang = resolveLang(ctx, opts.lang);
  const t = TEXTS[lang];
  const asOf = resolveAsOf(opts.asOf, lang);
  let delimiter: Delimiter | undefined;
  if (opts.delimiter !== undefined) {
    delimiter = parseDelimiterOption(opts.delimiter);
    if (!delimiter) throw new UsageError(t.badDelimiter(opts.delimiter));
  }
  let jobs = defaultJobs();
  if (opts.jobs !== undefined) {
    const n = /^\s*\d+\s*$/.test(opts.jobs) ? Number(opts.jobs) : NaN;
    if (!(n >= 1 && n <= MAX_JOBS)) throw new UsageError(t.badJobs(opts.jobs));
    jobs = n;
  }
  const rulesDir = resolveRulesDir(ctx, opts.rules, lang);

  // the input: a file, or stdin for "-"
  const fromStdin = file === '-';
  const inputPath = fromStdin ? undefined : resolve(ctx.cwd, file);
  const label = fromStdin ? 'stdin' : file;
  let inputBytes: number | undefined;
  if (inputPath) {
    try {
      const st = statSync(inputPath);
      if (st.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
      if (st.isFile()) inputBytes = st.size;
    } catch (e) {
      throw new UsageError(t.cannotRead(file, errnoReason(e, t)));
    }
  }

  // the output: stdout, or a temporary file renamed over --out at the end; checked before the
  // rules are loaded: never the input, the rules or an odd file
  const out =
    opts.out !== undefined
      ? outputFile(ctx, opts.out, lang, {
          inputs: [inputPath],
          rulesDir,
          isInput: t.refuseInput,
        })
      : undefined;
  if (out) checkOutputFile(out);
  const rules = await loadRuleSet(rulesDir, { env: ctx.env });
  // html: one page, made at the end from the counts taken while the rows streamed
  const closing =
    opts.format === 'html'
      ? portfolioPage(
          await import('../../report/html/portfolio-page.tsx'),
          rules,
          lang,
          asOf,
          fromStdin ? 'stdin' : basename(file),
        )
      : undefined;

  // From here on a temporary file may exist: a signal must go through the cleanup below.
  const signals = catchSignals();
  const abort = signals.signal;
  const input: Readable = inputPath ? createReadStream(inputPath) : (ctx.stdin as Readable);
  // which side failed: a failing output destroys the input too, with the same error
  let inputError: unknown;
  let outputError: unknown;
  input.on('error', (e) => (inputError ??= e));
  // an input that sends nothing (stdin left open) must not keep Ctrl+C waiting
  abort.addEventListener('abort', () => input.destroy(), { once: true });
  // how far into a file: the bytes read (a little ahead of the rows done) against its size
  const read =
    input instanceof ReadStream && inputBytes ? () => input.bytesRead / inputBytes : undefined;
  const progress =
    ctx.stderr.isTTY && opts.progress !== false ? progressLine(ctx, t, read) : undefined;
  let atomic: AtomicOutput | undefined;

  let result;
  try {
    if (out) {
      atomic = openOutputFile(out);
      atomic.stream.on('error', (e) => (outputError ??= e));
      await once(atomic.stream, 'open');
    } else {
      ctx.stdout.on('error', (e) => (outputError ??= e));
    }
    signals.throwIfSignalled();
    result = await runBatch({
      rules,
      asOf,
      lang,
      format: opts.format,
      ...(delimiter ? { delimiter } : {}),
      input,
      output: atomic ? atomic.stream : ctx.stdout,
      endOutput: atomic !== undefined,
      onWarning: (m) => {
        progress?.clear();
        ctx.stderr.write(`innoroute: ${label}: ${m}\n`);
      },
      ...(progress ? { onRow: progress.row } : {}),
      signal: abort,
      jobs,
      autoJobs: opts.jobs === undefined,
      ...(inputBytes !== undefined ? { inputBytes } : {}),
      ...(closing ? { closing } : {}),
    });
    signals.throwIfSignalled();
    await atomic?.commit();
    // a signal while the output was put in place: it is complete, but the run still ends as
    // signalled (128 + n), as it would have a moment earlier
    signals.throwIfSignalled();
  } catch (e) {
    progress?.clear();
    await atomic?.discard();
    if (inputPath) input.destroy();
    signals.throwIfSignalled();
    if (e instanceof BatchFileError) {
      throw new UsageError(
        `${label}${e.line !== undefined ? `:${e.line}` : ''}: ${e.what}; ${e.todo}`,
      );
    }
    if (e instanceof ExitError) throw e;
    // the output first: when it fails, the pipeline hands its error to the input as well
    if (outputError !== undefined) {
      // `| head`, or a full disk under stdout: main.ts says it (or, for `| head`, nothing)
      if (!atomic) throw new StdoutError(outputError, lang);
      throw new UsageError(cannotWrite(outputError, opts.out!, lang));
    }
    if (inputError !== undefined) throw new UsageError(t.cannotRead(label, errnoReason(e, t)));
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code && /^E[A-Z]+$/.test(code)) {
      throw atomic ? new UsageError(cannotWrite(e, opts.out!, lang)) : new StdoutError(e, lang);
    }
    throw e;
  } finally {
    signals.close();
  }
  progress?.clear();

  const { summary } = result;
  if (opts.summary) ctx.stderr.write(formatSummary(summary, ctx, lang, rules));
  if (summary.errorRows > 0) {
    const shown = summary.errors.slice(0, MAX_ERROR_ROWS).map((e) => e.line);
    const lines = shown.join(', ') + (summary.errorRows > shown.length ? ', …' : '');
    ctx.stderr.write(
      `innoroute: ${t.someFailed(summary.errorRows, summary.rows, lines, whereErrors(opts.format, t))}\n`,
    );
    return 1;
  }
  return 0;
}
