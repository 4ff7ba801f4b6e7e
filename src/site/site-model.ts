// The whole site as data, from the rule set, the date and the language: one function, pure. The
// examples are evaluated first (the route pages list the examples they come first in), then the
// pages of the routes, parties, bridge instruments, phases and borders, then the search index.
import type { Lang } from '../core/advice.ts';
import { ARRANGEMENTS, FAMILIES } from '../core/ids.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { textIn } from '../core/texts.ts';
import { familyLabel } from '../report/labels.ts';
import { ui } from '../report/ui-strings.ts';
import { borders } from './borders.ts';
import { examplePages, testExamples } from './examples.ts';
import type { ExampleInput, FamilyInfo, RoutePage, SiteModel } from './model.ts';
import { bridgePages, phasePages, stakeholderPages } from './parties.ts';
import { indexRules } from './rule-index.ts';
import { routePage } from './routes.ts';
import { searchIndex } from './search.ts';

export interface SiteModelOptions {
  readonly asOf: string;
  readonly lang: Lang;
  /** The worked cases (answers files); the rule set's test cases are added after them. */
  readonly worked?: readonly ExampleInput[];
}

/** The short form of the rule set's hash shown on the pages: `sha256:0123456789ab`. */
export function shortHash(hash: string): string {
  const [alg, hex] = hash.includes(':') ? hash.split(':', 2) : ['', hash];
  return `${alg ? `${alg}:` : ''}${hex!.slice(0, 12)}`;
}

export function buildSiteModel(rules: RuleSet, options: SiteModelOptions): SiteModel {
  const { asOf, lang } = options;
  const index = indexRules(rules, lang);
  const examples = examplePages(rules, lang, asOf, [
    ...(options.worked ?? []),
    ...testExamples(rules),
  ]);
  const ctx = { rules, lang, asOf, index, examples };
  const routes: RoutePage[] = [...rules.routes.values()]
    .filter((r) => (FAMILIES as readonly string[]).includes(r.family))
    .map((r) => routePage(ctx, r))
    .sort(
      (a, b) =>
        FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const families: FamilyInfo[] = FAMILIES.map((f) => {
    const tree = rules.trees.find((t) => t.family === f);
    return {
      id: f,
      label: familyLabel(f, lang),
      title: tree ? textIn(tree.title, lang) : familyLabel(f, lang),
      ...(tree?.description ? { description: textIn(tree.description, lang) } : {}),
      routes: routes.filter((r) => r.family === f).map((r) => ({ href: r.href, title: r.title })),
    };
  });
  const cb = rules.trees.find((t) => t.family === 'cost-benefit');
  const arrangements = [...new Set(index.sites.flatMap((x) => x.effects.arrangements ?? []))].sort(
    (a, b) => ARRANGEMENTS.indexOf(a) - ARRANGEMENTS.indexOf(b),
  );
  const reviewed = rules.reviewed.reduce((d, r) => (r.date > d ? r.date : d), '');
  const model: Omit<SiteModel, 'search'> = {
    lang,
    asOf,
    ruleset: {
      name: rules.name,
      version: rules.version,
      hash: rules.hash,
      disclaimer: textIn(rules.disclaimer, lang),
      reviewed,
    },
    families,
    costBenefit: {
      title: cb ? textIn(cb.title, lang) : ui(lang).costBenefit,
      ...(cb?.description ? { description: textIn(cb.description, lang) } : {}),
      arrangements: arrangements.map((a) => ui(lang).arrangement[a] ?? a),
    },
    routes,
    stakeholders: stakeholderPages(rules, lang, index, routes),
    bridges: bridgePages(rules, lang, asOf, index),
    borders: borders(rules, lang, index, examples),
    examples,
    phases: phasePages(rules, lang, routes),
  };
  return { ...model, search: searchIndex(model) };
}
