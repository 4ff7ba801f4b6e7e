// RowEvaluator (what batch uses: a row's values straight into the engine's slots) must give what
// evaluate gives for the same answers — the whole Advice, byte for byte as JSON — and its verdict
// must be verdictOf that Advice, on a fixed collection of answer sets (answer-sets.ts), languages
// and dates in rotation, for the shipped rules and the test fixtures.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers, EvaluateOptions } from '../../src/core/advice.ts';
import { evaluate, RowEvaluator, verdictOf } from '../../src/core/engine.ts';
import { rulesIn } from '../shipped-rules.ts';
import { allAnswerSets, AS_OF_DATES, ROOT } from './answer-sets.ts';

const DIRS = [
  { name: 'shipped rules', dir: join(ROOT, 'rules'), data: true, random: 600, odd: 200 },
  { name: 'engine fixture', dir: join(ROOT, 'test/fixtures/engine/basic'), random: 300, odd: 150 },
  { name: 'runner fixture', dir: join(ROOT, 'test/fixtures/runner/basic'), random: 200, odd: 100 },
];

/** The answers as a row: one value per column, undefined where the answers have none. */
function rowOf(columns: readonly string[], answers: Answers): (AnswerValue | undefined)[] {
  return columns.map((id) => (Object.hasOwn(answers, id) ? answers[id] : undefined));
}

describe('RowEvaluator gives what evaluate gives', () => {
  for (const { name, dir, data = false, random, odd } of DIRS) {
    it(`${name}: the advice, and its verdict, for every answer set`, { timeout: 120_000 }, () => {
      const rules = rulesIn(dir);
      const sets = allAnswerSets(rules, dir, { data, random, odd });
      // every question (derived facts too: a row's value for one is ignored, as evaluate ignores
      // an answer to it), every key the answer sets use (figures of parties the rule set asks no
      // question about are still read), an unknown column, in an order of their own
      const keys = new Set([...rules.questions.keys(), ...sets.flatMap((a) => Object.keys(a))]);
      const columns = [...keys, 'not_a_question'].reverse();
      const rows = new RowEvaluator(rules, columns);
      // a second evaluator over other columns, used in between: it must not disturb the first
      const few = new RowEvaluator(rules, columns.slice(0, 3));
      let routes = 0;
      sets.forEach((answers, i) => {
        const values = rowOf(columns, answers);
        const lang = i % 2 === 0 ? 'nl' : 'en';
        const asOf = AS_OF_DATES[i % AS_OF_DATES.length]!;
        const opts: EvaluateOptions =
          i % 4 < 2 ? { asOf, lang, input: { id: `row-${i}` } } : { asOf, lang };
        const want = evaluate(rules, answers, opts);
        const got = rows.advice(values, opts);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          expect.fail(`answer set ${i} (${lang}, ${asOf}): ${JSON.stringify(answers)}`);
        }
        if (i % 7 === 0) few.verdict(rowOf(columns.slice(0, 3), answers), opts);
        expect(rows.verdict(values, opts)).toEqual(verdictOf(want));
        routes += want.routes.length;
      });
      // the collection really exercises the engine: most sets are advised some route
      expect(routes).toBeGreaterThan(sets.length / 2);
    });
  }

  it('a verdict holds the ids of the advice, in its order', () => {
    const rules = rulesIn(join(ROOT, 'rules'));
    const answers: Answers = {
      innovation_type: 'digital',
      goal: ['diagnosis_monitoring'],
      care_setting: ['hospital', 'home'],
      treatment_relation: 'yes',
      phase: 'demonstrate',
      cost_hospital: 300000,
      benefit_health_insurer: 900000,
    };
    const advice = evaluate(rules, answers, { asOf: '2026-11-27', lang: 'en' });
    const verdict = verdictOf(advice);
    expect(advice.routes.length).toBeGreaterThan(1);
    expect(verdict.routes.map((r) => r.id)).toEqual(advice.routes.map((r) => r.id));
    expect(verdict.routes[0]).toEqual({
      id: advice.routes[0]!.id,
      family: advice.routes[0]!.family,
      fit: advice.routes[0]!.fit,
      score: advice.routes[0]!.score,
    });
    expect(verdict.stakeholders).toEqual(advice.stakeholders.map((s) => s.id));
    expect(new Set(verdict.stakeholders).size).toBe(verdict.stakeholders.length);
    expect(verdict.warnings).toEqual(advice.warnings.map((w) => w.id));
    expect(verdict.openQuestions).toEqual(advice.openQuestions);
    // the hospital pays, the insurer gains: a wrong pocket, and the hospital's loss
    expect(verdict.costBenefit).toEqual({ wrongPocket: true, losses: -300000 });
  });

  it('a column named twice counts once, with its last value, as the last key of an object would', () => {
    const rules = rulesIn(join(ROOT, 'rules'));
    const rows = new RowEvaluator(rules, ['phase', 'innovation_type', 'phase', 'not_a_question']);
    const opts: EvaluateOptions = { asOf: '2026-11-27', lang: 'nl' };
    const got = rows.advice(['explore', 'device', 'scale', 'x'], opts);
    const want = evaluate(rules, { innovation_type: 'device', phase: 'scale' }, opts);
    expect(JSON.stringify(got)).toBe(JSON.stringify(want));
    const other = evaluate(rules, { innovation_type: 'device', phase: 'explore' }, opts);
    expect(JSON.stringify(got)).not.toBe(JSON.stringify(other));
  });
});
