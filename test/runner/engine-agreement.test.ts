// The coverage walk must take the engine's path: the engine records only the nodes it visits, so
// coverage walks again (src/core/coverage.ts). Here both walk every shipped test case, the
// fixture's cases and random answers, and must visit the same nodes in the same order and award
// the routes the advice lists.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRuleSet } from '../../src/cli/rules.ts';
import type { AnswerValue, Answers } from '../../src/core/advice.ts';
import { normalizeAnswers } from '../../src/core/answers.ts';
import { awardedRoutes, traceCase } from '../../src/core/coverage.ts';
import { engineIndex, evaluate, prepareAnswers, walkTrees } from '../../src/core/engine.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';

const shipped = fileURLToPath(new URL('../../rules', import.meta.url));
const basic = fileURLToPath(new URL('../fixtures/runner/basic', import.meta.url));

function load(dir: string): RuleSet {
  const { rules, diagnostics } = readRuleSet(dir);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return rules!;
}

function enginePath(rules: RuleSet, answers: Answers): string[] {
  const idx = engineIndex(rules);
  const walk = walkTrees(idx, prepareAnswers(idx, answers).working);
  return walk.path.map((n) => {
    const node = idx.nodes[n]!;
    return `${rules.trees[node.tree]!.family}/${node.id}`;
  });
}

function ourPath(rules: RuleSet, answers: Answers): string[] {
  return traceCase(rules, answers)
    .filter((e) => e.branch === undefined)
    .map((e) => `${e.family}/${e.node}`);
}

/** The routes the walk awards, less those its nodes exclude or that are not valid at asOf. */
function expectedAdvised(rules: RuleSet, answers: Answers, asOf: string): string[] {
  const events = traceCase(rules, answers);
  const trees = new Map(rules.trees.map((t) => [t.family, t]));
  const excluded = new Set(
    events.flatMap((e) =>
      e.branch === undefined
        ? (trees.get(e.family)!.nodes.get(e.node)!.effects?.exclude ?? []).map((x) => x.route)
        : [],
    ),
  );
  return awardedRoutes(rules, events)
    .filter((id) => !excluded.has(id))
    .filter((id) => {
      const r = rules.routes.get(id);
      return (
        !r ||
        ((r.valid_from === undefined || r.valid_from <= asOf) &&
          (r.valid_until === undefined || asOf <= r.valid_until))
      );
    })
    .sort();
}

function agree(rules: RuleSet, answers: Answers, asOf: string) {
  expect(ourPath(rules, answers)).toEqual(enginePath(rules, answers));
  const advice = evaluate(rules, answers, { asOf, lang: 'en' });
  expect(advice.routes.map((r) => r.id).sort()).toEqual(expectedAdvised(rules, answers, asOf));
}

describe.each([
  ['the shipped rules', shipped],
  ['the runner fixture', basic],
])('the coverage walk agrees with the engine on %s', (_, dir) => {
  it('on every test case', () => {
    const rules = load(dir);
    const cases = rules.tests.flatMap((f) => f.cases);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const { answers, problems } = normalizeAnswers(rules, c.answers);
      if (problems.some((p) => p.severity === 'error')) continue;
      agree(rules, answers, c.as_of ?? '2026-11-27');
    }
  });

  it('on random answers', () => {
    const rules = load(dir);
    const questions = [...rules.questions.values()].filter((q) => !q.derived);
    const value = (q: (typeof questions)[number]): fc.Arbitrary<AnswerValue | undefined> => {
      const none = fc.constant(undefined);
      switch (q.kind) {
        case 'one':
          return fc.oneof(none, fc.constantFrom(...q.optionIds));
        case 'many':
          return fc.oneof(none, fc.subarray([...q.optionIds], { minLength: 1 })) as fc.Arbitrary<
            AnswerValue | undefined
          >;
        case 'boolean':
          return fc.oneof(none, fc.boolean());
        case 'number':
          return fc.oneof(none, fc.integer({ min: 0, max: 2_000_000 }));
        case 'text':
          return fc.oneof(none, fc.constant('x'));
      }
    };
    const answers = fc.tuple(...questions.map((q) => value(q))).map((values) => {
      const out: Record<string, AnswerValue> = {};
      values.forEach((v, i) => {
        if (v !== undefined) out[questions[i]!.id] = v;
      });
      return out;
    });
    fc.assert(
      fc.property(answers, fc.constantFrom('2020-06-01', '2026-11-27'), (a, asOf) => {
        agree(rules, a, asOf);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
