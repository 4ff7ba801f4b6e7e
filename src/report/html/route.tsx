// A route as a card: its title, fit and family, what it is, the first step, whom to call first
// and who decides, why (with sources), the steps, the pitfalls. The recommended route of the
// advice page; the static site can show any route with it.
import type { VNode } from 'preact';
import type { Advice, AdvisedRoute, Lang } from '../../core/advice.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { partyToCall } from '../checklists.ts';
import { familyLabel } from '../labels.ts';
import type { SourceIndex } from '../sources.ts';
import { ui } from '../ui-strings.ts';
import { FitBadge } from './blocks.tsx';
import { Cite } from './sources.tsx';

export interface RouteCardProps {
  readonly route: AdvisedRoute;
  readonly advice: Advice;
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly src: SourceIndex;
}

export function RouteCard({ route: r, advice, rules, lang, src }: RouteCardProps): VNode {
  const s = ui(lang);
  const call = partyToCall(advice, rules, r, lang);
  const [step] = r.steps;
  return (
    <article class="card" aria-labelledby={`route-${r.id}`}>
      <h3 id={`route-${r.id}`}>{r.title}</h3>
      <p>
        {s.fitHeading}: <FitBadge fit={r.fit} score={r.score} lang={lang} /> ·{' '}
        {familyLabel(r.family, lang)} · <code>{r.id}</code>
      </p>
      {r.summary ? <p>{r.summary}</p> : null}
      {step ? (
        <p>
          <strong>{s.firstStep}:</strong> {step}
        </p>
      ) : null}
      {call ? (
        <p>
          <strong>{s.callFirst}:</strong> {call.name} — {call.why}
        </p>
      ) : null}
      {r.whoDecides ? (
        <p>
          <strong>{s.whoDecides}:</strong> {r.whoDecides}
        </p>
      ) : null}
      {r.reasons.length > 0 ? (
        <>
          <h4>{s.why}</h4>
          <ul>
            {r.reasons.map((x, i) => (
              <li key={i}>
                {x.text}
                <Cite src={src} sources={x.sources} lang={lang} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {r.steps.length > 1 ? (
        <>
          <h4>{s.nextSteps}</h4>
          <ol>
            {r.steps.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ol>
        </>
      ) : null}
      {r.pitfalls && r.pitfalls.length > 0 ? (
        <>
          <h4>{s.pitfalls}</h4>
          <ul>
            {r.pitfalls.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </>
      ) : null}
      {r.sources && r.sources.length > 0 ? (
        <p class="note">
          {s.sources}:<Cite src={src} sources={r.sources} lang={lang} />
        </p>
      ) : null}
    </article>
  );
}
