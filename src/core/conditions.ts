// Conditions: structured data, never code, and three-valued (Kleene logic). A comparison on an
// unanswered question is unknown, except `answered`, which is always known; `all`, `any` and `not`
// combine true, false and unknown. Every kind of comparison is one entry of OPERATORS below: its
// operand (which the schema and the linter read) and its test. To add a kind of condition, add an
// entry there and a test in test/core/conditions.test.ts; the schema, the JSON Schema, the linter's
// operand check and the engine follow from the entry.
import type { AnswerValue, Answers } from './advice.ts';
import { QUESTION_KINDS } from './ids.ts';
import type { QuestionKind } from './ids.ts';

/** true, false, or undefined for unknown. */
export type Truth = boolean | undefined;

export function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined || value === null) return false;
  // most answers start with a visible character: no need to trim them (this runs per comparison)
  if (typeof value === 'string') return value.charCodeAt(0) > 32 || value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** What an operator compares with: the schema's shape of its operand. */
export type OperandKind = 'scalar' | 'scalars' | 'option' | 'options' | 'number' | 'boolean';

interface OperandTypes {
  scalar: string | number | boolean;
  scalars: (string | number | boolean)[];
  option: string;
  options: string[];
  number: number;
  boolean: boolean;
}

interface OperatorDef<K extends OperandKind> {
  readonly operand: K;
  /** The question kinds it fits (the linter reports any other) ... */
  readonly fits: readonly QuestionKind[];
  /** ... with a hint for some of the others (default: which kinds it works on). */
  readonly hints?: Partial<Record<QuestionKind, string>>;
  /**
   * The test on an answered value. `answered` alone is asked about unanswered values too
   * (`onUnanswered`); every other operator makes an unanswered question unknown.
   */
  readonly test: (operand: OperandTypes[K]) => (value: AnswerValue | undefined) => boolean;
  readonly onUnanswered?: true;
}

function op<K extends OperandKind>(def: OperatorDef<K>): OperatorDef<K> {
  return def;
}

/** A many-answer as a list; any other answer as a list of its text. */
function listOf(value: AnswerValue): readonly unknown[] {
  if (Array.isArray(value)) return value;
  // an object is never an option id (and String() throws on one without a prototype)
  return typeof value === 'object' ? [] : [String(value)];
}

// The tests run for every comparison of every walk: plain loops, no closure made per call.

function holdsAny(list: readonly unknown[], wanted: readonly unknown[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (list.includes(wanted[i])) return true;
  return false;
}

function holdsAll(list: readonly unknown[], wanted: readonly unknown[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (!list.includes(wanted[i])) return false;
  return true;
}

function isOneOf(v: unknown, list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === v) return true;
  return false;
}

/** The kinds of comparison, in the order a comparison with several operators is read. */
const LISTS: Partial<Record<QuestionKind, string>> = { one: 'use equals or in' };

export const OPERATORS = {
  equals: op({
    operand: 'scalar',
    fits: ['one', 'boolean', 'number', 'text'],
    hints: { many: 'use includes, includes_any or includes_all' },
    test: (want) => (v) => v === want,
  }),
  in: op({
    operand: 'scalars',
    fits: ['one', 'number', 'text'],
    hints: { many: 'use includes_any', boolean: 'use equals: true or equals: false' },
    test: (list) => (v) => isOneOf(v, list),
  }),
  includes: op({
    operand: 'option',
    fits: ['many'],
    hints: LISTS,
    test: (want) => (v) => listOf(v!).includes(want),
  }),
  includes_any: op({
    operand: 'options',
    fits: ['many'],
    hints: LISTS,
    test: (want) => (v) => holdsAny(listOf(v!), want),
  }),
  includes_all: op({
    operand: 'options',
    fits: ['many'],
    hints: LISTS,
    test: (want) => (v) => holdsAll(listOf(v!), want),
  }),
  answered: op({
    operand: 'boolean',
    fits: QUESTION_KINDS,
    onUnanswered: true,
    test: (want) => (v) => isAnswered(v) === want,
  }),
  gte: op({
    operand: 'number',
    fits: ['number'],
    test: (n) => (v) => typeof v === 'number' && v >= n,
  }),
  lte: op({
    operand: 'number',
    fits: ['number'],
    test: (n) => (v) => typeof v === 'number' && v <= n,
  }),
  gt: op({
    operand: 'number',
    fits: ['number'],
    test: (n) => (v) => typeof v === 'number' && v > n,
  }),
  lt: op({
    operand: 'number',
    fits: ['number'],
    test: (n) => (v) => typeof v === 'number' && v < n,
  }),
} as const;

export type ComparisonOperator = keyof typeof OPERATORS;

/** The table entry of an operator, for the schema and the linter. */
export function operatorDef(name: ComparisonOperator): OperatorDef<OperandKind> {
  return OPERATORS[name] as OperatorDef<OperandKind>;
}
export const COMPARISON_OPERATORS = Object.keys(OPERATORS) as ComparisonOperator[];

type OperandOf<O extends ComparisonOperator> =
  (typeof OPERATORS)[O] extends OperatorDef<infer K> ? OperandTypes[K] : never;

/** One comparison: a question and exactly one operator (the schema checks that). */
export type Comparison = { question: string } & { [O in ComparisonOperator]?: OperandOf<O> };

export type Condition =
  Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/**
 * Answers by slot: the program gives every question a number (program.ts), so that a condition
 * reads an array element instead of looking up a key in a large object for every comparison.
 */
export type Values = readonly (AnswerValue | undefined)[];

/** The slot of a question. */
export type SlotOf = (question: string) => number;

/** A condition made ready to run: its truth, and which unanswered questions made it unknown. */
export interface CompiledCondition {
  readonly test: (values: Values) => Truth;
  /**
   * Adds to `out` the questions whose missing answers make the condition unknown: only the parts
   * that are themselves unknown count (in `any: [A, B]` with B true, A does not matter).
   */
  readonly unknown: (values: Values, out: string[]) => void;
  /** Every question the condition reads, each once, in order. */
  readonly questions: readonly string[];
}

/** The operator a comparison applies: the first present, in the order of OPERATORS. */
export function operatorOf(c: Comparison): ComparisonOperator | undefined {
  for (const name of COMPARISON_OPERATORS) if (c[name] !== undefined) return name;
  return undefined;
}

function compileComparison(c: Comparison, slotOf: SlotOf): CompiledCondition {
  const q = c.question;
  const s = slotOf(q);
  const name = operatorOf(c);
  const questions = [q];
  const unknown = (v: Values, out: string[]) => {
    if (!isAnswered(v[s]) && !out.includes(q)) out.push(q);
  };
  if (name === undefined) {
    // no operator (the schema refuses it): false once answered
    return { test: (v) => (isAnswered(v[s]) ? false : undefined), unknown, questions };
  }
  const def = OPERATORS[name] as OperatorDef<OperandKind>;
  const check = def.test(c[name] as never);
  if (def.onUnanswered) return { test: (v) => check(v[s]), unknown: () => {}, questions };
  return {
    test: (v) => {
      const x = v[s];
      return isAnswered(x) ? check(x) : undefined;
    },
    unknown,
    questions,
  };
}

function compileGroup(parts: readonly CompiledCondition[], all: boolean): CompiledCondition {
  // all: false wins, then unknown; any: true wins, then unknown
  const decisive = !all;
  const test = (v: Values): Truth => {
    let result: Truth = all;
    for (let i = 0; i < parts.length; i++) {
      const t = parts[i]!.test(v);
      if (t === decisive) return decisive;
      if (t === undefined) result = undefined;
    }
    return result;
  };
  return {
    test,
    unknown: (v, out) => {
      for (const p of parts) if (p.test(v) === undefined) p.unknown(v, out);
    },
    questions: unique(parts.flatMap((p) => p.questions)),
  };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** Compiles a condition (nested as deep as the rule file has it) for the program's slots. */
export function compileCondition(cond: Condition, slotOf: SlotOf): CompiledCondition {
  const sub = (c: Condition) => compileCondition(c, slotOf);
  if ('all' in cond) return compileGroup(cond.all.map(sub), true);
  if ('any' in cond) return compileGroup(cond.any.map(sub), false);
  if ('not' in cond) {
    const inner = sub(cond.not);
    return {
      test: (v) => {
        const t = inner.test(v);
        return t === undefined ? undefined : !t;
      },
      unknown: inner.unknown,
      questions: inner.questions,
    };
  }
  return compileComparison(cond, slotOf);
}

/** A condition compiled for an answers object: its own slots, in order of first reading. */
export function conditionOn(
  cond: Condition,
  answers: Answers,
): { readonly compiled: CompiledCondition; readonly values: Values } {
  const ids: string[] = [];
  const compiled = compileCondition(cond, (q) => {
    const i = ids.indexOf(q);
    return i >= 0 ? i : ids.push(q) - 1;
  });
  return { compiled, values: ids.map((q) => answers[q]) };
}

/** The truth of a condition on these answers (compiles it each time: for tools, not for walks). */
export function evaluateCondition(cond: Condition, answers: Answers): Truth {
  const { compiled, values } = conditionOn(cond, answers);
  return compiled.test(values);
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
