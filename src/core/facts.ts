// The facts a walk reads: the answers as the engine takes them, plus the facts it derives itself
// from the cost/benefit figures (docs/engine.md §1), in the program's slots. Answers given for
// derived facts are ignored; answers to questions no rule reads are not copied (they cannot
// change the advice).
import type { AnswerValue, Answers } from './advice.ts';
import type { Values } from './conditions.ts';
import { costBenefitOf, DERIVED_FACTS, deriveFacts } from './cost-benefit.ts';
import type { CostBenefitFigures } from './cost-benefit.ts';
import type { Program } from './program.ts';
import { PARTY_IDS } from './ruleset.ts';

export interface Facts {
  /** By slot (`Program.slots`). */
  readonly values: Values;
  /** The cost/benefit figures, or null when no cost_/benefit_ number was given. */
  readonly figures: CostBenefitFigures | null;
}

function isScalar(x: unknown): boolean {
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

/**
 * An answer as the engine takes it: strings, numbers, booleans and lists of those. Anything else
 * (an object, null) is no answer; a list keeps its strings, numbers and booleans.
 */
export function sanitize(value: unknown): AnswerValue | undefined {
  if (isScalar(value)) return value as AnswerValue;
  if (!Array.isArray(value)) return undefined;
  return (value.every(isScalar) ? value : value.filter(isScalar)) as AnswerValue;
}

/** Empty slots, for an answer each. */
export function emptyValues(program: Program): (AnswerValue | undefined)[] {
  return new Array<AnswerValue | undefined>(program.slotIds.length).fill(undefined);
}

const hasOwn = Object.prototype.hasOwnProperty;

export function factsOf(program: Program, answers: Answers): Facts {
  const values = emptyValues(program);
  const slots = program.answerSlots;
  // for-in with an own-property check: the keys of Object.keys, without making their array
  for (const key in answers) {
    if (!hasOwn.call(answers, key)) continue;
    const s = slots[key];
    if (s !== undefined) values[s] = sanitize(answers[key]);
  }
  return derived(program, values);
}

/** The facts of answers already in their slots (sanitised): the derived facts are added. */
export function derived(program: Program, values: (AnswerValue | undefined)[]): Facts {
  // without a cost_/benefit_ number there is nothing to compute (and nothing to allocate)
  const figures =
    program.costSlots.some((s) => typeof values[s] === 'number') ||
    program.benefitSlots.some((s) => typeof values[s] === 'number')
      ? costBenefitOf(
          program.costSlots.map((s) => values[s]),
          program.benefitSlots.map((s) => values[s]),
          PARTY_IDS,
        )
      : null;
  // deriveFacts reads only these two answers (and only without figures)
  const facts = deriveFacts(
    {
      cost_bearers: values[program.bearersSlot]!,
      beneficiaries: values[program.beneficiariesSlot]!,
    },
    figures,
    PARTY_IDS,
  );
  DERIVED_FACTS.forEach((key, i) => {
    const v = facts[key];
    if (v !== undefined) values[program.derivedSlots[i]!] = v;
  });
  return { values, figures };
}

/** Facts taken as they are, without deriving anything (for tools that trace a given state). */
export function givenFacts(program: Program, given: Answers): Facts {
  const values = new Array<AnswerValue | undefined>(program.slotIds.length).fill(undefined);
  for (const key of Object.keys(given)) {
    const s = program.slots.get(key);
    if (s !== undefined) values[s] = given[key];
  }
  return { values, figures: null };
}
