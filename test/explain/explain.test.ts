// `explain` in the core: every counterfactual it gives is checked by applying its change to the
// answers and running the advice (evaluate): the route must then be first (`first`) or advised
// (`opens`), and no smaller change does the same. Also: determinism, the bound on the search
// (counted in walks, never timed), one route, and the trace.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/advice.ts';
import { DEFAULT_MAX_EVALUATIONS } from '../../src/core/counterfactuals.ts';
import { evaluate } from '../../src/core/engine.ts';
import { explain } from '../../src/core/explain.ts';
import type { Explanation } from '../../src/core/explain.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { renderExplanationJson } from '../../src/report/explain-json.ts';
import { renderExplanation } from '../../src/report/explain-report.ts';
import { fixture } from '../engine/helpers.ts';
import { ROOT } from '../advise/helpers.ts';
import { shippedRules as shipped } from '../shipped-rules.ts';

const AS_OF = '2026-11-22';

const worked: [string, Answers][] = readdirSync(join(ROOT, 'data'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => [f, parse(readFileSync(join(ROOT, 'data', f), 'utf8')) as Answers]);

const others: [string, Answers][] = [
  ['nothing answered', {}],
  [
    'a self-care app',
    {
      innovation_type: 'digital',
      is_medical_device: 'no',
      primary_user: 'citizen',
      goal: ['self_management'],
      target_group: ['general_population'],
      treatment_relation: false,
      willingness_to_pay: 'medium',
    },
  ],
  [
    'a neighbourhood service',
    {
      innovation_type: 'service',
      goal: ['daily_living_support'],
      target_group: ['home_support_clients'],
      care_setting: ['community', 'home'],
      cost_bearers: ['municipality'],
      beneficiaries: ['municipality', 'patient'],
      wmo_access: 'open',
    },
  ],
];

const memo = new Map<Answers, Explanation>();
/** The explanation with the default bound, made once per answer set. */
function explained(answers: Answers): Explanation {
  let e = memo.get(answers);
  if (!e) memo.set(answers, (e = explain(shipped, answers, { asOf: AS_OF, lang: 'nl' })));
  return e;
}

function advise(rules: RuleSet, answers: Answers) {
  return evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
}

/** Whether a change of answers has the effect a counterfactual says. */
function holds(rules: RuleSet, answers: Answers, change: Answers, route: string, effect: string) {
  const routes = advise(rules, { ...answers, ...change }).routes.map((r) => r.id);
  return effect === 'first' ? routes[0] === route : routes.includes(route);
}

function checkAll(rules: RuleSet, answers: Answers, e: Explanation): void {
  const base = advise(rules, answers).routes.map((r) => r.id);
  for (const c of e.counterfactuals) {
    const what = `${JSON.stringify(c.change)} → ${c.route} ${c.effect}`;
    expect(holds(rules, answers, c.change, c.route, c.effect), what).toBe(true);
    if (c.effect === 'first') expect(base[0], what).not.toBe(c.route);
    else expect(base, what).not.toContain(c.route);
    const questions = Object.keys(c.change);
    expect(questions.length).toBeGreaterThanOrEqual(1);
    expect(questions.length).toBeLessThanOrEqual(2);
    // the smallest: no part of a pair does it alone
    if (questions.length === 2) {
      for (const q of questions) {
        expect(
          holds(rules, answers, { [q]: c.change[q]! }, c.route, c.effect),
          `${what} by ${q}`,
        ).toBe(false);
      }
    }
  }
}

describe('explain: every counterfactual holds when applied', () => {
  for (const [name, answers] of [...worked, ...others]) {
    it(name, () => {
      const e = explained(answers);
      expect(e.search.evaluations).toBeLessThanOrEqual(DEFAULT_MAX_EVALUATIONS);
      checkAll(shipped, answers, e);
      if (worked.some(([n]) => n === name)) {
        // the worked cases: the search ran to its end, and a change opens a route of a family
        // that does not pay
        expect(e.search.complete).toBe(true);
        expect(e.counterfactuals.some((c) => c.effect === 'opens')).toBe(true);
      }
    });
  }

  it('on other rules (the engine fixture)', () => {
    const rules = fixture();
    const answers: Answers = { innovation_type: 'device', treatment_relation: true };
    const e = explain(rules, answers, { asOf: AS_OF, lang: 'en' });
    checkAll(rules, answers, e);
  });
});

describe('explain: determinism', () => {
  it('the same answers, in any key order, give the same bytes', () => {
    const [, answers] = worked.find(([n]) => n === 'cue2walk.yaml')!;
    const reversed = Object.fromEntries(Object.entries(answers).reverse()) as Answers;
    const a = renderExplanationJson(explained(answers));
    const b = renderExplanationJson(explain(shipped, reversed, { asOf: AS_OF, lang: 'nl' }));
    expect(b).toBe(a);
  });
});

describe('explain: the bound on the search', () => {
  const [, answers] = worked.find(([n]) => n === 'cue2walk.yaml')!;

  it('counts its walks and stops at the limit, and says so', () => {
    for (const limit of [1, 40, 400]) {
      const e = explain(shipped, answers, { asOf: AS_OF, lang: 'nl', maxEvaluations: limit });
      expect(e.search.evaluations).toBeLessThanOrEqual(limit);
      expect(e.search.complete).toBe(false);
      checkAll(shipped, answers, e);
      const text = renderExplanation(e, { rules: shipped, lang: 'nl', answers, format: 'text' });
      expect(text).toContain('afgebroken');
    }
  });

  it('a complete search says how many walks it took', () => {
    const e = explained(answers);
    expect(e.search.complete).toBe(true);
    const text = renderExplanation(e, { rules: shipped, lang: 'en', answers, format: 'text' });
    expect(text).toContain(`worked through ${e.search.evaluations.toLocaleString('en')} times`);
  });
});

describe('explain --route', () => {
  const [, answers] = worked.find(([n]) => n === 'cue2walk.yaml')!;

  it('gives only that route, and what would make it first or bring it in', () => {
    const route = 'wmo.algemene-voorziening';
    const e = explain(shipped, answers, { asOf: AS_OF, lang: 'nl', route });
    expect(e.route).toBe(route);
    expect(e.trace.routes.map((r) => r.route)).toEqual([route]);
    expect(e.trace.routes[0]!.status).toBe('absent');
    expect(e.trace.families).toEqual([]);
    expect(e.counterfactuals.length).toBeGreaterThan(0);
    for (const c of e.counterfactuals) expect(c.route).toBe(route);
    checkAll(shipped, answers, e);
  });

  it('the recommendation itself is already first', () => {
    const first = advise(shipped, answers).routes[0]!.id;
    const e = explain(shipped, answers, { asOf: AS_OF, lang: 'nl', route: first });
    expect(e.trace.routes[0]!.status).toBe('first');
    expect(e.counterfactuals).toEqual([]);
  });
});

describe('explain: the trace', () => {
  it('the recommendation, with the decisions on the way, and each family that does not pay', () => {
    const [, answers] = worked.find(([n]) => n === 'cue2walk.yaml')!;
    const e = explained(answers);
    const [top] = e.trace.routes;
    expect(top!.route).toBe(e.advice.routes[0]!.id);
    expect(top!.status).toBe('first');
    expect(top!.effects.some((x) => x.effect === 'award')).toBe(true);
    expect(top!.steps.length).toBeGreaterThan(0);
    const paying = new Set(e.advice.routes.map((r) => r.family));
    expect(e.trace.families.map((f) => f.family)).toEqual(
      ['zvw', 'wlz', 'wmo', 'werk-en-inkomen', 'consumer'].filter((f) => !paying.has(f as never)),
    );
    // a step names the question and the answer given
    const step = top!.steps.find((s) => 'question' in s && s.question === 'innovation_type');
    expect(step).toMatchObject({ tree: 'zvw', question: 'innovation_type', answer: 'device' });
  });

  it('a condition lists the comparisons that decided it, with the answers', () => {
    const [, answers] = worked.find(([n]) => n === 'cue2walk.yaml')!;
    const e = explained(answers);
    const wmo = e.trace.families.find((f) => f.family === 'wmo')!;
    const decided = wmo.steps.find((s) => 'comparisons' in s && s.holds === false);
    expect(decided).toBeDefined();
    if (decided && 'comparisons' in decided) {
      for (const c of decided.comparisons) expect(c.holds).toBe(false);
    }
  });
});
