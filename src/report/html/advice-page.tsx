// The advice as one HTML page to share or print: the same content as the Markdown report, the
// answer first (the summary), then the details, with three pictures where people would rather
// look than read — the route ranking, the stakeholders along the five phases, and who pays and who
// gains — each with its text equivalent next to it. Built from the components of this directory.
import type { ComponentChildren, VNode } from 'preact';
import type { Advice, Answers, Lang } from '../../core/advice.ts';
import type { Explanation } from '../../core/explain.ts';
import { PHASES } from '../../core/ids.ts';
import type { Phase } from '../../core/ids.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { stakeholdersByPhase, verifyNotes } from '../checklists.ts';
import { familyLabel, innovationName, questionText } from '../labels.ts';
import type { SourceIndex } from '../sources.ts';
import { indexSources } from '../sources.ts';
import type { Summary } from '../summary.ts';
import { summarize } from '../summary.ts';
import { ui } from '../ui-strings.ts';
import { FitBadge, Section, WarningsList } from './blocks.tsx';
import { ChangesSection } from './changes.tsx';
import { CostBenefitSection } from './cost-benefit.tsx';
import { htmlStrings } from './html-strings.ts';
import { Page, renderDocument } from './page.tsx';
import { RouteCard } from './route.tsx';
import { Cite, SourcesList } from './sources.tsx';
import { StakeholderChecklist } from './stakeholders.tsx';
import { SummaryBlock } from './summary.tsx';
import { RankingChart } from './svg-ranking.tsx';
import { PhaseTimeline } from './svg-phases.tsx';
import { DataTable } from './table.tsx';

export interface HtmlReportOptions {
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly answers?: Answers;
  /** The summary, if already made (else it is made from the advice). */
  readonly summary?: Summary;
  /** explain's result for these answers: the section "What would change the advice". */
  readonly explanation?: Explanation;
}

interface Ctx {
  readonly advice: Advice;
  readonly opts: HtmlReportOptions;
  readonly src: SourceIndex;
}

/** The page around a body: the title from the innovation's name, the rule set, the disclaimer. */
function AdvicePage(p: { readonly ctx: Ctx; readonly children?: ComponentChildren }): VNode {
  const { advice, opts } = p.ctx;
  const s = ui(opts.lang);
  const name = innovationName(opts.answers);
  return (
    <Page
      lang={opts.lang}
      title={name ? s.adviceFor(name) : s.adviceUntitled}
      meta={
        <>
          <p class="meta">{s.rulesetLine(advice.ruleset.version, advice.ruleset.asOf)}</p>
          <p class="disclaimer">{opts.rules.disclaimer[opts.lang]}</p>
        </>
      }
    >
      {p.children}
    </Page>
  );
}

function Ranking({ ctx }: { readonly ctx: Ctx }): VNode | null {
  const { advice, opts, src } = ctx;
  const { lang } = opts;
  const s = ui(lang);
  const h = htmlStrings(lang);
  if (advice.routes.length === 0) return null;
  return (
    <Section id="ranking" title={h.ranking}>
      <figure>
        <RankingChart routes={advice.routes} lang={lang} id="chart-ranking" />
        <figcaption>{h.rankingTitle}</figcaption>
      </figure>
      <DataTable
        reflow
        rows={advice.routes}
        columns={[
          { header: h.rank, num: true, cell: (_r, i) => String(i + 1) },
          {
            header: s.route,
            rowHeader: true,
            cell: (r) => (
              <>
                {r.title} <span class="id">({r.id})</span>
              </>
            ),
          },
          { header: h.family, cell: (r) => familyLabel(r.family, lang) },
          { header: s.fitHeading, cell: (r) => <FitBadge fit={r.fit} lang={lang} /> },
          { header: s.score, num: true, cell: (r) => String(r.score) },
          {
            header: s.why,
            cell: (r) =>
              r.reasons.map((x, i) => (
                <span key={i}>
                  {i > 0 ? ' ' : null}
                  {x.text}
                  <Cite src={src} sources={x.sources} lang={lang} />
                </span>
              )),
          },
          { header: s.firstStep, cell: (r) => r.steps[0] ?? '' },
        ]}
      />
    </Section>
  );
}

function Stakeholders({ ctx }: { readonly ctx: Ctx }): VNode | null {
  const { advice, opts, src } = ctx;
  const s = ui(opts.lang);
  const groups = stakeholdersByPhase(advice);
  if (groups.length === 0) return null;
  const phase = opts.answers?.phase;
  const current = (PHASES as readonly string[]).includes(phase as string)
    ? (phase as Phase)
    : undefined;
  return (
    <Section id="stakeholders" title={s.stakeholders}>
      <figure>
        <PhaseTimeline
          stakeholders={advice.stakeholders}
          {...(current ? { current } : {})}
          rules={opts.rules}
          lang={opts.lang}
          id="chart-phases"
        />
        <figcaption>{htmlStrings(opts.lang).phasesTitle}</figcaption>
      </figure>
      <p>{s.stakeholdersIntro}</p>
      <StakeholderChecklist groups={groups} rules={opts.rules} lang={opts.lang} src={src} />
    </Section>
  );
}

function Details({ ctx }: { readonly ctx: Ctx }): VNode {
  const { advice, opts, src } = ctx;
  const { rules, lang } = opts;
  const s = ui(lang);
  const [top] = advice.routes;
  const withEvidence = advice.routes.filter((r) => r.fit !== 'unlikely' || r === top);
  const notes = verifyNotes(advice, rules, lang);
  return (
    <>
      <Section id="recommendation" title={s.recommendation}>
        {top ? (
          <RouteCard route={top} advice={advice} rules={rules} lang={lang} src={src} />
        ) : (
          <p>{s.noRoute}</p>
        )}
      </Section>
      <Ranking ctx={ctx} />
      {advice.excluded.length > 0 ? (
        <Section id="excluded" title={s.excluded}>
          <DataTable
            rows={advice.excluded}
            columns={[
              {
                header: s.route,
                rowHeader: true,
                cell: (x) => (
                  <>
                    {x.title ?? x.id} <span class="id">({x.id})</span>
                  </>
                ),
              },
              {
                header: s.whyNot,
                cell: (x) => (
                  <>
                    {x.why}
                    <Cite src={src} sources={x.sources} lang={lang} />
                  </>
                ),
              },
            ]}
          />
        </Section>
      ) : null}
      <Stakeholders ctx={ctx} />
      {withEvidence.length > 0 ? (
        <Section id="evidence" title={s.evidence}>
          {withEvidence.map((r) => (
            <div key={r.id}>
              <h3>{r.title}</h3>
              {r.evidence.length === 0 ? (
                <p class="muted">{s.evidenceNone}</p>
              ) : (
                <ul>
                  {r.evidence.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </Section>
      ) : null}
      {advice.bridgeFunding.length > 0 ? (
        <Section id="bridge" title={s.bridge}>
          <p>{s.bridgeIntro}</p>
          <ul>
            {advice.bridgeFunding.map((b) => (
              <li key={b.id}>
                <strong>{b.title}</strong>
                {b.leadsTo && b.leadsTo.length > 0
                  ? ` (${s.leadsTo} ${b.leadsTo.map((f) => familyLabel(f, lang)).join(', ')})`
                  : null}
                : {b.why}
                <Cite src={src} sources={b.sources} lang={lang} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {advice.warnings.length > 0 ? (
        <Section id="warnings" title={s.warnings}>
          <WarningsList warnings={advice.warnings} src={src} lang={lang} />
        </Section>
      ) : null}
      <CostBenefitSection advice={advice} rules={rules} lang={lang} answers={opts.answers} />
      {advice.openQuestions.length > 0 ? (
        <Section id="open-questions" title={s.openQuestions}>
          <p>{s.openQuestionsIntro}</p>
          <ul>
            {advice.openQuestions.map((id) => (
              <li key={id}>
                {questionText(rules, id, lang)} <span class="id">({id})</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {opts.explanation ? (
        <ChangesSection
          explanation={opts.explanation}
          rules={rules}
          lang={lang}
          answers={opts.answers ?? {}}
        />
      ) : null}
      {src.list.length > 0 ? (
        <Section id="sources" title={s.sources}>
          <SourcesList list={src.list} note={s.sourcesNote} />
        </Section>
      ) : null}
      {notes.length > 0 ? (
        <Section id="verify" title={s.verify}>
          <p>{s.verifyIntro}</p>
          <ul class="checklist">
            {notes.map((n, i) => (
              <li key={i}>
                <input type="checkbox" id={`verify-${i}`} aria-label={n.subject} />
                <div>
                  <strong>{n.subject}</strong>: {n.note}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

function context(advice: Advice, opts: HtmlReportOptions): Ctx {
  return { advice, opts, src: indexSources(advice, opts.rules) };
}

/** The whole advice as a self-contained HTML document: the summary first, then the details. */
export function renderAdviceHtml(advice: Advice, opts: HtmlReportOptions): string {
  const ctx = context(advice, opts);
  const summary = opts.summary ?? summarize(advice, opts.rules, opts.lang);
  return renderDocument(
    <AdvicePage ctx={ctx}>
      <SummaryBlock summary={summary} lang={opts.lang} />
      <Details ctx={ctx} />
    </AdvicePage>,
  );
}

/** The summary alone (`advise --summary --format html`). */
export function renderSummaryHtml(advice: Advice, opts: HtmlReportOptions): string {
  const ctx = context(advice, opts);
  const summary = opts.summary ?? summarize(advice, opts.rules, opts.lang);
  return renderDocument(
    <AdvicePage ctx={ctx}>
      <SummaryBlock summary={summary} lang={opts.lang} />
      <p class="note">{htmlStrings(opts.lang).summaryOnly}</p>
    </AdvicePage>,
  );
}
