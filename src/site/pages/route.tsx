// A route's page: what it is and who decides, when it fits and when not (the trees' conditions in
// words), the steps, the evidence, what to watch out for, whom to involve per phase, bridge
// funding towards it, examples, the sources, its validity at the site's date and verify marks.
import type { VNode } from 'preact';
import { FitBadge, Section } from '../../report/html/blocks.tsx';
import { TreePlaceFigure } from '../../report/html/svg-site.tsx';
import { familyLabel } from '../../report/labels.ts';
import { ui } from '../../report/ui-strings.ts';
import { PHASES } from '../../core/ids.ts';
import type { RoutePage, SiteModel } from '../model.ts';
import { HREF } from '../names.ts';
import { siteStrings } from '../strings.ts';
import { LinkList, SitePage, Sources, ValidityNote, VerifyNote, WhenList, here } from './shell.tsx';
import type { Here } from './shell.tsx';

function Fits(p: { readonly r: RoutePage; readonly h: Here }): VNode {
  const { lang } = p.h.model;
  const s = siteStrings(lang);
  if (p.r.fits.length === 0) return <p>{s.noFits}</p>;
  return (
    <>
      <p>{s.fitsIntro}</p>
      {p.r.fits.map((f, i) => (
        <div class="rule" key={i}>
          <p>
            <FitBadge fit={f.fit} score={f.score} lang={lang} />{' '}
            <span class="muted">
              {s.inTree(p.h.model.families.find((x) => x.id === f.tree)?.title ?? f.tree)}
            </span>
          </p>
          <p>{s.when}:</p>
          <WhenList clauses={f.clauses} lang={lang} />
          <p>{f.reason}</p>
        </div>
      ))}
    </>
  );
}

function Excludes(p: { readonly r: RoutePage; readonly h: Here }): VNode {
  const { lang } = p.h.model;
  const s = siteStrings(lang);
  return (
    <>
      {p.r.validity?.status === 'lapsed' ? <p>{p.r.validity.why}</p> : null}
      {p.r.excludes.length === 0 ? (
        <p>{s.noExcludes}</p>
      ) : (
        <>
          <p>{s.excludesIntro}</p>
          {p.r.excludes.map((x, i) => (
            <div class="rule" key={i}>
              <WhenList clauses={x.clauses} lang={lang} />
              <p>{x.why}</p>
            </div>
          ))}
        </>
      )}
      {p.r.adjusts.length > 0 ? (
        <>
          <h3>{s.adjustsHeading}</h3>
          <p>{s.adjustsIntro}</p>
          {p.r.adjusts.map((a, i) => (
            <div class="rule" key={i}>
              <p>
                <strong>{a.add > 0 ? `+${a.add}` : String(a.add)}</strong>
              </p>
              <WhenList clauses={a.clauses} lang={lang} />
              <p>{a.reason}</p>
            </div>
          ))}
        </>
      ) : null}
    </>
  );
}

function Stakeholders(p: { readonly r: RoutePage; readonly h: Here }): VNode | null {
  const { lang } = p.h.model;
  if (p.r.stakeholders.length === 0) return null;
  return (
    <Section id="stakeholders" title={ui(lang).stakeholders}>
      {PHASES.filter((ph) => p.r.stakeholders.some((d) => d.phase === ph)).map((ph) => (
        <div key={ph}>
          <h3>{p.h.model.phases.find((x) => x.id === ph)?.title ?? ph}</h3>
          <ul>
            {p.r.stakeholders
              .filter((d) => d.phase === ph)
              .map((d) => (
                <li key={d.stakeholder.id}>
                  <a href={p.h.to(d.stakeholder.href)}>{d.stakeholder.title}</a>: {d.why}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

export function routePageHtml(model: SiteModel, r: RoutePage): VNode {
  const h = here(model, r.href);
  const { lang } = model;
  const s = siteStrings(lang);
  const u = ui(lang);
  const family = familyLabel(r.family, lang);
  return (
    <SitePage
      here={h}
      title={r.title}
      crumbs={[
        { href: HREF.routes, label: s.nav.routes },
        { href: `${HREF.routes}#${r.family}`, label: family },
      ]}
      meta={
        <p class="meta">
          {s.family}: {family} · <span class="id">{r.id}</span>
        </p>
      }
    >
      <ValidityNote validity={r.validity} lang={lang} />
      <VerifyNote verify={r.verify} lang={lang} />
      <p>{r.summary}</p>
      {r.whoDecides ? (
        <p>
          <strong>{u.whoDecides}:</strong> {r.whoDecides}
        </p>
      ) : null}
      <Section id="fits" title={s.fitsHeading}>
        <Fits r={r} h={h} />
      </Section>
      <Section id="not" title={s.excludesHeading}>
        <Excludes r={r} h={h} />
      </Section>
      {r.place ? (
        <Section id="place" title={s.placeHeading}>
          <figure>
            <TreePlaceFigure
              id="place-figure"
              title={`${s.placeHeading}: ${r.place.treeTitle}`}
              desc={s.placeDesc(r.place.treeTitle, r.place.steps.length - 1, r.place.nodes)}
              steps={r.place.steps}
            />
            <figcaption>
              {s.placeDesc(r.place.treeTitle, r.place.steps.length - 1, r.place.nodes)}
            </figcaption>
          </figure>
        </Section>
      ) : null}
      <Section id="steps" title={u.nextSteps}>
        <ol>
          {r.steps.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ol>
      </Section>
      <Section id="evidence" title={s.evidenceHeading}>
        {r.evidence.length > 0 ? (
          <ul>
            {r.evidence.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        ) : (
          <p>{u.evidenceNone}</p>
        )}
      </Section>
      {r.pitfalls.length + r.warnings.length > 0 ? (
        <Section id="warnings" title={u.warnings}>
          <ul class="warnings">
            {r.pitfalls.map((x, i) => (
              <li key={`p${i}`}>{x}</li>
            ))}
            {r.warnings.map((w) => (
              <li key={w.id}>
                {w.text}
                {w.verify.verify ? (
                  <>
                    {' '}
                    <span class="badge badge-verify">{s.verifyMark}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Stakeholders r={r} h={h} />
      {r.bridges.length > 0 ? (
        <Section id="bridge" title={s.bridgesToRoute}>
          <LinkList here={h} links={r.bridges} />
        </Section>
      ) : null}
      {r.examples.length > 0 ? (
        <Section id="examples" title={s.examplesOfRoute}>
          <LinkList here={h} links={r.examples} />
        </Section>
      ) : null}
      <Sources sources={r.sources} lang={lang} />
    </SitePage>
  );
}

export function routesIndexHtml(model: SiteModel): VNode {
  const h = here(model, HREF.routes);
  const s = siteStrings(model.lang);
  return (
    <SitePage here={h} title={s.routesHeading} crumbs={[]}>
      <p>{s.routesIntro}</p>
      {model.families.map((f) => (
        <Section key={f.id} id={f.id} title={f.label}>
          {f.description ? <p>{f.description}</p> : null}
          <ul>
            {model.routes
              .filter((r) => r.family === f.id)
              .map((r) => (
                <li key={r.id}>
                  <a href={h.to(r.href)}>{r.title}</a>
                  {r.validity?.status === 'lapsed' ? (
                    <>
                      {' '}
                      <span class="badge badge-lapsed">{s.lapsed}</span>{' '}
                      <span class="muted">{r.validity.why}</span>
                    </>
                  ) : null}
                </li>
              ))}
          </ul>
        </Section>
      ))}
    </SitePage>
  );
}
