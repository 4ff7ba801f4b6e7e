// `innoroute diff --format html`: the diff as one page of the HTML report layer — the summary
// line first, the moves of the primary route, the causes with where they are written, then every
// listed input with its changes and why (capped at MAX_LISTED, as the text and Markdown are).
import type { VNode } from 'preact';
import type { Lang } from '../../core/advice.ts';
import type { InputChange } from '../../core/diff.ts';
import type { DiffReport, LocatedCause, PrimaryMove } from '../../core/diff-report.ts';
import { locatedCause } from '../../core/diff-report.ts';
import {
  causeText,
  causeWhere,
  changeLines,
  diffTexts,
  labelText,
  sidesLine,
  summaryLine,
} from '../diff-strings.ts';
import { Section } from './blocks.tsx';
import { Page, renderDocument } from './page.tsx';
import { DataTable } from './table.tsx';

function Input(p: {
  readonly change: InputChange;
  readonly report: DiffReport;
  readonly lang: Lang;
}) {
  const t = diffTexts(p.lang);
  const why = p.change.causes.map((c) => locatedCause(p.report, c));
  return (
    <details>
      <summary>{p.change.id}</summary>
      <dl>
        {changeLines(p.change, p.lang).map(([label, value]) => [
          <dt>{label}</dt>,
          <dd>{value}</dd>,
        ])}
        <dt>{t.why}</dt>
        <dd>
          {why.length === 0 ? (
            t.notTraced
          ) : (
            <ul>
              {why.map((c) => (
                <li>
                  {causeText(c, p.lang)} (<code>{causeWhere(c)}</code>)
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </details>
  );
}

export function DiffPage(p: { readonly report: DiffReport; readonly lang: Lang }): VNode {
  const { report: r, lang } = p;
  const t = diffTexts(lang);
  return (
    <Page
      lang={lang}
      title={t.title}
      wide
      meta={
        <>
          <p class="lead">
            <strong>{summaryLine(r, lang)}</strong>
          </p>
          <p>{sidesLine(r, lang)}</p>
        </>
      }
    >
      {r.changed === 0 ? <p>{t.noChange}</p> : null}
      {r.primaries.length > 0 ? (
        <Section id="primaries" title={t.primaries}>
          <DataTable<PrimaryMove>
            columns={[
              { header: t.from, cell: (m) => labelText(m.before, lang), rowHeader: true },
              { header: t.to, cell: (m) => labelText(m.after, lang) },
              { header: t.inputs, cell: (m) => m.inputs, num: true },
            ]}
            rows={r.primaries}
          />
        </Section>
      ) : null}
      {r.causes.length > 0 ? (
        <Section id="causes" title={t.causes}>
          <DataTable<{ cause: LocatedCause; inputs: number }>
            columns={[
              { header: t.cause, cell: (c) => causeText(c.cause, lang), rowHeader: true },
              { header: t.where, cell: (c) => <code>{causeWhere(c.cause)}</code> },
              { header: t.inputs, cell: (c) => c.inputs, num: true },
            ]}
            rows={r.causes}
            reflow
          />
          {r.untraced > 0 ? <p>{t.untraced(r.untraced)}</p> : null}
        </Section>
      ) : null}
      {r.listed.length > 0 ? (
        <Section id="inputs" title={`${t.details} (${r.listed.length})`}>
          {r.listed.map((c) => (
            <Input change={c} report={r} lang={lang} />
          ))}
          {r.changed > r.listed.length ? <p>{t.more(r.changed - r.listed.length)}</p> : null}
        </Section>
      ) : null}
    </Page>
  );
}

export function renderDiffHtml(report: DiffReport, lang: Lang): string {
  return renderDocument(<DiffPage report={report} lang={lang} />);
}
