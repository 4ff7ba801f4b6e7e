// The borders between families, read from the rules: a question decides a border when the trees
// rule routes of one family out because of its answer (an exclusion's `because`) while its answer
// also leads to another family (another exclusion or an award that names it). Per pair of
// families: the deciding questions, what the rules then say, and rule test cases where that
// answer pushed a route of the pair out.
import type { Lang } from '../core/advice.ts';
import { FAMILIES } from '../core/ids.ts';
import type { Family } from '../core/ids.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { textIn } from '../core/texts.ts';
import { shortQuestion } from '../report/explain-phrases.ts';
import type { Border, BorderQuestion, ExamplePage } from './model.ts';
import { HREF } from './names.ts';
import type { RuleIndex } from './rule-index.ts';

/** Rule test cases shown per question and border. */
export const EXAMPLES_PER_QUESTION = 3;

interface Decision {
  readonly route: string;
  readonly family: Family;
  readonly why: string;
}

export function borders(
  rules: RuleSet,
  lang: Lang,
  index: RuleIndex,
  examples: readonly ExamplePage[],
): Border[] {
  const excluded = new Map<string, Decision[]>();
  const awarded = new Map<string, Set<Family>>();
  const familyOf = (route: string) => rules.routes.get(route)?.family as Family | undefined;
  for (const site of index.sites) {
    for (const x of site.effects.exclude ?? []) {
      const family = familyOf(x.route);
      if (!family) continue;
      for (const q of x.because ?? []) {
        const list = excluded.get(q) ?? [];
        list.push({ route: x.route, family, why: textIn(x.why, lang) });
        excluded.set(q, list);
      }
    }
    for (const a of site.effects.routes ?? []) {
      const family = familyOf(a.route);
      if (!family) continue;
      for (const q of a.because ?? []) {
        const set = awarded.get(q) ?? new Set<Family>();
        set.add(family);
        awarded.set(q, set);
      }
    }
  }

  const p = { rules, lang, code: (id: string) => id };
  const out: Border[] = [];
  for (let i = 0; i < FAMILIES.length; i++) {
    for (let j = i + 1; j < FAMILIES.length; j++) {
      const pair = [FAMILIES[i]!, FAMILIES[j]!] as const;
      const questions: BorderQuestion[] = [];
      for (const q of rules.questionOrder) {
        const decisions = excluded.get(q);
        if (!decisions) continue;
        const out = new Set(decisions.map((d) => d.family));
        const reach = new Set([...out, ...(awarded.get(q) ?? [])]);
        // one side ruled out by this answer, the other reached by it
        const decides =
          (out.has(pair[0]) && reach.has(pair[1])) || (out.has(pair[1]) && reach.has(pair[0]));
        if (!decides) continue;
        const here = new Map<string, { why: string; family: Family; routes: string[] }>();
        for (const d of decisions) {
          if (d.family !== pair[0] && d.family !== pair[1]) continue;
          const key = `${d.family}\0${d.why}`;
          const entry = here.get(key) ?? { why: d.why, family: d.family, routes: [] };
          if (!entry.routes.includes(d.route)) entry.routes.push(d.route);
          here.set(key, entry);
        }
        const question = rules.questions.get(q);
        questions.push({
          question: q,
          text: shortQuestion(p, q),
          ...(question?.help ? { help: textIn(question.help, lang) } : {}),
          decisions: [...here.values()].map((d) => ({
            why: d.why,
            family: d.family,
            routes: d.routes.map((r) => ({
              href: HREF.route(r),
              title: textIn(rules.routes.get(r)!.title, lang),
            })),
          })),
          examples: examples
            .filter(
              (e) =>
                e.source === 'test' &&
                e.answers[q] !== undefined &&
                e.advice.excluded.some(
                  (x) =>
                    (x.family === pair[0] || x.family === pair[1]) &&
                    x.because !== undefined &&
                    q in x.because,
                ),
            )
            .slice(0, EXAMPLES_PER_QUESTION)
            .map((e) => ({ href: e.href, title: e.title })),
        });
      }
      if (questions.length > 0) out.push({ families: pair, questions });
    }
  }
  return out;
}
