// The start page (the five families and the cost/benefit question, what each pays for, where to
// find your own route, and what the site is built from), the wizard instructions, the list of all
// pages (where the search form goes without script) and the borders between the families.
import type { VNode } from 'preact';
import { Section } from '../../report/html/blocks.tsx';
import { FamiliesFigure } from '../../report/html/svg-site.tsx';
import { familyLabel } from '../../report/labels.ts';
import type { SiteModel } from '../model.ts';
import { HREF } from '../names.ts';
import { shortHash } from '../site-model.ts';
import { siteStrings } from '../strings.ts';
import { LinkList, SitePage, here } from './shell.tsx';

export function indexHtml(model: SiteModel): VNode {
  const h = here(model, HREF.index);
  const s = siteStrings(model.lang);
  const r = model.ruleset;
  return (
    <SitePage here={h} title={s.indexHeading}>
      <p>{s.indexIntro}</p>
      <p class="disclaimer">{r.disclaimer}</p>
      <Section id="families" title={s.familiesHeading}>
        <figure>
          <FamiliesFigure
            id="families-figure"
            title={s.familiesFigure}
            desc={s.familiesFigureDesc}
            families={model.families.map((f) => ({
              label: f.label,
              count: s.routesOf(f.routes.length),
            }))}
            costBenefit={s.costBenefitHeading}
          />
        </figure>
        <ul class="families">
          {model.families.map((f) => (
            <li key={f.id}>
              <h3>
                <a href={h.to(`${HREF.routes}#${f.id}`)}>{f.label}</a>
              </h3>
              {f.description ? <p>{f.description}</p> : null}
              <details>
                <summary>{s.routesOf(f.routes.length)}</summary>
                <LinkList here={h} links={f.routes} />
              </details>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="cost-benefit" title={s.costBenefitHeading}>
        {model.costBenefit.description ? <p>{model.costBenefit.description}</p> : null}
        {model.costBenefit.arrangements.length > 0 ? (
          <>
            <p>{s.arrangementsIntro}</p>
            <ul>
              {model.costBenefit.arrangements.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      <Section id="your-route" title={s.findYourRoute}>
        <p>{s.findYourRouteText}</p>
        <p>
          <a href={h.to(HREF.wizard)}>{s.wizardLink}</a>
        </p>
      </Section>
      <Section id="more" title={s.moreHeading}>
        <ul>
          <li>
            <a href={h.to(HREF.borders)}>{s.more.borders}</a>
          </li>
          <li>
            <a href={h.to(HREF.examples)}>{s.more.examples}</a>
          </li>
          <li>
            <a href={h.to(HREF.phases)}>{s.more.phases}</a>
          </li>
          <li>
            <a href={h.to(HREF.stakeholders)}>{s.more.stakeholders}</a>
          </li>
          <li>
            <a href={h.to(HREF.bridges)}>{s.more.bridges}</a>
          </li>
          <li>
            <a href={h.to(HREF.pages)}>{s.more.pages}</a>
          </li>
        </ul>
      </Section>
      <Section id="built" title={s.indexBuilt}>
        <p>{s.builtFrom(r.name, r.version, shortHash(r.hash), model.asOf)}</p>
        <p>
          <code>{r.hash}</code>
        </p>
        {r.reviewed ? <p>{s.reviewed(r.reviewed)}</p> : null}
      </Section>
    </SitePage>
  );
}

export function wizardHtml(model: SiteModel): VNode {
  const h = here(model, HREF.wizard);
  const s = siteStrings(model.lang);
  return (
    <SitePage here={h} title={s.wizardHeading} crumbs={[]}>
      {s.wizardParagraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <ol>
        {s.wizardCommands.map((c) => (
          <li key={c.command}>
            {c.text} <code>{c.command}</code>
          </li>
        ))}
      </ol>
    </SitePage>
  );
}

export function pagesHtml(model: SiteModel): VNode {
  const h = here(model, HREF.pages);
  const s = siteStrings(model.lang);
  const kinds = [...new Set(model.search.map((e) => e.k))];
  return (
    <SitePage here={h} title={s.pagesHeading} crumbs={[]}>
      <p>{s.pagesIntro}</p>
      {kinds.map((k, i) => (
        <Section key={k} id={`kind-${i}`} title={k}>
          <LinkList
            here={h}
            links={model.search.filter((e) => e.k === k).map((e) => ({ href: e.u, title: e.t }))}
          />
        </Section>
      ))}
    </SitePage>
  );
}

export function bordersHtml(model: SiteModel): VNode {
  const h = here(model, HREF.borders);
  const { lang } = model;
  const s = siteStrings(lang);
  return (
    <SitePage here={h} title={s.bordersHeading} crumbs={[]}>
      <p>{s.bordersIntro}</p>
      {model.borders.map((b) => (
        <Section
          key={b.families.join('-')}
          id={`${b.families[0]}--${b.families[1]}`}
          title={s.borderPair(familyLabel(b.families[0], lang), familyLabel(b.families[1], lang))}
        >
          {b.questions.map((q) => (
            <div class="rule" key={q.question}>
              <h3>
                {s.decidingQuestion}: {q.text}
              </h3>
              {q.help ? <p class="muted">{q.help}</p> : null}
              <p>{s.rulesSay}:</p>
              <ul>
                {q.decisions.map((d, i) => (
                  <li key={i}>
                    {d.why}{' '}
                    <span class="muted">
                      (
                      {d.routes.map((r, k) => (
                        <span key={r.href}>
                          {k > 0 ? ', ' : ''}
                          <a href={h.to(r.href)}>{r.title}</a>
                        </span>
                      ))}
                      )
                    </span>
                  </li>
                ))}
              </ul>
              {q.examples.length > 0 ? (
                <>
                  <p>{s.borderExamples}:</p>
                  <ul>
                    {q.examples.map((e) => (
                      <li key={e.href}>
                        <a href={h.to(e.href)} lang={lang === 'en' ? undefined : 'en'}>
                          {e.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </Section>
      ))}
    </SitePage>
  );
}
