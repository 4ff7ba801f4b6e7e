// The page model of each route: the registry's texts (summary, steps, evidence, pitfalls, who
// decides, sources, verify, validity) and what the trees say about it — where it fits and with
// which score, what raises or lowers it, where it is ruled out and why — each with the way
// through the tree said as conditions.
import type { Lang } from '../core/advice.ts';
import type { Family, Fit } from '../core/ids.ts';
import { phaseIndex } from '../core/ids.ts';
import type { RouteDef, RuleSet } from '../core/ruleset.ts';
import { textIn } from '../core/texts.ts';
import { shortQuestion } from '../report/explain-phrases.ts';
import { comparisons } from '../core/conditions.ts';
import { sourceRefs, uniqueBy, validityOf, verifyOf } from './common.ts';
import type {
  AdjustRule,
  ExamplePage,
  ExcludeRule,
  FitRule,
  PageLink,
  PhaseDuty,
  RoutePage,
  TreePlace,
} from './model.ts';
import { HREF } from './names.ts';
import type { EffectSite, RuleIndex } from './rule-index.ts';

function fitOf(score: number, fit: RuleSet['fit']): Fit {
  return score >= fit.strong ? 'strong' : score >= fit.possible ? 'possible' : 'unlikely';
}

export interface RouteContext {
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly asOf: string;
  readonly index: RuleIndex;
  readonly examples: readonly ExamplePage[];
}

/** The decisions from the tree's root to the node where the route fits best, as short labels. */
function placeOf(ctx: RouteContext, site: EffectSite, title: string): TreePlace {
  const p = { rules: ctx.rules, lang: ctx.lang, code: (id: string) => id };
  const steps: string[] = [];
  for (const id of site.path.nodes.slice(0, -1)) {
    const n = site.tree.nodes.get(id)!;
    if (n.switch !== undefined) steps.push(shortQuestion(p, n.switch));
    else if (n.if !== undefined) {
      const qs = [...new Set([...comparisons(n.if)].map((x) => x.comparison.question))];
      steps.push(shortQuestion(p, qs[0]!) + (qs.length > 1 ? ' …' : ''));
    }
  }
  steps.push(title);
  return {
    tree: site.tree.family,
    treeTitle: textIn(site.tree.title, ctx.lang),
    steps,
    nodes: site.tree.nodeOrder.length,
  };
}

function where(site: EffectSite) {
  return { tree: site.tree.family, node: site.node.id, clauses: site.path.clauses };
}

export function routePage(ctx: RouteContext, route: RouteDef): RoutePage {
  const { rules, lang } = ctx;
  const t = (x: { nl: string; en: string }) => textIn(x, lang);
  const fits: FitRule[] = [];
  const adjusts: AdjustRule[] = [];
  const excludes: ExcludeRule[] = [];
  const awardSites: EffectSite[] = [];
  const citations: string[] = [...route.sources];
  for (const site of ctx.index.sites) {
    for (const a of site.effects.routes ?? []) {
      if (a.route !== route.id) continue;
      awardSites.push(site);
      fits.push({
        ...where(site),
        score: a.score,
        fit: fitOf(a.score, rules.fit),
        reason: t(a.reason),
      });
      citations.push(...a.sources);
    }
    for (const a of site.effects.adjust ?? []) {
      if (a.route !== route.id || a.add === 0) continue;
      adjusts.push({ ...where(site), add: a.add, reason: t(a.reason) });
    }
    for (const x of site.effects.exclude ?? []) {
      if (x.route !== route.id) continue;
      excludes.push({ ...where(site), why: t(x.why) });
      citations.push(...x.sources);
    }
  }
  // best first; ties in the order of the rule files
  const order = fits.map((f, i) => ({ f, i, site: awardSites[i]! }));
  order.sort((a, b) => b.f.score - a.f.score || a.i - b.i);
  const best = order[0]?.site;

  const duties: PhaseDuty[] = [];
  for (const s of route.stakeholders ?? []) {
    duties.push(duty(rules, lang, s.stakeholder, s.phase, t(s.role)));
  }
  for (const site of awardSites) {
    for (const d of site.effects.stakeholders ?? []) {
      duties.push(duty(rules, lang, d.stakeholder, d.phase, t(d.why)));
    }
  }
  const stakeholders = uniqueBy(duties, (d) => `${d.stakeholder.id}@${d.phase}`).sort(
    (a, b) => phaseIndex(a.phase)! - phaseIndex(b.phase)!,
  );

  const warningIds = uniqueBy(
    awardSites.flatMap((s) => s.effects.warnings ?? []),
    (id) => id,
  );
  const warnings = warningIds.flatMap((id) => {
    const w = rules.warnings.get(id);
    return w ? [{ id, text: t(w.text), verify: verifyOf(w, lang) }] : [];
  });

  const bridges: PageLink[] = [...rules.bridge.values()]
    .filter((b) => (b.leads_to ?? []).includes(route.family as Family))
    .map((b) => ({ href: HREF.bridge(b.id), title: t(b.title) }));

  const examples = ctx.examples
    .filter((e) => e.advice.routes[0]?.id === route.id)
    .map((e) => ({ href: e.href, title: e.title }));

  const title = t(route.title);
  const validity = validityOf(route, ctx.asOf, lang);
  return {
    kind: 'route',
    id: route.id,
    href: HREF.route(route.id),
    family: route.family as Family,
    title,
    summary: t(route.summary),
    ...(route.who_decides ? { whoDecides: t(route.who_decides) } : {}),
    steps: route.steps.map(t),
    evidence: (route.evidence ?? []).map(t),
    pitfalls: (route.pitfalls ?? []).map(t),
    warnings,
    stakeholders,
    fits: order.map((x) => x.f),
    adjusts,
    excludes: uniqueBy(excludes, (x) => `${x.why}\0${JSON.stringify(x.clauses)}`),
    bridges,
    examples,
    ...(best ? { place: placeOf(ctx, best, title) } : {}),
    sources: sourceRefs(rules, citations),
    ...(validity ? { validity } : {}),
    verify: verifyOf(route, lang),
  };
}

function duty(
  rules: RuleSet,
  lang: Lang,
  id: string,
  phase: PhaseDuty['phase'],
  why: string,
): PhaseDuty {
  const s = rules.stakeholders.get(id);
  return {
    phase,
    stakeholder: { id, href: HREF.stakeholder(id), title: s ? textIn(s.name, lang) : id },
    why,
  };
}
