// Sentences of an explanation, for an innovator: questions by their text, answers by their option
// labels (rules/questions.yaml), each with the id and value in brackets so that the answers file
// can be changed to match. Shared by the text and Markdown renderers (explain-report.ts).
import type { AnswerValue, Lang } from '../core/advice.ts';
import type { Counterfactual, TraceComparison, TraceStep } from '../core/explain.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { textIn } from '../core/texts.ts';
import { explainStrings } from './explain-strings.ts';
import { formatEuro, questionText } from './labels.ts';

/** How an id is set off in running text: as it is (text) or as code (Markdown). */
export type Code = (id: string) => string;

export interface Phrasing {
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly code: Code;
}

function isMoney(question: string): boolean {
  return /^(cost|benefit)_/.test(question) || question === 'cb_total';
}

/** One value of a question as the reader knows it: an option's label, yes/no, an amount. */
export function valueLabel(p: Phrasing, question: string, value: unknown): string {
  const s = explainStrings(p.lang);
  if (typeof value === 'boolean') return value ? s.yes : s.no;
  if (typeof value === 'number')
    return isMoney(question) ? formatEuro(value, p.lang) : String(value);
  if (Array.isArray(value)) return value.map((v) => valueLabel(p, question, v)).join(', ');
  const id = String(value);
  const q = p.rules.questions.get(question);
  const option = q?.optionList.find((o) => o.id === id);
  if (option) return textIn(option.label, p.lang);
  const party = p.rules.parties.get(id);
  return party ? textIn(party, p.lang) : id;
}

/** A value as the answers file writes it: `device`, `[home, community]`, `true`, `250000`. */
export function rawValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(String).join(', ')}]`;
  return String(value);
}

function answerPart(p: Phrasing, question: string, answer: AnswerValue | undefined): string {
  const s = explainStrings(p.lang);
  return answer === undefined
    ? `${s.answer}: ${s.unanswered} (${p.code(question)})`
    : `${s.answer}: ${valueLabel(p, question, answer)} (${p.code(`${question}: ${rawValue(answer)}`)})`;
}

function comparisonLine(p: Phrasing, c: TraceComparison): string {
  const s = explainStrings(p.lang);
  const holds = c.holds === null ? s.holds.unknown : c.holds ? s.holds.true : s.holds.false;
  const q = s.quote(shortQuestion(p, c.question));
  const test =
    c.test === 'answered'
      ? c.operand === false
        ? s.op.not_answered
        : s.op.answered
      : `${s.op[c.test] ?? c.test} ${s.quote(valueLabel(p, c.question, c.operand))}`;
  return `[${holds}] ${q} ${test} — ${answerPart(p, c.question, c.answer)}`;
}

/** The lines of one decision: a switch's question and answer, or an if's deciding comparisons. */
export function stepLines(p: Phrasing, step: TraceStep): string[] {
  const s = explainStrings(p.lang);
  const stop = step.branch === null ? ` — ${s.stopped}` : '';
  if ('question' in step) {
    return [
      `${shortQuestion(p, step.question)} — ${answerPart(p, step.question, step.answer)}${stop}`,
    ];
  }
  const lines = step.comparisons.map((c) => comparisonLine(p, c));
  if (lines.length > 0 && stop) lines[lines.length - 1] += stop;
  return lines;
}

/** `„Hulpmiddelenzorg” (zvw.hulpmiddelenzorg)`. */
export function routeName(p: Phrasing, id: string): string {
  const route = p.rules.routes.get(id);
  const s = explainStrings(p.lang);
  return route ? `${s.quote(textIn(route.title, p.lang))} (${p.code(id)})` : p.code(id);
}

/** One changed answer, said as what the user would answer. */
function changePart(
  p: Phrasing,
  question: string,
  before: AnswerValue | undefined,
  after: AnswerValue,
): string {
  const s = explainStrings(p.lang);
  const q = shortQuestion(p, question);
  const kind = p.rules.questions.get(question)?.kind;
  if (kind === 'many' && Array.isArray(after)) {
    const was: readonly string[] = Array.isArray(before) ? before : [];
    const added = after.filter((x) => !was.includes(x));
    const removed = was.filter((x) => !after.includes(x));
    if (added.length === 1 && removed.length === 0) {
      return s.addTo(q, valueLabel(p, question, added[0]), p.code(`${question}: +${added[0]}`));
    }
    if (removed.length === 1 && added.length === 0) {
      return s.removeFrom(
        q,
        valueLabel(p, question, removed[0]),
        p.code(`${question}: -${removed[0]}`),
      );
    }
  }
  return s.setTo(q, valueLabel(p, question, after), p.code(`${question}: ${rawValue(after)}`));
}

/**
 * "Als je bij „…” „…” antwoordt (q: v), wordt „…” (id) de eerste route." One change may open
 * several routes: they are named together.
 */
export function counterfactualSentence(
  p: Phrasing,
  c: Pick<Counterfactual, 'change' | 'effect'>,
  routes: readonly string[],
  answers: Readonly<Record<string, AnswerValue>>,
): string {
  const s = explainStrings(p.lang);
  const parts = Object.keys(c.change).map((q) => changePart(p, q, answers[q], c.change[q]!));
  const names = routes.map((r) => routeName(p, r));
  return s.ifThen(parts, c.effect === 'first' ? s.becomesFirst(names[0]!) : s.opens(names));
}

/** A question's text without the hint in brackets after its question mark. */
export function shortQuestion(p: Phrasing, id: string): string {
  return questionText(p.rules, id, p.lang).replace(/\?\s*\([^()]*\)\s*$/, '?');
}
