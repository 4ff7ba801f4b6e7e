// The engine must give exactly the output of its frozen reference (test/engine/reference/: the
// engine as it was before it was made faster), byte for byte as JSON, for a large fixed collection
// of answer sets (answer-sets.ts: data/, every rule test case, 2,000 random and 500 odd answer
// sets), in both languages and at three as-of dates, with the shipped rules and with the test
// fixtures. Both engines run on the same rules in the same run, so the check holds while the
// content of rules/ changes. A deliberate change of the engine's behaviour is made in both.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Advice, Answers, EvaluateOptions } from '../../src/core/advice.ts';
import { readRuleSet } from '../../src/cli/rules.ts';
import { engineIndex, evaluate } from '../../src/core/engine.ts';
import { nextQuestion, pruneAnswers, relevantQuestions } from '../../src/core/next-question.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { allAnswerSets, AS_OF_DATES, ROOT } from './answer-sets.ts';
import { evaluate as referenceEvaluate } from './reference/engine.ts';

const DIRS = [
  { name: 'shipped rules', dir: join(ROOT, 'rules'), data: true, random: 2000, odd: 500 },
  {
    name: 'engine fixture',
    dir: join(ROOT, 'test/fixtures/engine/basic'),
    data: false,
    random: 400,
    odd: 200,
  },
  {
    name: 'runner fixture',
    dir: join(ROOT, 'test/fixtures/runner/basic'),
    data: false,
    random: 200,
    odd: 100,
  },
];

function load(dir: string): RuleSet {
  const { rules, diagnostics } = readRuleSet(dir, false);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return rules!;
}

function options(i: number, lang: 'nl' | 'en', asOf: string): EvaluateOptions {
  // every third set echoes an input (batch does), one with a value that is not a string
  if (i % 3 !== 0) return { asOf, lang };
  const input = { id: `row-${i}`, n: i } as unknown as Record<string, string>;
  return { asOf, lang, input };
}

/** Where two JSON texts first differ, with some context. */
function firstDifference(x: string, y: string): string {
  let k = 0;
  while (k < x.length && x[k] === y[k]) k++;
  return `engine:    …${x.slice(Math.max(0, k - 120), k + 120)}…\nreference: …${y.slice(Math.max(0, k - 120), k + 120)}…`;
}

describe('the engine gives exactly the output of its reference', () => {
  for (const { name, dir, data, random, odd } of DIRS) {
    it(`${name}: every answer set, nl and en, three dates`, { timeout: 180_000 }, () => {
      const rules = load(dir);
      const sets = allAnswerSets(rules, dir, { data, random, odd });
      const ours = createHash('sha256');
      const theirs = createHash('sha256');
      let compared = 0;
      let routes = 0;
      sets.forEach((answers: Answers, i) => {
        for (const lang of ['nl', 'en'] as const) {
          for (const asOf of AS_OF_DATES) {
            const got: Advice = evaluate(rules, answers, options(i, lang, asOf));
            const want: Advice = referenceEvaluate(rules, answers, options(i, lang, asOf));
            const x = JSON.stringify(got);
            const y = JSON.stringify(want);
            if (x !== y) {
              expect.fail(
                `answer set ${i} (${lang}, ${asOf}) differs: ${JSON.stringify(answers)}\n${firstDifference(x, y)}`,
              );
            }
            ours.update(x);
            theirs.update(y);
            compared++;
            routes += got.routes.length;
          }
        }
      });
      expect(ours.digest('hex')).toBe(theirs.digest('hex'));
      expect(compared).toBe(sets.length * 6);
      // the collection really exercises the engine: most sets are advised some route
      expect(routes).toBeGreaterThan(compared / 2);
    });
  }

  it('an advice shares nothing with the rules or with another advice: changing it changes nothing', () => {
    const rules = load(join(ROOT, 'rules'));
    const sets = allAnswerSets(rules, join(ROOT, 'rules'), { data: true, random: 50, odd: 20 });
    for (const [i, answers] of sets.entries()) {
      for (const lang of ['nl', 'en'] as const) {
        const opts = options(i, lang, AS_OF_DATES[2]);
        const first = evaluate(rules, answers, opts);
        const before = JSON.stringify(first);
        vandalise(first);
        expect(JSON.stringify(evaluate(rules, answers, opts))).toBe(before);
        expect(JSON.stringify(referenceEvaluate(rules, answers, opts))).toBe(before);
      }
    }
  });

  it('the scratch state shared by calls does not leak: the wizard in between, and the generation counter wrapping', () => {
    const rules = load(join(ROOT, 'rules'));
    const sets = allAnswerSets(rules, join(ROOT, 'rules'), { data: true, random: 60, odd: 20 });
    const idx = engineIndex(rules);
    // a few calls before the counter wraps to 0 and starts again
    idx.gen = 0xffffffff - 40;
    for (const [i, answers] of sets.entries()) {
      const opts = options(i, i & 1 ? 'en' : 'nl', AS_OF_DATES[i % 3]!);
      if (i % 2 === 0) {
        nextQuestion(rules, answers);
        relevantQuestions(rules, sets[(i * 7) % sets.length]!);
      }
      if (i % 5 === 0) pruneAnswers(rules, answers);
      expect(JSON.stringify(evaluate(rules, answers, opts))).toBe(
        JSON.stringify(referenceEvaluate(rules, answers, opts)),
      );
    }
    expect(idx.gen).toBeLessThan(0xffffffff - 40);
  });

  it('the answers passed in are not changed', () => {
    const rules = load(join(ROOT, 'rules'));
    for (const answers of allAnswerSets(rules, join(ROOT, 'rules'), { random: 50, odd: 50 })) {
      const before = JSON.stringify(answers);
      evaluate(rules, answers, { asOf: AS_OF_DATES[2], lang: 'en' });
      expect(JSON.stringify(answers)).toBe(before);
    }
  });
});

/** Empties every array and overwrites every field of a JSON-like value, depth first. */
function vandalise(value: unknown): void {
  if (Array.isArray(value)) {
    for (const x of value) vandalise(x);
    value.length = 0;
    value.push('vandalised');
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      vandalise(o[k]);
      o[k] = 'vandalised';
    }
    o['extra'] = 'vandalised';
  }
}
