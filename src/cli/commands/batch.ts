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
import { basename } from 'node:path';
import type { Lang } from '../../core/advice.ts';
import { FAMILIES, FITS } from '../../core/ids.ts';
import type { BatchSummary } from '../../io/batch.ts';
import { MAX_ERROR_ROWS, runBatch } from '../../io/batch.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { familyLabel, formatCount } from '../../report/labels.ts';
import { fittedTable } from '../../report/table-fit.ts';
import { wrap } from '../../report/wrap.ts';
import type { FitCell } from '../../report/table-fit.ts';
import type * as PortfolioPage from '../../report/html/portfolio-page.tsx';
import { ui } from '../../report/ui-strings.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { reportWidth, resolveAsOf, resolveLang, resolveRulesDir, useColor } from '../options.ts';
import { checkOutputFile, outputFile } from '../output.ts';
import { rowInput, rowOptions, streamRows } from '../row-stream.ts';
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
    refuseInput: (f: string) =>
      `--out ${f} is het invoerbestand; kies een andere naam, dan blijft je spreadsheet heel`,
    someFailed: (n: number, total: number, lines: string, where: string) =>
      `${formatCount(n, 'nl')} van ${formatCount(total, 'nl')} rijen konden niet worden beoordeeld (regel ${lines}); zie ${where}`,
    errorColumn: 'de kolom error',
    errorField: 'het veld "error"',
    errorSection: 'het deel "Rijen met fouten" van de pagina',
    summaryRows: (rows: number, ok: number, err: number) =>
      `${formatCount(rows, 'nl')} rijen: ${formatCount(ok, 'nl')} beoordeeld, ${formatCount(err, 'nl')} met fouten`,
    byFamily: 'Rijen per familie (eerste route) en fit',
    family: 'familie',
    total: 'totaal',
    noRoute: '(geen route)',
    topStakeholders: 'Vaakst genoemde partijen',
    stakeholder: 'partij',
    rows: 'rijen',
    errorRows: 'Rijen met fouten',
    moreErrors: (n: string) => `… en nog ${n}`,
  },
  en: {
    refuseInput: (f: string) =>
      `--out ${f} is the input file; choose another name so that your spreadsheet stays intact`,
    someFailed: (n: number, total: number, lines: string, where: string) =>
      `${formatCount(n, 'en')} of ${formatCount(total, 'en')} rows could not be assessed (line ${lines}); see ${where}`,
    errorColumn: 'the error column',
    errorField: 'the "error" field',
    errorSection: 'the part "Rows with errors" of the page',
    summaryRows: (rows: number, ok: number, err: number) =>
      `${formatCount(rows, 'en')} rows: ${formatCount(ok, 'en')} assessed, ${formatCount(err, 'en')} with errors`,
    byFamily: 'Rows by family (first route) and fit',
    family: 'family',
    total: 'total',
    noRoute: '(no route)',
    topStakeholders: 'Most frequent stakeholders',
    stakeholder: 'stakeholder',
    rows: 'rows',
    errorRows: 'Rows with errors',
    moreErrors: (n: string) => `… and ${n} more`,
  },
} as const;

type Texts = (typeof TEXTS)[Lang];

/** How many stakeholders the summary lists. */
const TOP_STAKEHOLDERS = 10;

/** How the summary's tables look on stderr: colours, and the width they fit. */
interface TableLook {
  readonly plain: boolean;
  readonly width: number;
}

function table(look: TableLook, head: string[], rows: FitCell[][]): string {
  return fittedTable({ head, rows, ...look });
}

/** The summary on stderr, in the user's language: families, fits and stakeholders by name. */
export function formatSummary(
  summary: BatchSummary,
  look: TableLook,
  lang: Lang,
  rules: RuleSet,
): string {
  const t = TEXTS[lang];
  const s = ui(lang);
  const count = (n: number) => formatCount(n, lang);
  const ok = summary.rows - summary.errorRows;
  const parts: string[] = [t.summaryRows(summary.rows, ok, summary.errorRows)];

  const fams: FitCell[][] = [];
  for (const family of FAMILIES) {
    const fits = summary.byFamily.get(family);
    if (!fits) continue;
    const counts = FITS.map((f) => fits.get(f) ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    fams.push([familyLabel(family, lang), ...counts.map(count), count(total)]);
  }
  if (summary.noRoute > 0) fams.push([t.noRoute, '', '', '', count(summary.noRoute)]);
  if (fams.length > 0) {
    const head = [t.family, ...FITS.map((f) => s.fit[f]), t.total];
    parts.push(`${t.byFamily}\n${table(look, head, fams)}`);
  }

  const top = [...summary.stakeholders]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_STAKEHOLDERS);
  if (top.length > 0) {
    const rows = top.map(([id, n]) => [rules.stakeholders.get(id)?.name[lang] ?? id, count(n)]);
    parts.push(`${t.topStakeholders}\n${table(look, [t.stakeholder, t.rows], rows)}`);
  }

  if (summary.errorRows > 0) {
    // wrapped at words, each row's further lines indented under its first
    const lines = summary.errors.map((e) =>
      wrap(`[${e.id}] ${e.message}`, look.width, '  ', '    '),
    );
    if (summary.errorRows > summary.errors.length) {
      lines.push(`  ${t.moreErrors(count(summary.errorRows - summary.errors.length))}`);
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
  const { delimiter, jobs } = rowOptions(opts, lang);
  const rulesDir = resolveRulesDir(ctx, opts.rules, lang);
  const from = rowInput(ctx, file, lang);

  // the output: stdout, or a temporary file renamed over --out at the end; checked before the
  // rules are loaded: never the input, the rules or an odd file
  const out =
    opts.out !== undefined
      ? outputFile(ctx, opts.out, lang, {
          inputs: [from.path],
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
          from.path ? basename(file) : 'stdin',
        )
      : undefined;

  const result = await streamRows(ctx, lang, from, out, opts.progress !== false, (s) =>
    runBatch({
      rules,
      asOf,
      lang,
      format: opts.format,
      ...(delimiter ? { delimiter } : {}),
      ...s,
      jobs,
      autoJobs: opts.jobs === undefined,
      ...(from.bytes !== undefined ? { inputBytes: from.bytes } : {}),
      ...(closing ? { closing } : {}),
    }),
  );

  const { summary } = result;
  if (opts.summary) {
    // fitted to the terminal (100 columns off one); colours as everywhere (useColor)
    const look = { plain: !useColor(ctx, 'stderr', opts), width: reportWidth(ctx, 'stderr') };
    ctx.stderr.write(formatSummary(summary, look, lang, rules));
  }
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
