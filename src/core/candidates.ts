// The answers worth trying when searching what would change an advice (counterfactuals.ts): for a
// question the walk read, the values a user could give instead. An option question: every other
// option. A yes/no question: the other one. A many question: the answer with one option added or
// one taken away. A number: the values at the thresholds the rules compare it with, on either side.
// Text questions and derived facts have none (a derived fact changes through its inputs).
import type { AnswerValue } from './advice.ts';
import { comparisons, isAnswered, operatorOf } from './conditions.ts';
import type { Program } from './program.ts';

const thresholdsOf = new WeakMap<Program, ReadonlyMap<string, readonly number[]>>();

/** Per number question, the values at the thresholds of every comparison on it, sorted. */
function numberThresholds(program: Program): ReadonlyMap<string, readonly number[]> {
  let found = thresholdsOf.get(program);
  if (found) return found;
  const sets = new Map<string, Set<number>>();
  const add = (q: string, ...xs: number[]) => {
    let set = sets.get(q);
    if (!set) sets.set(q, (set = new Set()));
    for (const x of xs) if (Number.isFinite(x)) set.add(x);
  };
  for (const node of program.nodes) {
    if (node.kind !== 'if') continue;
    for (const { comparison: c } of comparisons(node.source.if!)) {
      const op = operatorOf(c);
      const v = op === undefined ? undefined : c[op];
      // whole euros: one below and one above a threshold fall on either side of it
      if (typeof v === 'number') add(c.question, v - 1, v, v + 1);
      else if (Array.isArray(v)) for (const x of v) if (typeof x === 'number') add(c.question, x);
    }
  }
  found = new Map([...sets].map(([q, set]) => [q, [...set].sort((a, b) => a - b)]));
  thresholdsOf.set(program, found);
  return found;
}

/** The values to try for `question` instead of `current`, in a fixed order. */
export function candidateValues(
  program: Program,
  question: string,
  current: AnswerValue | undefined,
): AnswerValue[] {
  const q = program.rules.questions.get(question);
  if (!q || program.derived.has(question)) return [];
  switch (q.kind) {
    case 'one':
      return q.optionIds.filter((o) => o !== current);
    case 'boolean':
      return [true, false].filter((b) => b !== current);
    case 'many': {
      const list = Array.isArray(current) ? (current as readonly string[]) : [];
      const out: AnswerValue[] = [];
      // added: in option order, appended to the answer as given
      for (const o of q.optionIds) if (!list.includes(o)) out.push([...list, o]);
      // taken away: only while something is left (an empty list is no answer)
      if (list.length > 1) for (const o of list) out.push(list.filter((x) => x !== o));
      return out;
    }
    case 'number':
      return (numberThresholds(program).get(question) ?? []).filter(
        (n) =>
          !(isAnswered(current) && current === n) &&
          (q.min === undefined || n >= q.min) &&
          (q.max === undefined || n <= q.max),
      );
    default:
      return [];
  }
}
