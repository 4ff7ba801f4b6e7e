// Properties over random answers: every advice fits the Advice schema, evaluate never throws and
// is deterministic; nextQuestion only asks what may be asked; compiled conditions agree with
// conditions.ts. Run on the fixture rule set, and on the shipped rules once they validate.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/advice.ts';
import { AdviceSchema } from '../../src/core/advice-schema.ts';
import { conditionOn, evaluateCondition, isAnswered } from '../../src/core/conditions.ts';
import { evaluate } from '../../src/core/engine.ts';
import { nextQuestion, pruneAnswers, relevantQuestions } from '../../src/core/next-question.ts';
import type { QuestionDef, RuleSet } from '../../src/core/ruleset.ts';
import type { Condition } from '../../src/core/schema.ts';
import { readRuleSet } from '../../src/io/compile-rules.ts';
import { fixture } from './helpers.ts';

const junk = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

function validValue(q: QuestionDef): fc.Arbitrary<unknown> {
  switch (q.kind) {
    case 'one':
      return q.optionIds.length > 0 ? fc.constantFrom(...q.optionIds) : fc.constant('x');
    case 'many':
      return fc.subarray([...q.optionIds]);
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(
        fc.integer({ min: 0, max: 30_000_000 }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
      );
    case 'text':
      return fc.string({ maxLength: 12 });
  }
}

/** Random answers: a random subset of the questions, mostly valid values, some junk. */
function answersFor(rules: RuleSet): fc.Arbitrary<Answers> {
  const entries = rules.questionOrder.map((id) => {
    const q = rules.questions.get(id)!;
    return fc
      .option(fc.oneof({ weight: 6, arbitrary: validValue(q) }, { weight: 1, arbitrary: junk }), {
        freq: 2,
      })
      .map((v) => [id, v] as const);
  });
  return fc
    .tuple(fc.tuple(...entries), fc.dictionary(fc.string({ maxLength: 6 }), junk, { maxKeys: 2 }))
    .map(([list, extra]) => {
      const out: Record<string, unknown> = { ...extra };
      for (const [id, v] of list) if (v !== null) out[id] = v;
      return out as Answers;
    });
}

const date = fc
  .date({
    min: new Date('2019-01-01T00:00:00Z'),
    max: new Date('2031-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** Whether the engine takes a raw value as an answer (objects and null are no answer). */
function answeredForEngine(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'number' || typeof v === 'boolean') return true;
  return Array.isArray(v) && v.some((x) => ['string', 'number', 'boolean'].includes(typeof x));
}

function properties(name: string, load: () => RuleSet, runs: number) {
  describe(`properties on ${name}`, () => {
    it('every advice fits the schema, never throws, and is deterministic', () => {
      const rules = load();
      fc.assert(
        fc.property(
          answersFor(rules),
          date,
          fc.constantFrom('nl' as const, 'en' as const),
          (answers, asOf, lang) => {
            const one = evaluate(rules, answers, { asOf, lang });
            const parsed = AdviceSchema.safeParse(one);
            if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
            // another evaluation in between must not disturb the next one
            evaluate(rules, {}, { asOf, lang: lang === 'nl' ? 'en' : 'nl' });
            const two = evaluate(rules, { ...answers }, { asOf, lang });
            expect(JSON.stringify(two)).toBe(JSON.stringify(one));
            // no question is both answered and open; no derived question is open
            for (const q of one.openQuestions) {
              expect(rules.questions.get(q)?.derived).not.toBe(true);
            }
          },
        ),
        { numRuns: runs },
      );
    });

    it('nextQuestion asks only unanswered, non-derived questions, and the wizard ends', () => {
      const rules = load();
      fc.assert(
        fc.property(answersFor(rules), (answers) => {
          const given: Record<string, unknown> = { ...answers };
          for (let i = 0; i < rules.questions.size + 1; i++) {
            const next = nextQuestion(rules, given as Answers);
            if (next.done) return;
            const q = next.question;
            expect(q.derived).not.toBe(true);
            expect(answeredForEngine(given[q.id])).toBe(false);
            expect(next.progress.estimate).toBeGreaterThan(next.progress.asked);
            // answer with a value the question accepts
            given[q.id] =
              q.kind === 'one'
                ? (q.optionIds[0] ?? 'x')
                : q.kind === 'many'
                  ? q.optionIds.slice(0, 1)
                  : q.kind === 'boolean'
                    ? true
                    : q.kind === 'number'
                      ? 1000
                      : 'text';
            if (q.kind === 'many' && q.optionIds.length === 0) given[q.id] = ['x'];
          }
          throw new Error('nextQuestion did not finish');
        }),
        { numRuns: Math.ceil(runs / 2) },
      );
    });

    it('pruneAnswers only drops answers relevantQuestions does not list, and is idempotent', () => {
      const rules = load();
      fc.assert(
        fc.property(answersFor(rules), (answers) => {
          const { answers: kept, dropped } = pruneAnswers(rules, answers);
          const relevant = new Set(relevantQuestions(rules, kept));
          for (const id of Object.keys(kept)) {
            if (rules.questions.has(id)) expect(relevant.has(id)).toBe(true);
          }
          for (const id of dropped) expect(kept).not.toHaveProperty(id);
          expect(pruneAnswers(rules, kept).dropped).toEqual([]);
        }),
        { numRuns: Math.ceil(runs / 2) },
      );
    });
  });
}

properties('the fixture rule set', () => fixture(), 300);

// The shipped rules, once they load without errors (they are being written).
const shippedDir = fileURLToPath(new URL('../../rules/', import.meta.url));
const shipped = (() => {
  try {
    const { rules, diagnostics } = readRuleSet(shippedDir, false);
    return rules && rules.trees.length > 0 && !diagnostics.some((d) => d.severity === 'error')
      ? rules
      : undefined;
  } catch {
    return undefined;
  }
})();
if (shipped) properties('the shipped rules', () => shipped, 150);
else it.skip('properties on the shipped rules (they do not validate yet)', () => {});

// -------------------------------------------------------------------------------------------

describe('compiled conditions', () => {
  const questions = ['a', 'b', 'c', 'n'];
  const value = fc.oneof(
    fc.constantFrom('x', 'y', 'z', ' ', ''),
    fc.integer({ min: -2, max: 2 }),
    fc.boolean(),
  );
  const comparison: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({ question: fc.constantFrom(...questions), equals: value }),
    fc.record({
      question: fc.constantFrom(...questions),
      in: fc.array(value, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ question: fc.constantFrom(...questions), includes: fc.constantFrom('x', 'y') }),
    fc.record({
      question: fc.constantFrom(...questions),
      includes_any: fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: 1, maxLength: 2 }),
    }),
    fc.record({
      question: fc.constantFrom(...questions),
      includes_all: fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: 1, maxLength: 2 }),
    }),
    fc.record({ question: fc.constantFrom(...questions), answered: fc.boolean() }),
    fc.record({ question: fc.constantFrom(...questions), gte: fc.integer({ min: -2, max: 2 }) }),
    fc.record({ question: fc.constantFrom(...questions), lt: fc.integer({ min: -2, max: 2 }) }),
    fc.record({ question: fc.constantFrom(...questions), gt: fc.integer({ min: -2, max: 2 }) }),
    fc.record({ question: fc.constantFrom(...questions), lte: fc.integer({ min: -2, max: 2 }) }),
  );
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      comparison,
      fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
    ),
  }));
  const answers = fc.dictionary(
    fc.constantFrom(...questions),
    fc.oneof(value, fc.subarray(['x', 'y', 'z']), fc.constant(Number.NaN)),
  ) as fc.Arbitrary<Answers>;

  it('follow De Morgan and double negation', () => {
    fc.assert(
      fc.property(condition, condition, answers, (x, y, a) => {
        const t = (c: Condition) => evaluateCondition(c, a);
        expect(t({ not: { all: [x, y] } })).toBe(t({ any: [{ not: x }, { not: y }] }));
        expect(t({ not: { any: [x, y] } })).toBe(t({ all: [{ not: x }, { not: y }] }));
        expect(t({ not: { not: x } })).toBe(t(x));
      }),
      { numRuns: 1000 },
    );
  });

  it('when unknown, name the unanswered questions that make them so', () => {
    fc.assert(
      fc.property(condition, answers, (c, a) => {
        const { compiled, values } = conditionOn(c, a);
        // the walk asks for the unknown questions only of a condition that is unknown
        if (compiled.test(values) !== undefined) return;
        const unknown: string[] = [];
        compiled.unknown(values, unknown);
        expect(unknown.length).toBeGreaterThan(0);
        for (const q of unknown) {
          expect(compiled.questions).toContain(q);
          expect(isAnswered(a[q])).toBe(false);
        }
        // with every question answered, nothing is unknown
        const all = Object.fromEntries(compiled.questions.map((q) => [q, 'x']));
        expect(evaluateCondition(c, { ...a, ...all })).not.toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
