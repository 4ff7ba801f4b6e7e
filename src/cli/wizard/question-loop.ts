// The question loop: which question comes next, what an answer, a skip or a step back does to the
// session, and which earlier answers a change makes irrelevant. It asks through askQuestion and
// saves through the callback it is given, so how a question looks and where the session is
// written are decided elsewhere.
import type { ChalkInstance } from 'chalk';
import type { Answers, Lang } from '../../core/advice.ts';
import { askIfTest, nextQuestion, pruneAnswers } from '../../core/next-question.ts';
import type { QuestionDef, RuleSet } from '../../core/ruleset.ts';
import { ui } from '../../report/ui-strings.ts';
import type { Prompter } from '../prompter.ts';
import { askQuestion } from './question-prompt.ts';
import type { SessionState } from './session-file.ts';

/**
 * The question loop: ask, record, save. Back re-asks the previous question with its answer as the
 * default, and then the ones after it again (a redo stack), so the user can change an answer and
 * walk forward through the rest; help explains and asks again.
 */
export async function askQuestions(
  rules: RuleSet,
  state: SessionState,
  prompter: Prompter,
  lang: Lang,
  chalk: ChalkInstance,
  save: () => void,
  width: number,
): Promise<void> {
  const s = ui(lang);
  const redo: string[] = [];
  const given = (id: string) => id in state.answers || state.skipped.includes(id);
  for (;;) {
    const next = nextQuestion(rules, state.answers, { skipped: state.skipped });
    let q: QuestionDef | undefined;
    while (!q && redo.length > 0) {
      const id = redo.pop()!;
      if (given(id)) q = rules.questions.get(id);
    }
    if (!q) {
      if (next.done) return;
      q = next.question;
    }
    const asked = next.done ? countGiven(rules, state) : next.progress.asked;
    const estimate = next.done ? asked : next.progress.estimate;
    const position = Math.max(1, asked + 1 - redo.length - (given(q.id) ? 1 : 0));
    const progress = s.wizard.progress(position, Math.max(estimate, position));

    const action = await askQuestion(rules, q, state, prompter, lang, chalk, progress, width);
    if (action.kind === 'back') {
      const prev = state.history.pop();
      if (given(q.id)) redo.push(q.id);
      if (prev === undefined) prompter.say(chalk.gray(s.wizard.atFirst));
      else redo.push(prev);
      continue;
    }
    if (action.kind === 'skip') {
      delete state.answers[q.id];
      if (!state.skipped.includes(q.id)) state.skipped.push(q.id);
    } else {
      state.answers[q.id] = action.value;
      state.skipped = state.skipped.filter((id) => id !== q.id);
    }
    state.history = state.history.filter((id) => id !== q.id);
    state.history.push(q.id);
    const dropped = dropExcluded(rules, state);
    if (dropped.length > 0)
      prompter.say(chalk.yellow(s.wizard.dropped(questionList(rules, dropped, lang))));
    save();
  }
}

/** Questions by their (shortened) text, for notices: "Past het …?", "Wie draagt …?". */
export function questionList(rules: RuleSet, ids: readonly string[], lang: Lang): string {
  return ids
    .map((id) => {
      const text = rules.questions.get(id)?.text[lang] ?? id;
      return `"${text.length > 70 ? `${text.slice(0, 69).trimEnd()}…` : text}"`;
    })
    .join(', ');
}

function countGiven(rules: RuleSet, state: SessionState): number {
  return [...rules.questions.keys()].filter(
    (id) => id in state.answers || state.skipped.includes(id),
  ).length;
}

/**
 * Drops the answers whose question is ruled out by its ask_if after a change — definitely: an
 * ask_if that is false stays false whatever else is answered. Repeats until nothing changes,
 * since one dropped answer can rule out another.
 */
export function dropExcluded(rules: RuleSet, state: SessionState): string[] {
  const dropped: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    const askIf = askIfTest(rules, state.answers);
    for (const id of [...Object.keys(state.answers), ...state.skipped]) {
      if (askIf(id) === false) {
        if (id in state.answers) {
          delete state.answers[id];
          dropped.push(id);
          changed = true;
        }
        state.skipped = state.skipped.filter((x) => x !== id);
      }
    }
  }
  state.history = state.history.filter((id) => id in state.answers || state.skipped.includes(id));
  return dropped;
}

/**
 * At the end, every answer that can no longer change the advice (the trees do not read it with
 * these answers) is dropped, so the saved answers are the ones the advice rests on.
 */
export function finalAnswers(
  rules: RuleSet,
  state: SessionState,
): { answers: Answers; dropped: string[] } {
  const { answers, dropped } = pruneAnswers(rules, state.answers);
  return { answers, dropped };
}
