// Three-valued evaluation of structured conditions (Kleene logic). A comparison on an unanswered
// question is unknown — except `answered`, which is always known.
import type { AnswerValue, Answers } from './advice.ts';
import type { Comparison, Condition } from './schema.ts';

/** true, false, or undefined for unknown. */
export type Truth = boolean | undefined;

export function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function asList(value: AnswerValue): readonly string[] {
  return Array.isArray(value) ? value : [String(value)];
}

function compare(c: Comparison, answers: Answers, unknown?: Set<string>): Truth {
  const value = answers[c.question];
  if (c.answered !== undefined) return isAnswered(value) === c.answered;
  if (!isAnswered(value)) {
    unknown?.add(c.question);
    return undefined;
  }
  if (c.equals !== undefined) return value === c.equals;
  if (c.in !== undefined) return c.in.some((v) => v === value);
  if (c.includes !== undefined) return asList(value).includes(c.includes);
  if (c.includes_any !== undefined) {
    const list = asList(value);
    return c.includes_any.some((v) => list.includes(v));
  }
  if (c.includes_all !== undefined) {
    const list = asList(value);
    return c.includes_all.every((v) => list.includes(v));
  }
  if (typeof value !== 'number') return false;
  if (c.gte !== undefined) return value >= c.gte;
  if (c.lte !== undefined) return value <= c.lte;
  if (c.gt !== undefined) return value > c.gt;
  if (c.lt !== undefined) return value < c.lt;
  return false;
}

/**
 * Evaluates a condition. When `unknown` is given, the questions whose missing answers made a
 * comparison unknown are added to it.
 */
export function evaluateCondition(cond: Condition, answers: Answers, unknown?: Set<string>): Truth {
  if ('all' in cond) {
    let result: Truth = true;
    for (const c of cond.all) {
      const r = evaluateCondition(c, answers, unknown);
      if (r === false) return false;
      if (r === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in cond) {
    let result: Truth = false;
    for (const c of cond.any) {
      const r = evaluateCondition(c, answers, unknown);
      if (r === true) return true;
      if (r === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in cond) {
    const r = evaluateCondition(cond.not, answers, unknown);
    return r === undefined ? undefined : !r;
  }
  return compare(cond, answers, unknown);
}

/** Every comparison in a condition, depth first, with its path below the condition. */
export function* comparisons(
  cond: Condition,
  path: (string | number)[] = [],
): Generator<{ comparison: Comparison; path: (string | number)[] }> {
  if ('all' in cond) {
    for (let i = 0; i < cond.all.length; i++) yield* comparisons(cond.all[i]!, [...path, 'all', i]);
  } else if ('any' in cond) {
    for (let i = 0; i < cond.any.length; i++) yield* comparisons(cond.any[i]!, [...path, 'any', i]);
  } else if ('not' in cond) {
    yield* comparisons(cond.not, [...path, 'not']);
  } else {
    yield { comparison: cond, path };
  }
}
