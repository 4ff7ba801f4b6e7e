// Which question to ask next, for the wizard: the core questions first, then the follow-ups the
// trees need for these answers, then whether there are euro figures, then the figures. A question
// that cannot change the outcome is not asked: a follow-up is only asked when the walk of a tree
// stops at it or decides a branch on its missing answer. The wizard ends in `evaluate`, the same
// as `advise`. docs/engine.md describes the order.
import type { Answers } from './advice.ts';
import { isAnswered } from './conditions.ts';
import type { Truth } from './conditions.ts';
import type { OpenAt } from './collect.ts';
import { factsOf } from './facts.ts';
import { askable, askIfOf, derivedInputs, openQuestions } from './open-questions.ts';
import { programOf } from './program.ts';
import type { QuestionDef, RuleSet } from './ruleset.ts';
import { walk } from './walk.ts';

export const HAS_FIGURES = 'has_figures';

export type NextQuestion =
  | { readonly done: true }
  | {
      readonly done: false;
      readonly question: QuestionDef;
      readonly reason: 'core' | 'follow-up';
      readonly progress: { readonly asked: number; readonly estimate: number };
    };

export interface NextQuestionOptions {
  /** Questions the user chose to leave open: not asked again, and unanswered for the trees. */
  readonly skipped?: readonly string[];
}

interface Candidates {
  readonly core: QuestionDef[];
  readonly followUps: QuestionDef[];
  readonly hasFigures: QuestionDef[];
  readonly figures: QuestionDef[];
  readonly asked: number;
}

function candidates(rules: RuleSet, answers: Answers, options: NextQuestionOptions): Candidates {
  const program = programOf(rules);
  const skipped = new Set(options.skipped ?? []);
  const working = factsOf(program, answers).values;
  const answered = (id: string) => isAnswered(working[program.slots.get(id)!]);
  const pending = (q: QuestionDef | undefined): q is QuestionDef =>
    q !== undefined &&
    !program.derived.has(q.id) &&
    !skipped.has(q.id) &&
    !answered(q.id) &&
    askable(program, q.id, working);

  const core = program.core.filter(pending);
  const open: OpenAt[] = [];
  walk(program, working, { open: (slot, node) => open.push({ slot, node }) });
  // every open question of the walk, in walk order (ask_if and answered already filtered)
  const followUps = openQuestions(program, open, working, false)
    .map((id) => rules.questions.get(id))
    .filter(
      (q): q is QuestionDef =>
        pending(q) && !q.core && q.id !== HAS_FIGURES && !program.figureIds.has(q.id),
    );
  const hasFigures = [rules.questions.get(HAS_FIGURES)].filter(pending);
  const figures = program.figures.filter(pending);
  let asked = 0;
  for (const [id] of rules.questions) {
    if (!program.derived.has(id) && (skipped.has(id) || answered(id))) asked++;
  }
  return { core, followUps, hasFigures, figures, asked };
}

/**
 * The next question to ask, or done. Core questions in file order (skipping answered ones and
 * those whose ask_if is false); then the follow-ups the walk of the trees stops at or needs, in
 * tree and walk order; then `has_figures`; then the cost_/benefit_ questions whose ask_if holds.
 * Derived questions never. `progress.asked` counts the questions answered (or skipped);
 * `progress.estimate` adds the questions currently known to be pending — it grows as answers
 * open follow-ups.
 */
export function nextQuestion(
  rules: RuleSet,
  answers: Answers,
  options: NextQuestionOptions = {},
): NextQuestion {
  const c = candidates(rules, answers, options);
  const pending = c.core.length + c.followUps.length + c.hasFigures.length + c.figures.length;
  const progress = { asked: c.asked, estimate: c.asked + pending };
  if (c.core[0]) return { done: false, question: c.core[0], reason: 'core', progress };
  const rest = c.followUps[0] ?? c.hasFigures[0] ?? c.figures[0];
  if (rest) return { done: false, question: rest, reason: 'follow-up', progress };
  return { done: true };
}

/**
 * The questions that matter for these answers, in question order: the core questions and
 * `has_figures` unless their ask_if is false, the cost_/benefit_ questions unless their ask_if is
 * false,
 * and every question read by a node the walk of the trees passes (a switch question, every
 * question of an `if` condition) — answered or not. Derived questions never. An answer to a
 * question outside this list cannot change the advice.
 */
export function relevantQuestions(rules: RuleSet, answers: Answers): string[] {
  const program = programOf(rules);
  const working = factsOf(program, answers).values;
  const relevant = new Set<string>();
  // a question whose ask_if is false is never relevant; a figure already given stays relevant
  // while its ask_if is unknown, even though the wizard only asks it once the ask_if holds
  const add = (id: string) => {
    if (!rules.questions.has(id) || program.derived.has(id)) return;
    if (askIfOf(program, id, working) !== false) relevant.add(id);
  };
  for (const q of program.core) add(q.id);
  add(HAS_FIGURES);
  for (const q of program.figures) add(q.id);
  walk(program, working, {
    enter(node) {
      for (const q of node.reads) {
        if (program.derived.has(q)) derivedInputs(program, q).forEach(add);
        else add(q);
      }
    },
  });
  return rules.questionOrder.filter((id) => relevant.has(id));
}

/**
 * The answers without those that have become irrelevant (for the wizard after going back):
 * repeatedly drops the answers to questions of the rule set that `relevantQuestions` no longer
 * lists, until nothing changes, since one dropped answer can make another irrelevant. Keys that
 * are not questions of the rule set are kept; answers given for derived facts are dropped.
 */
export function pruneAnswers(
  rules: RuleSet,
  answers: Answers,
): { answers: Answers; dropped: string[] } {
  const program = programOf(rules);
  let current: Record<string, Answers[string]> = { ...answers };
  const dropped: string[] = [];
  for (;;) {
    const relevant = new Set(relevantQuestions(rules, current));
    const next: Record<string, Answers[string]> = {};
    let changed = false;
    for (const key of Object.keys(current)) {
      const known = rules.questions.has(key) || program.derived.has(key);
      if (known && (program.derived.has(key) || !relevant.has(key))) {
        dropped.push(key);
        changed = true;
      } else next[key] = current[key]!;
    }
    current = next;
    if (!changed) return { answers: current, dropped };
  }
}

/**
 * The truth of each question's ask_if for these answers (true when it has none), from the facts
 * the trees see: for the wizard, which drops answers that an ask_if rules out.
 */
export function askIfTest(rules: RuleSet, answers: Answers): (id: string) => Truth {
  const program = programOf(rules);
  const working = factsOf(program, answers).values;
  return (id) => askIfOf(program, id, working);
}
