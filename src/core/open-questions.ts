// Open questions (docs/engine.md §7): the questions a walk stopped at or branched on unanswered,
// that the user could still answer. A derived fact stands for the questions it is computed from.
import type { OpenAt } from './collect.ts';
import { isAnswered } from './conditions.ts';
import type { Truth, Values } from './conditions.ts';
import type { Program } from './program.ts';
import { sortInPlace } from './sort.ts';

/** The truth of a question's ask_if on these facts: true when it has none (unknown stays unknown). */
export function askIfOf(program: Program, id: string, facts: Values): Truth {
  const askIf = program.askIf.get(id);
  return askIf ? askIf.test(facts) : true;
}

/** Whether the question in slot `s` is to be asked (or reported open) given its ask_if. */
function askableSlot(program: Program, s: number, facts: Values): boolean {
  const info = program.slotInfo[s]!;
  const t = info.askIf ? info.askIf.test(facts) : true;
  // the cost_/benefit_ questions are details: only when has_figures is yes and the party is named
  return info.figure ? t === true : t !== false;
}

/** Whether a question is to be asked (or reported open) given its ask_if. */
export function askable(program: Program, id: string, facts: Values): boolean {
  const s = program.slots.get(id);
  return s === undefined || askableSlot(program, s, facts);
}

/** The questions behind a derived fact, in the order they are worth asking. */
export function derivedInputs(program: Program, fact: string): string[] {
  const s = program.slots.get(fact);
  return s === undefined ? [] : program.slotInfo[s]!.inputs.map((i) => program.slotIds[i]!);
}

/**
 * The open questions: unanswered, not derived, asked per ask_if, known to the rule set. With
 * `byPotential` the most decisive first (the highest potential of a node where the walk met the
 * question), then walk order; without, walk order.
 */
export function openQuestions(
  program: Program,
  open: readonly OpenAt[],
  facts: Values,
  byPotential: boolean,
): string[] {
  // the open slots in walk order, and for each the highest potential where the walk met it
  const order: number[] = [];
  const score: number[] = [];
  const consider = (s: number, potential: number) => {
    const info = program.slotInfo[s]!;
    if (!info.declared || info.derived) return;
    const k = order.indexOf(s);
    if (k >= 0) {
      if (potential > score[k]!) score[k] = potential;
    } else if (!isAnswered(facts[s]) && askableSlot(program, s, facts)) {
      order.push(s);
      score.push(potential);
    }
  };
  for (const { slot: s, node } of open) {
    const info = program.slotInfo[s]!;
    if (info.derived) for (const i of info.inputs) consider(i, node.potential);
    else consider(s, node.potential);
  }
  const ranked = order.map((_, k) => k);
  if (byPotential) sortInPlace(ranked, (a, b) => score[b]! - score[a]! || a - b);
  return ranked.map((k) => program.slotIds[order[k]!]!);
}
