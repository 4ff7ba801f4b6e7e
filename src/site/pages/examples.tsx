// The examples: per worked case or rule test case its answers in words and its advice (the
// summary every report opens with, the routes, the excluded routes and the warnings), and the
// index of all examples by file.
import type { VNode } from 'preact';
import { FitBadge, Section } from '../../report/html/blocks.tsx';
import { SummaryBlock } from '../../report/html/summary.tsx';
import { ui } from '../../report/ui-strings.ts';
import type { ExamplePage, SiteModel } from '../model.ts';
import { HREF } from '../names.ts';
import { siteStrings } from '../strings.ts';
import { SitePage, here } from './shell.tsx';

/** A test case's name is the rule author's, in English: marked so for a Dutch page. */
function nameLang(model: SiteModel, e: ExamplePage): 'en' | undefined {
  return e.source === 'test' && model.lang !== 'en' ? 'en' : undefined;
}

export function examplePageHtml(model: SiteModel, e: ExamplePage): VNode {
  const h = here(model, e.href);
  const { lang } = model;
  const s = siteStrings(lang);
  const u = ui(lang);
  const a = e.advice;
  return (
    <SitePage
      here={h}
      title={e.title}
      titleLang={nameLang(model, e)}
      crumbs={[{ href: HREF.examples, label: s.nav.examples }]}
      meta={
        <p class="meta">
          {s.caseFile(e.file)} · {s.adviceAsOf(e.asOf)}
        </p>
      }
    >
      {e.description ? <p lang={nameLang(model, e)}>{e.description}</p> : null}
      <Section id="answers" title={s.answersHeading}>
        {e.answerLines.length === 0 ? (
          <p>{s.noAnswers}</p>
        ) : (
          <dl>
            {e.answerLines.map((l) => (
              <div key={l.question}>
                <dt>{l.text}</dt>
                <dd>
                  {l.answer} <span class="id">{l.question}</span>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
      <Section id="advice" title={s.adviceHeading}>
        <SummaryBlock summary={e.summary} lang={lang} />
        <h3>{s.allRoutesHeading}</h3>
        {a.routes.length === 0 ? (
          <p>{s.noRoute}</p>
        ) : (
          <ol>
            {a.routes.map((r) => (
              <li key={r.id}>
                <a href={h.to(HREF.route(r.id))}>{r.title}</a>{' '}
                <FitBadge fit={r.fit} score={r.score} lang={lang} />
                {r.reasons[0] ? <p>{r.reasons[0].text}</p> : null}
              </li>
            ))}
          </ol>
        )}
        {a.excluded.length > 0 ? (
          <>
            <h3>{s.excludedHeading}</h3>
            <ul>
              {a.excluded.map((x) => (
                <li key={x.id}>
                  <a href={h.to(HREF.route(x.id))}>{x.title ?? x.id}</a>: {x.why}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {a.warnings.length > 0 ? (
          <>
            <h3>{u.warnings}</h3>
            <ul class="warnings">
              {a.warnings.map((w) => (
                <li key={w.id}>{w.text}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
    </SitePage>
  );
}

export function examplesIndexHtml(model: SiteModel): VNode {
  const h = here(model, HREF.examples);
  const s = siteStrings(model.lang);
  const worked = model.examples.filter((e) => e.source === 'worked');
  const tests = model.examples.filter((e) => e.source === 'test');
  const files = [...new Set(tests.map((e) => e.file))];
  return (
    <SitePage here={h} title={s.examplesHeading} crumbs={[]}>
      <p>{s.examplesIntro}</p>
      {worked.length > 0 ? (
        <Section id="worked" title={s.workedHeading}>
          <ul>
            {worked.map((e) => (
              <li key={e.href}>
                <a href={h.to(e.href)}>{e.title}</a>
                {e.topRoute ? <span class="muted"> → {e.topRoute.title}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {tests.length > 0 ? (
        <Section id="tests" title={s.testsHeading}>
          <p>{s.testsIntro}</p>
          {files.map((f) => (
            <div key={f}>
              <h3>{f}</h3>
              <ul>
                {tests
                  .filter((e) => e.file === f)
                  .map((e) => (
                    <li key={e.href}>
                      <a href={h.to(e.href)} lang={nameLang(model, e)}>
                        {e.title}
                      </a>
                      {e.topRoute ? <span class="muted"> → {e.topRoute.title}</span> : null}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </Section>
      ) : null}
    </SitePage>
  );
}
