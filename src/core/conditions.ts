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

/** The operator a comparison applies: the first present, in the order of OPERATORS. */
export function operatorOf(c: Comparison): ComparisonOperator | undefined {
  for (const name of COMPARISON_OPERATORS) if (c[name] !== undefined) return name;
  return undefined;
}

export type ConditionKind = 'compare' | 'answered' | 'no-operator' | 'not' | 'all' | 'any';

/**
 * A condition made ready to run: its truth, and which unanswered questions made it unknown. Plain
 * read-only data (a comparison's slot and test, a group's parts) read by the methods below: one
 * `test` for every kind, so that a walk calls the same function for every condition.
 */
export class CompiledCondition {
  constructor(
    private readonly kind: ConditionKind,
    /** A comparison: the slot of its question, and the test of an answer (OPERATORS). */
    private readonly slot: number,
    private readonly check: ((value: AnswerValue | undefined) => boolean) | null,
    /** all / any / not: the parts. */
    private readonly parts: readonly CompiledCondition[],
    /** Every question the condition reads, each once, in order, and their slots (same order). */
    readonly questions: readonly string[],
    readonly slots: readonly number[],
  ) {}

  /** True, false, or undefined for unknown. */
  test(values: Values): Truth {
    switch (this.kind) {
      case 'compare': {
        const x = values[this.slot];
        return isAnswered(x) ? this.check!(x) : undefined;
      }
      case 'answered':
        return this.check!(values[this.slot]);
      case 'no-operator':
        return isAnswered(values[this.slot]) ? false : undefined;
      case 'not': {
        const t = this.parts[0]!.test(values);
        return t === undefined ? undefined : !t;
      }
      default: {
        // all: false wins, then unknown; any: true wins, then unknown
        const all = this.kind === 'all';
        let result: Truth = all;
        for (let i = 0; i < this.parts.length; i++) {
          const t = this.parts[i]!.test(values);
          if (t === !all) return !all;
          if (t === undefined) result = undefined;
        }
        return result;
      }
    }
  }

  /**
   * Adds to `out` the slots of the questions whose missing answers make the condition unknown,
   * each once: only the parts that are themselves unknown count (in `any: [A, B]` with B true, A
   * does not matter).
   */
  unknownSlots(values: Values, out: number[]): void {
    switch (this.kind) {
      case 'compare':
      case 'no-operator':
        if (!isAnswered(values[this.slot]) && !out.includes(this.slot)) out.push(this.slot);
        return;
      case 'answered':
        return;
      case 'not':
        this.parts[0]!.unknownSlots(values, out);
        return;
      default:
        for (const p of this.parts) if (p.test(values) === undefined) p.unknownSlots(values, out);
    }
  }

  /** How many comparisons the condition holds (depth first, as `comparisons` lists them). */
  get leaves(): number {
    if (this.slot >= 0) return 1;
    let n = 0;
    for (const p of this.parts) n += p.leaves;
    return n;
  }

  /**
   * For explanations: adds to `out` the comparisons that decide the truth on these values, by
   * their position depth first (as `comparisons` lists them), with their truth: in `all` and
   * `any`, the parts whose truth is the group's (a false `all`: its false parts; a true one: all).
   */
  deciding(values: Values, out: { leaf: number; truth: Truth }[], first = 0): void {
    if (this.slot >= 0) {
      out.push({ leaf: first, truth: this.test(values) });
      return;
    }
    // a `not` is decided by its part; all / any by the parts whose truth is the group's
    const truth = this.test(values);
    let at = first;
    for (const p of this.parts) {
      if (this.kind === 'not' || p.test(values) === truth) p.deciding(values, out, at);
      at += p.leaves;
    }
  }

  /** Every comparison's truth on these values, depth first (as `comparisons` lists them). */
  leafTruths(values: Values, out: Truth[]): void {
    if (this.slot >= 0) out.push(this.test(values));
    else for (const p of this.parts) p.leafTruths(values, out);
  }

  /** `unknownSlots` as question ids (added to `out` when not in it yet). */
  unknown(values: Values, out: string[]): void {
    const slots: number[] = [];
    this.unknownSlots(values, slots);
    for (const s of slots) {
      const q = this.questions[this.slots.indexOf(s)]!;
      if (!out.includes(q)) out.push(q);
    }
  }
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** Compiles a condition (nested as deep as the rule file has it) for the program's slots. */
export function compileCondition(cond: Condition, slotOf: SlotOf): CompiledCondition {
  const group = (kind: ConditionKind, parts: readonly CompiledCondition[]) =>
    new CompiledCondition(
      kind,
      -1,
      null,
      parts,
      unique(parts.flatMap((p) => p.questions)),
      unique(parts.flatMap((p) => p.slots)),
    );
  const sub = (c: Condition) => compileCondition(c, slotOf);
  if ('all' in cond) return group('all', cond.all.map(sub));
  if ('any' in cond) return group('any', cond.any.map(sub));
  if ('not' in cond) return group('not', [sub(cond.not)]);
  const q = cond.question;
  const s = slotOf(q);
  const name = operatorOf(cond);
  // no operator (the schema refuses it): false once answered
  if (name === undefined) return new CompiledCondition('no-operator', s, null, [], [q], [s]);
  const def = OPERATORS[name] as OperatorDef<OperandKind>;
  const kind = def.onUnanswered ? 'answered' : 'compare';
  return new CompiledCondition(kind, s, def.test(cond[name] as never), [], [q], [s]);
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
