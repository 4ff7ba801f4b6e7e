// Routes: from what the walk said about each route to the ranked advice (docs/engine.md §3).
// Validity wins over everything, then exclusion; the rest is scored, given a fit and ranked.
import type { AdvisedRoute, AnswerValue, ExcludedRoute, Lang, Reason } from './advice.ts';
import type { Collected, Note, RouteTally } from './collect.ts';
import { isAnswered } from './conditions.ts';
import type { Values } from './conditions.ts';
import type { Program } from './program.ts';
import type { RuleSet } from './ruleset.ts';
import type { Family, Fit } from './schema.ts';
import { sortInPlace } from './sort.ts';
import { textIn, validAt, validityWhy } from './texts.ts';
import type { RouteTexts } from './texts.ts';

export interface Ranked {
  readonly tally: RouteTally;
  /** The route's place in the order of ties (`Program.routeOrder`). */
  readonly order: number;
  readonly family: Family;
  readonly score: number;
  readonly fit: Fit;
}

export interface Excluded {
  readonly tally: RouteTally;
  readonly order: number;
  readonly family: Family;
  /** Outside its validity dates at asOf (the why names the date), rather than excluded by a rule. */
  readonly lapsed: boolean;
}

export interface RouteDecisions {
  /** Best first: score, then family order, then id. */
  readonly advised: readonly Ranked[];
  /** By family order, then id. */
  readonly excluded: readonly Excluded[];
}

function fitOf(score: number, fit: RuleSet['fit']): Fit {
  return score >= fit.strong ? 'strong' : score >= fit.possible ? 'possible' : 'unlikely';
}

export function rankRoutes(
  program: Program,
  tallies: readonly RouteTally[],
  asOf: string,
): RouteDecisions {
  const fit = program.rules.fit;
  const advised: Ranked[] = [];
  const excluded: Excluded[] = [];
  for (const t of tallies) {
    if (!t.awarded && !t.excluded) continue; // an adjustment alone advises nothing
    const family = program.routeFamily[t.route];
    if (family === undefined) continue;
    const order = program.routeOrder[t.route]!;
    if (!validAt(program.routeValidity[t.route]!, asOf)) {
      excluded.push({ tally: t, order, family, lapsed: true });
    } else if (t.excluded) excluded.push({ tally: t, order, family, lapsed: false });
    else {
      const score = Math.max(0, Math.min(100, t.best + t.add));
      advised.push({ tally: t, order, family, score, fit: fitOf(score, fit) });
    }
  }
  sortInPlace(advised, byScore);
  sortInPlace(excluded, byOrder);
  return { advised, excluded };
}

/** Best score first; ties by family order, then id (Program.routeOrder). */
function byScore(x: Ranked, y: Ranked): number {
  return y.score - x.score || x.order - y.order;
}

function byOrder(x: Excluded, y: Excluded): number {
  return x.order - y.order;
}

// ---------------------------------------------------------------------------------------------
// The routes as the advice shows them, in one language.

function isEchoable(v: unknown): v is AnswerValue {
  if (typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (!Array.isArray(v)) return false;
  for (const x of v) if (typeof x !== 'string') return false;
  return true;
}

/** The answers to the questions of a note's `because` list, as given (answered ones only). */
function becauseOf(
  note: Note,
  facts: Values,
  out: Record<string, AnswerValue> = {},
): Record<string, AnswerValue> {
  for (let i = 0; i < note.because.length; i++) {
    const v = facts[note.becauseSlots[i]!];
    if (isAnswered(v) && isEchoable(v)) out[note.because[i]!] = Array.isArray(v) ? v.slice() : v;
  }
  return out;
}

/** The deciding award first, then the other awards and adjustments in walk order; no text twice. */
function reasonsOf(t: RouteTally, c: Collected, facts: Values, lang: Lang): Reason[] {
  const reasons: Reason[] = [];
  addReason(reasons, c.notes[t.bestNote]!, facts, lang);
  for (let i = 0; i < c.notes.length; i++) {
    if (c.noteRoutes[i] === t.route && i !== t.bestNote)
      addReason(reasons, c.notes[i]!, facts, lang);
  }
  return reasons;
}

function addReason(reasons: Reason[], note: Note, facts: Values, lang: Lang): void {
  const text = textIn(note.text, lang);
  for (const r of reasons) if (r.text === text) return;
  reasons.push({ text, because: becauseOf(note, facts), sources: note.sources });
}

export function advisedRoute(
  r: Ranked,
  c: Collected,
  texts: readonly (RouteTexts | undefined)[],
  facts: Values,
  lang: Lang,
): AdvisedRoute {
  const { tally, family, fit, score } = r;
  const reasons = reasonsOf(tally, c, facts, lang);
  const st = texts[tally.route];
  if (!st) {
    return {
      id: tally.id,
      family,
      fit,
      score,
      title: tally.id,
      reasons,
      steps: [],
      evidence: [],
      sources: [],
      verify: false,
    };
  }
  // the keys in the contract's order, the optional ones only when there is something to say
  const route: Record<string, unknown> = {
    id: tally.id,
    family,
    fit,
    score,
    title: st.title,
    summary: st.summary,
  };
  if (st.whoDecides !== undefined) route['whoDecides'] = st.whoDecides;
  route['reasons'] = reasons;
  // the lists are the program's (texts.ts): shared, not copied
  route['steps'] = st.steps;
  route['evidence'] = st.evidence;
  if (st.pitfalls !== undefined) route['pitfalls'] = st.pitfalls;
  route['sources'] = st.sources;
  route['verify'] = st.verify;
  if (st.verifyNote !== undefined) route['verifyNote'] = st.verifyNote;
  return route as unknown as AdvisedRoute;
}

export function excludedRoute(
  x: Excluded,
  c: Collected,
  texts: readonly (RouteTexts | undefined)[],
  facts: Values,
  asOf: string,
  lang: Lang,
): ExcludedRoute {
  const { tally, family } = x;
  const st = texts[tally.route];
  if (x.lapsed) {
    return {
      id: tally.id,
      family,
      title: st!.title,
      why: validityWhy(st!, asOf, lang)!,
      sources: st!.sources,
    };
  }
  const whys: string[] = [];
  const because: Record<string, AnswerValue> = {};
  const sources: string[] = [];
  for (let i = 0; i < c.exclusions.length; i++) {
    if (c.exclusionRoutes[i] !== tally.route) continue;
    const note = c.exclusions[i]!;
    const why = textIn(note.text, lang);
    if (!whys.includes(why)) whys.push(why);
    becauseOf(note, facts, because);
    for (const s of note.sources) if (!sources.includes(s)) sources.push(s);
  }
  const why = whys.length === 1 ? whys[0]! : whys.join(' ');
  return st
    ? { id: tally.id, family, title: st.title, why, because, sources }
    : { id: tally.id, family, why, because, sources };
}
