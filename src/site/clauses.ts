// A tree's conditions as sentences an innovator reads: "bij „Waar wordt de innovatie gebruikt?”
// is „Thuis” gekozen", never `{ question: care_setting, includes: home }`. Questions by their text,
// answers by their option labels (rules/questions.yaml), negations pushed inward (De Morgan) so
// that "not all of" reads as "one of these does not hold". Pure: the site's pages and the search
// index are made from these clauses.
import type { Lang } from '../core/advice.ts';
import { operatorOf } from '../core/conditions.ts';
import type { Comparison, Condition } from '../core/conditions.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { shortQuestion, valueLabel } from '../report/explain-phrases.ts';
import type { Phrasing } from '../report/explain-phrases.ts';

/** A condition said in words: a sentence, or a group of them that all / any must hold. */
export type Clause =
  | { readonly kind: 'leaf'; readonly text: string; readonly questions: readonly string[] }
  | { readonly kind: 'all' | 'any'; readonly parts: readonly Clause[] };

interface Words {
  readonly is: (q: string, v: string) => string;
  readonly isNot: (q: string, v: string) => string;
  readonly oneOf: (q: string, vs: readonly string[]) => string;
  readonly noneOf: (q: string, vs: readonly string[]) => string;
  readonly chosen: (q: string, v: string) => string;
  readonly notChosen: (q: string, v: string) => string;
  readonly anyChosen: (q: string, vs: readonly string[]) => string;
  readonly noneChosen: (q: string, vs: readonly string[]) => string;
  readonly allChosen: (q: string, vs: readonly string[]) => string;
  readonly notAllChosen: (q: string, vs: readonly string[]) => string;
  readonly answered: (q: string) => string;
  readonly unanswered: (q: string) => string;
  readonly number: Readonly<Record<'gte' | 'lte' | 'gt' | 'lt', (q: string, n: string) => string>>;
  readonly or: string;
  readonly and: string;
  readonly quote: (s: string) => string;
}

const list = (vs: readonly string[], last: string) =>
  vs.length <= 1 ? (vs[0] ?? '') : `${vs.slice(0, -1).join(', ')} ${last} ${vs.at(-1)}`;

const NL: Words = {
  is: (q, v) => `op ${q} is het antwoord ${v}`,
  isNot: (q, v) => `op ${q} is het antwoord niet ${v}`,
  oneOf: (q, vs) => `op ${q} is het antwoord ${list(vs, 'of')}`,
  noneOf: (q, vs) => `op ${q} is het antwoord geen van ${list(vs, 'en')}`,
  chosen: (q, v) => `bij ${q} is ${v} gekozen`,
  notChosen: (q, v) => `bij ${q} is ${v} niet gekozen`,
  anyChosen: (q, vs) => `bij ${q} is ${list(vs, 'of')} gekozen`,
  noneChosen: (q, vs) => `bij ${q} is geen van ${list(vs, 'en')} gekozen`,
  allChosen: (q, vs) => `bij ${q} zijn ${list(vs, 'en')} gekozen`,
  notAllChosen: (q, vs) => `bij ${q} zijn niet alle van ${list(vs, 'en')} gekozen`,
  answered: (q) => `${q} is beantwoord`,
  unanswered: (q) => `${q} is nog niet beantwoord`,
  number: {
    gte: (q, n) => `op ${q} is het antwoord minstens ${n}`,
    lte: (q, n) => `op ${q} is het antwoord hoogstens ${n}`,
    gt: (q, n) => `op ${q} is het antwoord meer dan ${n}`,
    lt: (q, n) => `op ${q} is het antwoord minder dan ${n}`,
  },
  or: 'of',
  and: 'en',
  quote: (s) => `„${s}”`,
};

const EN: Words = {
  is: (q, v) => `the answer to ${q} is ${v}`,
  isNot: (q, v) => `the answer to ${q} is not ${v}`,
  oneOf: (q, vs) => `the answer to ${q} is ${list(vs, 'or')}`,
  noneOf: (q, vs) => `the answer to ${q} is none of ${list(vs, 'and')}`,
  chosen: (q, v) => `${v} is chosen for ${q}`,
  notChosen: (q, v) => `${v} is not chosen for ${q}`,
  anyChosen: (q, vs) => `${list(vs, 'or')} is chosen for ${q}`,
  noneChosen: (q, vs) => `none of ${list(vs, 'and')} is chosen for ${q}`,
  allChosen: (q, vs) => `${list(vs, 'and')} are chosen for ${q}`,
  notAllChosen: (q, vs) => `not all of ${list(vs, 'and')} are chosen for ${q}`,
  answered: (q) => `${q} is answered`,
  unanswered: (q) => `${q} is not answered yet`,
  number: {
    gte: (q, n) => `the answer to ${q} is at least ${n}`,
    lte: (q, n) => `the answer to ${q} is at most ${n}`,
    gt: (q, n) => `the answer to ${q} is more than ${n}`,
    lt: (q, n) => `the answer to ${q} is less than ${n}`,
  },
  or: 'or',
  and: 'and',
  quote: (s) => `“${s}”`,
};

export function clauseWords(lang: Lang): Words {
  return lang === 'en' ? EN : NL;
}

export interface ClauseContext {
  readonly rules: RuleSet;
  readonly lang: Lang;
}

function phrasing(c: ClauseContext): Phrasing {
  return { rules: c.rules, lang: c.lang, code: (id) => id };
}

function leaf(text: string, questions: readonly string[]): Clause {
  return { kind: 'leaf', text, questions };
}

/** A question as it stands in a clause: its text, quoted. */
export function quotedQuestion(c: ClauseContext, id: string): string {
  return clauseWords(c.lang).quote(shortQuestion(phrasing(c), id));
}

function labels(c: ClauseContext, question: string, values: readonly unknown[]): string[] {
  const w = clauseWords(c.lang);
  return values.map((v) => w.quote(valueLabel(phrasing(c), question, v)));
}

/** One comparison, or its negation, in words. */
function comparisonClause(c: ClauseContext, cmp: Comparison, negated: boolean): Clause {
  const w = clauseWords(c.lang);
  const id = cmp.question;
  const q = quotedQuestion(c, id);
  const op = operatorOf(cmp);
  const say = (text: string) => leaf(text, [id]);
  switch (op) {
    case 'equals': {
      const v = cmp.equals!;
      // a yes/no question said as the answer, so that "not yes" reads as "no"
      if (typeof v === 'boolean') return say(w.is(q, labels(c, id, [negated ? !v : v])[0]!));
      const [label] = labels(c, id, [v]);
      return say(negated ? w.isNot(q, label!) : w.is(q, label!));
    }
    case 'in': {
      const vs = labels(c, id, cmp.in!);
      if (vs.length === 1) return say(negated ? w.isNot(q, vs[0]!) : w.is(q, vs[0]!));
      return say(negated ? w.noneOf(q, vs) : w.oneOf(q, vs));
    }
    case 'includes': {
      const [label] = labels(c, id, [cmp.includes!]);
      return say(negated ? w.notChosen(q, label!) : w.chosen(q, label!));
    }
    case 'includes_any': {
      const vs = labels(c, id, cmp.includes_any!);
      if (vs.length === 1) return say(negated ? w.notChosen(q, vs[0]!) : w.chosen(q, vs[0]!));
      return say(negated ? w.noneChosen(q, vs) : w.anyChosen(q, vs));
    }
    case 'includes_all': {
      const vs = labels(c, id, cmp.includes_all!);
      if (vs.length === 1) return say(negated ? w.notChosen(q, vs[0]!) : w.chosen(q, vs[0]!));
      return say(negated ? w.notAllChosen(q, vs) : w.allChosen(q, vs));
    }
    case 'answered':
      return say(cmp.answered !== negated ? w.answered(q) : w.unanswered(q));
    case 'gte':
    case 'lte':
    case 'gt':
    case 'lt': {
      // not >= n is < n, and so on: said the positive way
      const flip = { gte: 'lt', lt: 'gte', lte: 'gt', gt: 'lte' } as const;
      const name = negated ? flip[op] : op;
      const n = valueLabel(phrasing(c), id, cmp[op]!);
      return say(w.number[name](q, n));
    }
    default:
      return say(w.answered(q));
  }
}

/** Nested groups of the same kind are one group: all(a, all(b, c)) reads as all(a, b, c). */
function group(kind: 'all' | 'any', parts: readonly Clause[]): Clause {
  const flat = parts.flatMap((p) => (p.kind === kind ? p.parts : [p]));
  return flat.length === 1 ? flat[0]! : { kind, parts: flat };
}

/** A condition in words; `negated` says it does not hold (pushed down to the comparisons). */
export function conditionClause(c: ClauseContext, cond: Condition, negated = false): Clause {
  if ('all' in cond)
    return group(
      negated ? 'any' : 'all',
      cond.all.map((x) => conditionClause(c, x, negated)),
    );
  if ('any' in cond)
    return group(
      negated ? 'all' : 'any',
      cond.any.map((x) => conditionClause(c, x, negated)),
    );
  if ('not' in cond) return conditionClause(c, cond.not, !negated);
  return comparisonClause(c, cond, negated);
}

/** A switch's case: the question answered with one of these values. */
export function caseClause(
  c: ClauseContext,
  question: string,
  values: readonly (string | boolean)[],
): Clause {
  const w = clauseWords(c.lang);
  const q = quotedQuestion(c, question);
  const many = c.rules.questions.get(question)?.kind === 'many';
  const vs = labels(c, question, values);
  if (many) return leaf(vs.length === 1 ? w.chosen(q, vs[0]!) : w.anyChosen(q, vs), [question]);
  return leaf(vs.length === 1 ? w.is(q, vs[0]!) : w.oneOf(q, vs), [question]);
}

/** A switch's `otherwise`: answered, with none of the values its cases list. */
export function otherwiseClause(
  c: ClauseContext,
  question: string,
  values: readonly (string | boolean)[],
): Clause {
  const w = clauseWords(c.lang);
  const q = quotedQuestion(c, question);
  const vs = labels(c, question, values);
  if (vs.length === 0) return leaf(w.answered(q), [question]);
  const many = c.rules.questions.get(question)?.kind === 'many';
  if (many) return leaf(vs.length === 1 ? w.notChosen(q, vs[0]!) : w.noneChosen(q, vs), [question]);
  return leaf(vs.length === 1 ? w.isNot(q, vs[0]!) : w.noneOf(q, vs), [question]);
}

/** A question not answered (a switch's `unanswered`, an if's `unknown`). */
export function unansweredClause(c: ClauseContext, questions: readonly string[]): Clause {
  const w = clauseWords(c.lang);
  const parts = questions.map((q) => leaf(w.unanswered(quotedQuestion(c, q)), [q]));
  return group('any', parts);
}

/** A clause as one line of text (for the search index and short mentions). */
export function clauseText(clause: Clause, lang: Lang): string {
  if (clause.kind === 'leaf') return clause.text;
  const w = clauseWords(lang);
  return clause.parts
    .map((p) => (p.kind === 'leaf' ? p.text : `(${clauseText(p, lang)})`))
    .join(clause.kind === 'all' ? `; ${w.and} ` : `; ${w.or} `);
}
