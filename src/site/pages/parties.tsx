// The pages of the parties (who they are, when to involve them, which routes need them), of the
// bridge instruments (what they pay for, where they lead, when the rules name them, validity),
// the phase checklists, and the index of each.
import type { VNode } from 'preact';
import { Section } from '../../report/html/blocks.tsx';
import { familyLabel } from '../../report/labels.ts';
import { ui } from '../../report/ui-strings.ts';
import type { BridgePage, PhasePage, SiteModel, StakeholderPage } from '../model.ts';
import { HREF } from '../names.ts';
import { siteStrings } from '../strings.ts';
import { LinkList, SitePage, Sources, ValidityNote, VerifyNote, WhenList, here } from './shell.tsx';

export function stakeholderPageHtml(model: SiteModel, p: StakeholderPage): VNode {
  const h = here(model, p.href);
  const { lang } = model;
  const s = siteStrings(lang);
  return (
    <SitePage
      here={h}
      title={p.name}
      crumbs={[{ href: HREF.stakeholders, label: s.nav.stakeholders }]}
    >
      <VerifyNote verify={p.verify} lang={lang} />
      <p>{p.role}</p>
      {p.when ? (
        <p>
          <strong>{s.whenInvolve}:</strong> {p.when}
        </p>
      ) : null}
      {p.bring.length > 0 ? (
        <Section id="bring" title={ui(lang).bring}>
          <ul>
            {p.bring.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="routes" title={s.routesNeeding}>
        {p.routes.length === 0 ? (
          <p>{s.noRoutesNeeding}</p>
        ) : (
          <ul>
            {p.routes.map((r) => (
              <li key={`${r.href}@${r.phase}`}>
                <a href={h.to(r.href)}>{r.title}</a> ({phaseLabel2(model, r.phase)}): {r.why}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {p.trees.length > 0 ? (
        <Section id="trees" title={s.alsoInTrees}>
          {p.trees.map((t, i) => (
            <div class="rule" key={i}>
              <p>
                <span class="muted">{s.inTree(t.title)}</span> ({phaseLabel2(model, t.phase)})
              </p>
              <p>{s.when}:</p>
              <WhenList clauses={t.clauses} lang={lang} />
              <p>{t.why}</p>
            </div>
          ))}
        </Section>
      ) : null}
      <Sources sources={p.sources} lang={lang} />
    </SitePage>
  );
}

function phaseLabel2(model: SiteModel, phase: string): string {
  return model.phases.find((x) => x.id === phase)?.title ?? phase;
}

export function bridgePageHtml(model: SiteModel, b: BridgePage): VNode {
  const h = here(model, b.href);
  const { lang } = model;
  const s = siteStrings(lang);
  return (
    <SitePage here={h} title={b.title} crumbs={[{ href: HREF.bridges, label: s.nav.bridges }]}>
      <ValidityNote validity={b.validity} lang={lang} />
      <VerifyNote verify={b.verify} lang={lang} />
      <p>{b.why}</p>
      {b.leadsTo.length > 0 ? (
        <p>
          <strong>{s.leadsTo}:</strong>{' '}
          {b.leadsTo.map((f, i) => (
            <span key={f}>
              {i > 0 ? ', ' : ''}
              <a href={h.to(`${HREF.routes}#${f}`)}>{familyLabel(f, lang)}</a>
            </span>
          ))}
        </p>
      ) : null}
      <Section id="offered" title={s.offeredHeading}>
        {b.offered.length === 0 ? (
          <p>{s.notOffered}</p>
        ) : (
          b.offered.map((o, i) => (
            <div class="rule" key={i}>
              <p class="muted">
                {s.inTree(model.families.find((f) => f.id === o.tree)?.title ?? o.tree)}
              </p>
              <WhenList clauses={o.clauses} lang={lang} />
            </div>
          ))
        )}
      </Section>
      <Sources sources={b.sources} lang={lang} />
    </SitePage>
  );
}

export function stakeholdersIndexHtml(model: SiteModel): VNode {
  const h = here(model, HREF.stakeholders);
  const s = siteStrings(model.lang);
  const links = [...model.stakeholders]
    .map((p) => ({ href: p.href, title: p.name }))
    .sort((a, b) => a.title.localeCompare(b.title, model.lang));
  return (
    <SitePage here={h} title={s.stakeholdersHeading} crumbs={[]}>
      <p>{s.stakeholdersIntro}</p>
      <LinkList here={h} links={links} class="columns" />
    </SitePage>
  );
}

export function bridgesIndexHtml(model: SiteModel): VNode {
  const h = here(model, HREF.bridges);
  const s = siteStrings(model.lang);
  return (
    <SitePage here={h} title={s.bridgesHeading} crumbs={[]}>
      <p>{s.bridgesIntro}</p>
      <ul>
        {model.bridges.map((b) => (
          <li key={b.id}>
            <a href={h.to(b.href)}>{b.title}</a>
            {b.validity?.status === 'lapsed' ? (
              <>
                {' '}
                <span class="badge badge-lapsed">{s.lapsed}</span>{' '}
                <span class="muted">{b.validity.why}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </SitePage>
  );
}

export function phasePageHtml(model: SiteModel, p: PhasePage): VNode {
  const h = here(model, p.href);
  const s = siteStrings(model.lang);
  return (
    <SitePage
      here={h}
      title={s.phaseTitle(p.title)}
      crumbs={[{ href: HREF.phases, label: s.nav.phases }]}
    >
      <p>{s.phaseIntro}</p>
      {p.items.length === 0 ? (
        <p>{s.phaseNobody}</p>
      ) : (
        <ul class="checklist">
          {p.items.map((it, i) => (
            <li key={it.stakeholder.id}>
              <input type="checkbox" id={`c${i}`} aria-labelledby={`l${i}`} />
              <div>
                <span id={`l${i}`}>
                  <a href={h.to(it.stakeholder.href)}>{it.stakeholder.title}</a>
                </span>
                <div class="when">
                  {s.forRoutes}:{' '}
                  {it.routes.map((r, k) => (
                    <span key={r.href}>
                      {k > 0 ? ', ' : ''}
                      <a href={h.to(r.href)} title={r.why}>
                        {r.title}
                      </a>
                    </span>
                  ))}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </SitePage>
  );
}

export function phasesIndexHtml(model: SiteModel): VNode {
  const h = here(model, HREF.phases);
  const s = siteStrings(model.lang);
  return (
    <SitePage here={h} title={s.phasesHeading} crumbs={[]}>
      <p>{s.phasesIntro}</p>
      <ol>
        {model.phases.map((p) => (
          <li key={p.id}>
            <a href={h.to(p.href)}>{p.title}</a> <span class="muted">({p.items.length})</span>
          </li>
        ))}
      </ol>
    </SitePage>
  );
}
