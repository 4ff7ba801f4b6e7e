// The portfolio page of `innoroute batch --format html`: one page for a whole CSV file, the
// answer first (rows, assessed, errors, the most recommended family), then rows by family and fit,
// with a picture of the same, the most frequent stakeholders, the rows with errors by their CSV
// line, and a compact list of the rows. Made from counts taken while the rows streamed (src/io/batch-summary.ts), so its size does
// not grow with the file beyond the capped lists, and it says when a list is capped.
import type { VNode } from 'preact';
import type { Lang } from '../../core/advice.ts';
import { FAMILIES, FITS } from '../../core/ids.ts';
import type { Family, Fit } from '../../core/ids.ts';
import type { PortfolioRow } from '../../core/portfolio.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { familyLabel } from '../labels.ts';
import { ui } from '../ui-strings.ts';
import { FitBadge, Section } from './blocks.tsx';
import { htmlStrings } from './html-strings.ts';
import { Page, renderDocument } from './page.tsx';
import { portfolioStrings } from './portfolio-strings.ts';
import { PortfolioChart } from './svg-portfolio.tsx';
import { DataTable } from './table.tsx';

/** The counts of a batch run (src/io/batch-summary.ts BatchSummary has this shape). */
export interface PortfolioData {
  readonly rows: number;
  readonly errorRows: number;
  readonly noRoute: number;
  readonly byFamily: ReadonlyMap<Family, ReadonlyMap<Fit, number>>;
  readonly stakeholders: ReadonlyMap<string, number>;
  readonly portfolio?: {
    readonly rows: readonly PortfolioRow[];
    readonly errors: readonly PortfolioRow[];
  };
}

export interface PortfolioOptions {
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly asOf: string;
  /** The input as the user named it (a file name, or stdin). */
  readonly source: string;
  /** Stakeholders listed (default 10). */
  readonly topStakeholders?: number;
}

const TOP_STAKEHOLDERS = 10;

function percent(n: number, of: number, lang: Lang): string {
  const p = of === 0 ? 0 : (n * 100) / of;
  return `${new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 0 }).format(p)}%`;
}

function familyRows(data: PortfolioData): { family: Family; counts: number[]; total: number }[] {
  return FAMILIES.flatMap((family) => {
    const fits = data.byFamily.get(family);
    if (!fits) return [];
    const counts = FITS.map((f) => fits.get(f) ?? 0);
    return [{ family, counts, total: counts.reduce((a, b) => a + b, 0) }];
  });
}

function InShort({ data, lang }: { readonly data: PortfolioData; readonly lang: Lang }): VNode {
  const t = portfolioStrings(lang);
  const ok = data.rows - data.errorRows;
  const top = [...familyRows(data)].sort((a, b) => b.total - a.total)[0];
  return (
    <section class="summary" aria-labelledby="in-short">
      <h2 id="in-short">{t.inShort}</h2>
      <dl>
        <div>
          <dt>{t.rowsLabel}</dt>
          <dd>{t.rows(data.rows, ok, data.errorRows)}</dd>
        </div>
        {top ? (
          <div>
            <dt>{t.mostCommon}</dt>
            <dd>{t.mostCommonText(familyLabel(top.family, lang), top.total)}</dd>
          </div>
        ) : null}
        {data.noRoute > 0 ? (
          <div>
            <dt>{t.noRouteLabel}</dt>
            <dd>{t.noRouteText(data.noRoute)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function ByFamily({ data, lang }: { readonly data: PortfolioData; readonly lang: Lang }): VNode {
  const t = portfolioStrings(lang);
  const s = ui(lang);
  type Row = { label: string; counts: (number | '')[]; total: number };
  const rows: Row[] = familyRows(data).map((r) => ({
    label: familyLabel(r.family, lang),
    counts: r.counts,
    total: r.total,
  }));
  if (data.noRoute > 0) {
    rows.push({ label: t.noRoute, counts: FITS.map(() => ''), total: data.noRoute });
  }
  const ok = data.rows - data.errorRows;
  const fitTotals = FITS.map((_f, i) => rows.reduce((a, r) => a + (Number(r.counts[i]) || 0), 0));
  if (rows.length === 0) {
    return (
      <Section id="by-family" title={t.byFamily}>
        <p>{t.noRows}</p>
      </Section>
    );
  }
  return (
    <Section id="by-family" title={t.byFamily}>
      <p>{t.byFamilyIntro}</p>
      <figure>
        <PortfolioChart
          bars={rows.map((r) => ({
            label: r.label,
            counts: r.counts.map((c) => (c === '' ? 0 : c)),
            total: r.total,
          }))}
          lang={lang}
          id="chart-portfolio"
        />
        <figcaption>{t.chartTitle}</figcaption>
      </figure>
      <DataTable
        rows={rows}
        columns={[
          { header: t.family, rowHeader: true, cell: (r) => r.label },
          ...FITS.map((f, i) => ({
            header: s.fit[f],
            num: true,
            cell: (r: Row) => String(r.counts[i]),
          })),
          { header: t.total, num: true, cell: (r) => String(r.total) },
        ]}
        footer={[t.total, ...fitTotals.map(String), String(ok)]}
      />
    </Section>
  );
}

function Stakeholders(p: {
  readonly data: PortfolioData;
  readonly opts: PortfolioOptions;
}): VNode | null {
  const { data, opts } = p;
  const t = portfolioStrings(opts.lang);
  const top = [...data.stakeholders]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, opts.topStakeholders ?? TOP_STAKEHOLDERS);
  if (top.length === 0) return null;
  const ok = data.rows - data.errorRows;
  return (
    <Section id="stakeholders" title={t.topStakeholders}>
      <p>{t.topIntro(top.length)}</p>
      <DataTable
        rows={top}
        columns={[
          {
            header: t.stakeholder,
            rowHeader: true,
            cell: ([id]) => opts.rules.stakeholders.get(id)?.name[opts.lang] ?? id,
          },
          { header: t.rowCount, num: true, cell: ([, n]) => String(n) },
          { header: t.share, num: true, cell: ([, n]) => percent(n, ok, opts.lang) },
        ]}
      />
    </Section>
  );
}

function Errors({ data, lang }: { readonly data: PortfolioData; readonly lang: Lang }): VNode {
  const t = portfolioStrings(lang);
  const errors = data.portfolio?.errors ?? [];
  return (
    <Section id="errors" title={t.errors}>
      {data.errorRows === 0 ? (
        <p>{t.errorsNone}</p>
      ) : (
        <>
          <DataTable
            reflow
            rows={errors}
            columns={[
              { header: t.line, num: true, cell: (r) => String(r.line) },
              { header: t.id, rowHeader: true, cell: (r) => r.id },
              { header: t.message, cell: (r) => r.error ?? '' },
            ]}
          />
          {data.errorRows > errors.length ? (
            <p class="note">{t.errorsCapped(errors.length, data.errorRows)}</p>
          ) : null}
        </>
      )}
    </Section>
  );
}

function RowList(p: {
  readonly data: PortfolioData;
  readonly opts: PortfolioOptions;
}): VNode | null {
  const { data, opts } = p;
  const { lang, rules } = opts;
  const t = portfolioStrings(lang);
  const rows = data.portfolio?.rows ?? [];
  if (rows.length === 0) return null;
  return (
    <Section id="rows" title={t.rowList}>
      <p>{t.rowListIntro}</p>
      <DataTable
        reflow
        rows={rows}
        columns={[
          { header: t.line, num: true, cell: (r) => String(r.line) },
          {
            header: t.id,
            rowHeader: true,
            cell: (r) => (r.name ? `${r.id} · ${r.name}` : r.id),
          },
          {
            header: t.route,
            cell: (r) =>
              r.error !== undefined
                ? t.error
                : r.route
                  ? (rules.routes.get(r.route.id)?.title[lang] ?? r.route.id)
                  : t.noRoute,
          },
          {
            header: t.fit,
            cell: (r) =>
              r.route ? <FitBadge fit={r.route.fit} score={r.route.score} lang={lang} /> : '',
          },
          { header: t.warnings, num: true, cell: (r) => (r.error ? '' : String(r.warnings)) },
          {
            header: t.openQuestions,
            num: true,
            cell: (r) => (r.error ? '' : String(r.openQuestions)),
          },
          { header: t.wrongPocket, cell: (r) => (r.wrongPocket ? t.yes : '') },
        ]}
      />
      {data.rows > rows.length ? <p class="note">{t.rowsCapped(rows.length, data.rows)}</p> : null}
    </Section>
  );
}

/** The portfolio of a batch run as a self-contained HTML document. */
export function renderPortfolioHtml(data: PortfolioData, opts: PortfolioOptions): string {
  const s = ui(opts.lang);
  const t = portfolioStrings(opts.lang);
  const h = htmlStrings(opts.lang);
  return renderDocument(
    <Page
      lang={opts.lang}
      title={t.title(opts.source)}
      wide
      meta={
        <>
          <p class="meta">{s.rulesetLine(opts.rules.version, opts.asOf)}</p>
          <p class="disclaimer">{opts.rules.disclaimer[opts.lang]}</p>
        </>
      }
      footer={<p>{h.generated(opts.rules.version, opts.asOf)}</p>}
    >
      <InShort data={data} lang={opts.lang} />
      <ByFamily data={data} lang={opts.lang} />
      <Stakeholders data={data} opts={opts} />
      <Errors data={data} lang={opts.lang} />
      <RowList data={data} opts={opts} />
    </Page>,
  );
}
