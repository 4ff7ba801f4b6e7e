// The page models of the stakeholders, the bridge instruments and the phases: who a party is, when
// to involve it and which routes need it; what a bridge pays for, where it leads and when the trees
// offer it; and per phase, whom to involve then.
import type { Lang } from '../core/advice.ts';
import { PHASES } from '../core/ids.ts';
import type { Phase } from '../core/ids.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { Family } from '../core/ids.ts';
import { textIn } from '../core/texts.ts';
import { phaseLabel } from '../report/labels.ts';
import { sourceRefs, uniqueBy, validityOf, verifyOf } from './common.ts';
import type { BridgePage, PhasePage, RoutePage, StakeholderPage } from './model.ts';
import { HREF } from './names.ts';
import type { RuleIndex } from './rule-index.ts';

export function stakeholderPages(
  rules: RuleSet,
  lang: Lang,
  index: RuleIndex,
  routes: readonly RoutePage[],
): StakeholderPage[] {
  const t = (x: { nl: string; en: string }) => textIn(x, lang);
  return [...rules.stakeholders.values()].map((s) => {
    const onRoutes = routes.flatMap((r) =>
      r.stakeholders
        .filter((d) => d.stakeholder.id === s.id)
        .map((d) => ({ href: r.href, title: r.title, phase: d.phase, why: d.why })),
    );
    // duties in the trees that are not tied to a route the page lists already
    const routeNodes = new Set(routes.flatMap((r) => r.fits.map((f) => `${f.tree}/${f.node}`)));
    const trees = uniqueBy(
      index.sites.flatMap((site) =>
        (site.effects.stakeholders ?? [])
          .filter(
            (d) => d.stakeholder === s.id && !routeNodes.has(`${site.tree.family}/${site.node.id}`),
          )
          .map((d) => ({
            tree: site.tree.family,
            title: t(site.tree.title),
            phase: d.phase,
            why: t(d.why),
            clauses: site.path.clauses,
          })),
      ),
      (x) => `${x.tree}\0${x.phase}\0${x.why}`,
    );
    return {
      kind: 'stakeholder',
      id: s.id,
      href: HREF.stakeholder(s.id),
      name: t(s.name),
      role: t(s.role),
      ...(s.when ? { when: t(s.when) } : {}),
      bring: (s.bring ?? []).map(t),
      routes: uniqueBy(onRoutes, (x) => `${x.href}@${x.phase}`),
      trees,
      sources: sourceRefs(rules, s.sources),
      verify: verifyOf(s, lang),
    };
  });
}

export function bridgePages(
  rules: RuleSet,
  lang: Lang,
  asOf: string,
  index: RuleIndex,
): BridgePage[] {
  const t = (x: { nl: string; en: string }) => textIn(x, lang);
  return [...rules.bridge.values()].map((b) => {
    const offered = index.sites
      .filter((site) => (site.effects.bridge ?? []).includes(b.id))
      .map((site) => ({
        tree: site.tree.family,
        node: site.node.id,
        clauses: site.path.clauses,
      }));
    const validity = validityOf(b, asOf, lang);
    return {
      kind: 'bridge',
      id: b.id,
      href: HREF.bridge(b.id),
      title: t(b.title),
      why: t(b.why),
      leadsTo: (b.leads_to ?? []) as Family[],
      offered: uniqueBy(offered, (x) => JSON.stringify(x.clauses)),
      sources: sourceRefs(rules, b.sources),
      ...(validity ? { validity } : {}),
      verify: verifyOf(b, lang),
    };
  });
}

/** Per phase, every party some route asks to involve then, with those routes. */
export function phasePages(rules: RuleSet, lang: Lang, routes: readonly RoutePage[]): PhasePage[] {
  return PHASES.map((phase: Phase) => {
    const byParty = new Map<string, PhasePage['items'][number]>();
    for (const r of routes) {
      if (r.validity?.status === 'lapsed') continue;
      for (const d of r.stakeholders) {
        if (d.phase !== phase) continue;
        const item = byParty.get(d.stakeholder.id) ?? { stakeholder: d.stakeholder, routes: [] };
        byParty.set(d.stakeholder.id, {
          ...item,
          routes: [...item.routes, { href: r.href, title: r.title, why: d.why }],
        });
      }
    }
    // most-asked first, then by name: the parties nearly every route needs lead the list
    const items = [...byParty.values()].sort(
      (a, b) =>
        b.routes.length - a.routes.length ||
        (a.stakeholder.title < b.stakeholder.title
          ? -1
          : a.stakeholder.title > b.stakeholder.title
            ? 1
            : 0),
    );
    return {
      kind: 'phase',
      id: phase,
      href: HREF.phase(phase),
      title: phaseLabel(rules, phase, lang),
      items,
    };
  });
}
