// What would change the advice: the smallest changes of answers (one, or two) that make another
// route the recommendation (`first`) or bring a route of a family that does not pay into the
// advice (`opens`). Found by walking the rules again (walk.ts, the same walk and ranking as the
// advice) with changed answers — never written by hand — over the questions the walk read where a
// change can still reach a route's effects. docs/explain.md describes the search.
//
// Bounded by a number of walks, not by a clock, so the same answers give the same result on any
// machine: every single change first, then pairs, in a fixed order, until the limit.
import type { AnswerValue, Answers } from './advice.ts';
import { candidateValues } from './candidates.ts';
import { EffectCollector } from './collect.ts';
import type { Truth } from './conditions.ts';
import { factsOf } from './facts.ts';
import type { Program, ProgramNode } from './program.ts';
import { rankRoutes } from './rank.ts';
import { walk } from './walk.ts';

export type Effect = 'first' | 'opens';

export interface Counterfactual {
  /** Question id → the new answer, in question order. */
  readonly change: Readonly<Record<string, AnswerValue>>;
  readonly route: string;
  readonly effect: Effect;
}

export interface SearchReport {
  /** Walks made, the advice's own included. */
  readonly evaluations: number;
  readonly limit: number;
  /** False when the limit cut the search short: a smaller change may have been missed. */
  readonly complete: boolean;
  /** The questions whose answers were tried, in question order. */
  readonly questions: readonly string[];
  /** Smallest changes found beyond the first PER_ROUTE of a route and effect, left out. */
  readonly omitted: number;
}

export interface SearchOptions {
  readonly asOf: string;
  /** Only what would make this route first or open it. */
  readonly route?: string;
  /** Walks at most (default DEFAULT_MAX_EVALUATIONS). */
  readonly maxEvaluations?: number;
}

/** ~50 µs a walk with the shipped rules: well under a second on a shared 2-CPU machine. */
export const DEFAULT_MAX_EVALUATIONS = 4000;
/** At most this many smallest changes per route and effect (the first in question order). */
export const PER_ROUTE = 5;

/** One changed answer; `order` sorts changes by question, then by candidate. */
interface Change {
  readonly question: string;
  readonly value: AnswerValue;
  readonly order: readonly [number, number];
}

interface Outcome {
  /** Route numbers, best first. */
  readonly advised: readonly number[];
  /** Node indexes in walk order. */
  readonly entered: readonly number[];
}

class RecordingCollector extends EffectCollector {
  readonly entered: number[] = [];
  override enter(node: ProgramNode): void {
    this.entered.push(node.index);
    super.enter(node);
  }
}

const affectsOf = new WeakMap<Program, Uint8Array>();

/** Per node: 1 when some node below it (through any branch) awards, adjusts or excludes a route. */
function affectsRoutes(program: Program): Uint8Array {
  let affects = affectsOf.get(program);
  if (affects) return affects;
  const nodes = program.nodes;
  const preds: number[][] = nodes.map(() => []);
  for (const n of nodes) {
    const targets = [n.next, ...n.cases, n.otherwise, n.unanswered, n.then, n.else, n.unknown];
    for (const t of [...targets, ...n.sequence]) if (t >= 0) preds[t]!.push(n.index);
  }
  affects = new Uint8Array(nodes.length);
  const queue = nodes.filter((n) => hasRouteEffects(n)).map((n) => n.index);
  while (queue.length > 0) {
    for (const p of preds[queue.pop()!]!) {
      if (affects[p] === 0) {
        affects[p] = 1;
        queue.push(p);
      }
    }
  }
  affectsOf.set(program, affects);
  return affects;
}

function hasRouteEffects(n: ProgramNode): boolean {
  const e = n.effects;
  return e !== null && e.awards.length + e.adjusts.length + e.excludes.length > 0;
}

const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function searchCounterfactuals(
  program: Program,
  answers: Answers,
  options: SearchOptions,
): { counterfactuals: Counterfactual[]; search: SearchReport } {
  const limit = Math.max(1, options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS);
  const affects = affectsRoutes(program);
  let evaluations = 0;
  let cut = false;
  const run = (changes: readonly Change[]): Outcome | undefined => {
    if (evaluations >= limit) {
      cut = true;
      return undefined;
    }
    evaluations++;
    const changed: Record<string, AnswerValue> = { ...answers };
    for (const c of changes) changed[c.question] = c.value;
    const collector = new RecordingCollector(program);
    walk(program, factsOf(program, changed).values, collector);
    const ranked = rankRoutes(program, collector.collected.routes, options.asOf);
    return { advised: ranked.advised.map((r) => r.tally.route), entered: collector.entered };
  };

  const base = run([])!;
  const baseFirst = base.advised[0] ?? -1;
  const paying = new Set(base.advised.map((r) => program.routeFamily[r]));
  const target = options.route === undefined ? -1 : program.routeIds.indexOf(options.route);
  const wantFirst = (r: number) => r !== baseFirst && (options.route === undefined || r === target);
  const wantOpen = (r: number) =>
    !base.advised.includes(r) &&
    (options.route === undefined ? !paying.has(program.routeFamily[r]) : r === target);

  const found = new Map<string, { route: number; effect: Effect; changes: Change[] }>();
  const note = (changes: Change[], outcome: Outcome) => {
    outcome.advised.forEach((r, i) => {
      const effect: Effect | undefined =
        i === 0 && wantFirst(r) ? 'first' : wantOpen(r) ? 'opens' : undefined;
      if (effect === undefined) return;
      const key = `${r} ${effect} ${changes.map((c) => c.order.join('.')).join(' ')}`;
      if (!found.has(key)) found.set(key, { route: r, effect, changes });
    });
  };

  // the questions worth changing in a walk: read at a node from which a route's effects can
  // still be reached (a derived fact stands for the answers it is made of)
  const tried = new Set<string>();
  const candidatesAt = (nodes: readonly number[], except?: string): Change[] => {
    const questions = new Set<string>();
    for (const n of nodes) {
      if (affects[n] === 0) continue;
      for (const q of program.nodes[n]!.reads) {
        const s = program.slots.get(q)!;
        const inputs = program.slotInfo[s]!.derived ? program.slotInfo[s]!.inputs : [s];
        for (const i of inputs) questions.add(program.slotIds[i]!);
      }
    }
    const out: Change[] = [];
    const ordered = [...questions].sort((a, b) => program.slots.get(a)! - program.slots.get(b)!);
    for (const q of ordered) {
      if (q === except) continue;
      const values = candidateValues(program, q, answers[q]);
      if (values.length > 0) tried.add(q);
      values.forEach((value, k) => {
        out.push({ question: q, value, order: [program.slots.get(q)!, k] });
      });
    }
    return out;
  };

  // single changes
  const singles = candidatesAt(base.entered);
  const walkChanging: { change: Change; outcome: Outcome }[] = [];
  const effectChanging: Change[] = [];
  const baseEffects = base.entered.filter((n) => hasRouteEffects(program.nodes[n]!));
  for (const c of singles) {
    const outcome = run([c]);
    if (!outcome) break;
    note([c], outcome);
    if (sameList(outcome.entered, base.entered)) continue;
    walkChanging.push({ change: c, outcome });
    const effects = outcome.entered.filter((n) => hasRouteEffects(program.nodes[n]!));
    if (!sameList(effects, baseEffects)) effectChanging.push(c);
  }

  // pairs, in a fixed order until the limit: (1) a change that moves the walk, with an answer
  // read where the walk now goes; (2) two changes in one condition that neither changes alone
  // (an `all` of two comparisons that fail); (3) two changes that each change the effects
  const pairs: Change[][] = [];
  const seen = new Set<string>();
  const addPair = (a: Change, b: Change) => {
    if (a.question === b.question) return;
    const pair = compareChanges(a, b) < 0 ? [a, b] : [b, a];
    const key = pair.map((c) => c.order.join('.')).join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      pairs.push(pair);
    }
  };
  const before = new Uint8Array(program.nodes.length);
  for (const n of base.entered) before[n] = 1;
  for (const { change, outcome } of walkChanging) {
    const fresh = outcome.entered.filter((n) => before[n] === 0);
    for (const c of candidatesAt(fresh, change.question)) addPair(change, c);
  }
  for (const [a, b] of conjunctionPairs(program, answers, base.entered, singles, affects)) {
    addPair(a, b);
  }
  for (let i = 0; i < effectChanging.length; i++) {
    for (let j = i + 1; j < effectChanging.length; j++)
      addPair(effectChanging[i]!, effectChanging[j]!);
  }
  if (!cut) {
    for (const pair of pairs) {
      const outcome = run(pair);
      if (!outcome) break;
      note(pair, outcome);
    }
  }

  const all = smallest(program, [...found.values()], base.advised);
  const counterfactuals: Counterfactual[] = [];
  const per = new Map<string, number>();
  for (const c of all) {
    const key = `${c.route} ${c.effect}`;
    const n = (per.get(key) ?? 0) + 1;
    per.set(key, n);
    if (n <= PER_ROUTE) counterfactuals.push(c);
  }
  return {
    counterfactuals,
    search: {
      evaluations,
      limit,
      complete: !cut,
      questions: [...tried].sort((a, b) => program.slots.get(a)! - program.slots.get(b)!),
      omitted: all.length - counterfactuals.length,
    },
  };
}

function compareChanges(a: Change, b: Change): number {
  return a.order[0] - b.order[0] || a.order[1] - b.order[1];
}

function compareLists(a: readonly Change[], b: readonly Change[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = compareChanges(a[i]!, b[i]!);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Pairs of single changes to answers of one condition (of a node the walk entered) that each
 * flip one of its comparisons without changing its truth: together they may.
 */
function conjunctionPairs(
  program: Program,
  answers: Answers,
  entered: readonly number[],
  singles: readonly Change[],
  affects: Uint8Array,
): [Change, Change][] {
  const pairs: [Change, Change][] = [];
  const base = factsOf(program, answers).values;
  const factsWith = new Map<Change, ReturnType<typeof factsOf>['values']>();
  for (const n of entered) {
    const node = program.nodes[n]!;
    const condition = node.condition;
    if (affects[n] === 0 || condition === null || condition.questions.length < 2) continue;
    const truths: Truth[] = [];
    condition.leafTruths(base, truths);
    const flipping = singles.filter((c) => {
      if (!condition.questions.includes(c.question)) return false;
      let facts = factsWith.get(c);
      if (!facts)
        factsWith.set(c, (facts = factsOf(program, { ...answers, [c.question]: c.value }).values));
      if (condition.test(facts) !== condition.test(base)) return false;
      const changed: Truth[] = [];
      condition.leafTruths(facts, changed);
      return changed.some((t, i) => t !== truths[i]);
    });
    for (let i = 0; i < flipping.length; i++) {
      for (let j = i + 1; j < flipping.length; j++) pairs.push([flipping[i]!, flipping[j]!]);
    }
  }
  return pairs;
}

/**
 * Per route and effect, only the smallest changes: `first` by the fewest answers that make the
 * route first; `opens` by the fewest that bring it into the advice at all. Ordered: `first`
 * before `opens`; routes as the advice ranks them, then by family and id; then by the changes.
 */
function smallest(
  program: Program,
  found: readonly { route: number; effect: Effect; changes: Change[] }[],
  advised: readonly number[],
): Counterfactual[] {
  const fewest = new Map<string, number>();
  const least = (key: string, n: number) => fewest.set(key, Math.min(fewest.get(key) ?? n, n));
  for (const f of found) {
    least(`${f.route} ${f.effect}`, f.changes.length);
    least(`${f.route} in`, f.changes.length);
  }
  const kept = found.filter(
    (f) =>
      f.changes.length === fewest.get(`${f.route} ${f.effect}`) &&
      (f.effect === 'first' || f.changes.length === fewest.get(`${f.route} in`)),
  );
  const place = (r: number) => {
    const i = advised.indexOf(r);
    return i >= 0 ? i : advised.length + program.routeOrder[r]!;
  };
  kept.sort(
    (x, y) =>
      (x.effect === y.effect ? 0 : x.effect === 'first' ? -1 : 1) ||
      (x.effect === 'first'
        ? place(x.route) - place(y.route)
        : program.routeOrder[x.route]! - program.routeOrder[y.route]!) ||
      compareLists(x.changes, y.changes),
  );
  return kept.map((f) => ({
    change: Object.fromEntries(f.changes.map((c) => [c.question, copy(c.value)])),
    route: program.routeIds[f.route]!,
    effect: f.effect,
  }));
}

function copy(v: AnswerValue): AnswerValue {
  return Array.isArray(v) ? v.slice() : v;
}
