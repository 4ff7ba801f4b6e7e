// A large, fixed collection of answer sets for checking that the engine's output does not change:
// the example answers in data/, the answers of every rule test case, realistic random answer sets
// drawn (with a fixed seed) from the rule set's own questions, and odd ones (values the engine must
// drop or tolerate: objects, null, blanks, mixed lists, answers to derived facts, unknown keys,
// fractional and huge figures). Used by reference.test.ts and snapshot-hash.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { AnswerValue, Answers } from '../../src/core/advice.ts';
import { normalizeAnswers } from '../../src/core/answers.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const AS_OF_DATES = ['2024-06-01', '2025-02-01', '2026-11-27'] as const;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** The example answers in data/*.yaml, normalised as `advise` does. */
export function dataAnswers(rules: RuleSet): Answers[] {
  return yamlFiles(join(ROOT, 'data')).map((file) => {
    const raw = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    return normalizeAnswers(rules, raw ?? {}).answers;
  });
}

/** The answers of every case in `<dir>/tests/*.yaml`, normalised as `innoroute test` does. */
export function caseAnswers(rules: RuleSet, dir: string): Answers[] {
  const out: Answers[] = [];
  for (const file of yamlFiles(join(dir, 'tests'))) {
    const doc = parse(readFileSync(file, 'utf8')) as {
      cases?: { answers?: Record<string, unknown> }[];
    } | null;
    for (const c of doc?.cases ?? []) out.push(normalizeAnswers(rules, c.answers ?? {}).answers);
  }
  return out;
}

/**
 * Random answer sets as a user or a portfolio would give them: each question answered with
 * probability 0.7 by a valid value; figures (cost_/benefit_) in about 40 % of the sets.
 */
export function randomAnswers(rules: RuleSet, n: number, seed: number): Answers[] {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const out: Answers[] = [];
  for (let i = 0; i < n; i++) {
    const a: Record<string, AnswerValue> = {};
    const figures = rnd() < 0.4;
    for (const id of rules.questionOrder) {
      const q = rules.questions.get(id)!;
      if (q.derived) continue;
      const isFigure = /^(cost|benefit)_/.test(id) && q.owner === 'parties';
      if (isFigure ? !figures || rnd() > 0.3 : rnd() > 0.7) continue;
      switch (q.kind) {
        case 'one':
          if (q.optionIds.length > 0) a[id] = pick(q.optionIds);
          break;
        case 'many': {
          const chosen = q.optionIds.filter(() => rnd() < 0.3);
          if (chosen.length > 0) a[id] = chosen;
          break;
        }
        case 'boolean':
          a[id] = rnd() < 0.5;
          break;
        case 'number':
          a[id] = isFigure
            ? Math.round((rnd() - 0.3) * 10) * pick([1, 1000, 250_000])
            : Math.round(rnd() * 5_000_000);
          break;
        case 'text':
          a[id] = `innovation ${i}`;
          break;
      }
    }
    if (figures && rules.questions.has('has_figures')) a['has_figures'] = rnd() < 0.9;
    out.push(a);
  }
  return out;
}

/**
 * Odd answer sets: mostly valid answers, mixed with the values `evaluate` must take as they come
 * (docs/engine.md §1): objects, null, blank strings, empty and mixed lists, a string where a list
 * is expected, numbers as strings, answers to derived facts, keys unknown to the rule set,
 * fractional, negative, huge and non-finite figures.
 */
export function oddAnswers(rules: RuleSet, n: number, seed: number): Answers[] {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const questions = rules.questionOrder.map((id) => rules.questions.get(id)!);
  const odd = (q: (typeof questions)[number]): unknown =>
    pick<() => unknown>([
      () => null,
      () => ({ value: 1 }),
      () => '',
      () => '   ',
      () => [],
      () => [pick(q.optionIds.length > 0 ? q.optionIds : ['x']), 3, true, null, { a: 1 }],
      () => (q.optionIds.length > 0 ? pick(q.optionIds) : 'yes'),
      () => q.optionIds.slice(0, 2),
      () => 'not-an-option',
      () => pick([0, -1, 2.5, -2.5, 1e15, -1e15, NaN, Infinity, 0.49999, 1234.5]),
      () => String(Math.round(rnd() * 1000)),
      () => rnd() < 0.5,
      () => pick(['true', 'false', 'yes', 'no', 'ja', 'nee']),
    ])();
  const out: Answers[] = [];
  for (let i = 0; i < n; i++) {
    const a: Record<string, unknown> = {};
    for (const q of questions) {
      if (rnd() > 0.6) continue;
      if (rnd() < 0.25) {
        a[q.id] = odd(q);
        continue;
      }
      switch (q.kind) {
        case 'one':
          a[q.id] = pick(q.optionIds);
          break;
        case 'many':
          a[q.id] = q.optionIds.filter(() => rnd() < 0.3);
          break;
        case 'boolean':
          a[q.id] = rnd() < 0.5;
          break;
        case 'number':
          a[q.id] = (rnd() - 0.4) * pick([10, 1e4, 1e7]);
          break;
        default:
          a[q.id] = `text ${i}`;
      }
    }
    if (rnd() < 0.3) a['unknown_question'] = pick(['a', 1, true]);
    if (rnd() < 0.2) a['constructor'] = 'x';
    if (rnd() < 0.2)
      a['phase'] = pick(['explore', 'develop', 'demonstrate', 'implement', 'scale', 'nonsense', 3]);
    out.push(a as Answers);
  }
  return out;
}

/**
 * Every answer set used to check a rule set from `dir`: data/ (when asked: they are written for
 * the shipped rules), the rule test cases, random and odd ones.
 */
export function allAnswerSets(
  rules: RuleSet,
  dir: string,
  { data = false, random = 2000, odd = 500 } = {},
): Answers[] {
  return [
    ...(data ? dataAnswers(rules) : []),
    ...caseAnswers(rules, dir),
    ...randomAnswers(rules, random, 20261127),
    ...oddAnswers(rules, odd, 4242),
  ];
}
