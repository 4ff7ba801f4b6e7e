// FROZEN REFERENCE — do not optimise. A verbatim copy of src/core/engine.ts as of commit bbe9bdb
// (before the engine was made faster), with only its imports redirected. test/engine/reference.test.ts
// compares the real engine against it, output byte for byte. When the engine's behaviour is changed on
// purpose (and docs/engine.md with it), make the same change here.
// The advice engine: walks every tree with the answers, collects the effects of the nodes it
// passes, and turns them into the Advice of shared/contract.md §4. Pure: no I/O, no clock; the
// same rules, answers and options always give the same Advice, byte for byte. docs/engine.md is
// the rule author's description of everything decided here.
import type {
  AdvisedRoute,
  Advice,
  AnswerValue,
  Answers,
  BridgeItem,
  EvaluateOptions,
  ExcludedRoute,
  Lang,
  Reason,
  StakeholderItem,
  WarningItem,
} from '../../../src/core/advice.ts';
import { evaluateCondition, isAnswered } from '../../../src/core/conditions.ts';
import type { Truth } from '../../../src/core/conditions.ts';
import { computeCostBenefit, DERIVED_FACTS, deriveFacts } from './cost-benefit.ts';
import type { CostBenefitFigures } from './cost-benefit.ts';
import type { QuestionDef, RuleSet, TreeNode } from '../../../src/core/ruleset.ts';
import { PARTY_IDS } from '../../../src/core/ruleset.ts';
import type { Condition, Effects, Family, Fit, Phase, Text } from '../../../src/core/schema.ts';
import { FAMILIES, PHASES } from '../../../src/core/ids.ts';

// ---------------------------------------------------------------------------------------------
// Compiled conditions: the same three-valued semantics as conditions.ts, as closures.

/** A compiled condition. */
export type Test = (answers: Answers) => Truth;

function listOf(value: AnswerValue): readonly unknown[] {
  if (Array.isArray(value)) return value;
  // an object is never an option id (and String() throws on one without a prototype)
  return typeof value === 'object' ? [] : [String(value)];
}

/** Compiles a condition to a closure with exactly the semantics of `evaluateCondition`. */
export function compileCondition(cond: Condition): Test {
  if ('all' in cond) {
    const parts = cond.all.map(compileCondition);
    return (a) => {
      let r: Truth = true;
      for (let i = 0; i < parts.length; i++) {
        const v = parts[i]!(a);
        if (v === false) return false;
        if (v === undefined) r = undefined;
      }
      return r;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map(compileCondition);
    return (a) => {
      let r: Truth = false;
      for (let i = 0; i < parts.length; i++) {
        const v = parts[i]!(a);
        if (v === true) return true;
        if (v === undefined) r = undefined;
      }
      return r;
    };
  }
  if ('not' in cond) {
    const inner = compileCondition(cond.not);
    return (a) => {
      const v = inner(a);
      return v === undefined ? undefined : !v;
    };
  }
  const q = cond.question;
  if (cond.answered !== undefined) {
    const want = cond.answered;
    return (a) => isAnswered(a[q]) === want;
  }
  // the first operator present, in the order conditions.ts checks them
  let test: (v: AnswerValue) => boolean;
  if (cond.equals !== undefined) {
    const want = cond.equals;
    test = (v) => v === want;
  } else if (cond.in !== undefined) {
    const list = cond.in;
    test = (v) => list.some((x) => x === v);
  } else if (cond.includes !== undefined) {
    const want = cond.includes;
    test = (v) => listOf(v).includes(want);
  } else if (cond.includes_any !== undefined) {
    const want = cond.includes_any;
    test = (v) => {
      const list = listOf(v);
      return want.some((x) => list.includes(x));
    };
  } else if (cond.includes_all !== undefined) {
    const want = cond.includes_all;
    test = (v) => {
      const list = listOf(v);
      return want.every((x) => list.includes(x));
    };
  } else if (cond.gte !== undefined) {
    const n = cond.gte;
    test = (v) => typeof v === 'number' && v >= n;
  } else if (cond.lte !== undefined) {
    const n = cond.lte;
    test = (v) => typeof v === 'number' && v <= n;
  } else if (cond.gt !== undefined) {
    const n = cond.gt;
    test = (v) => typeof v === 'number' && v > n;
  } else if (cond.lt !== undefined) {
    const n = cond.lt;
    test = (v) => typeof v === 'number' && v < n;
  } else {
    test = () => false;
  }
  return (a) => {
    const v = a[q];
    return isAnswered(v) ? test(v) : undefined;
  };
}

/**
 * The questions whose missing answers make an unknown condition unknown: only the parts that are
 * themselves unknown count (in `any: [A, B]` with B true, A does not matter).
 */
export function unknownQuestions(cond: Condition, answers: Answers, out: string[]): void {
  if ('all' in cond || 'any' in cond) {
    const parts = 'all' in cond ? cond.all : cond.any;
    for (const p of parts) {
      if (evaluateCondition(p, answers) === undefined) unknownQuestions(p, answers, out);
    }
    return;
  }
  if ('not' in cond) {
    unknownQuestions(cond.not, answers, out);
    return;
  }
  if (cond.answered === undefined && !isAnswered(answers[cond.question])) {
    if (!out.includes(cond.question)) out.push(cond.question);
  }
}

function conditionQuestions(cond: Condition, out: string[]): void {
  if ('all' in cond) cond.all.forEach((c) => conditionQuestions(c, out));
  else if ('any' in cond) cond.any.forEach((c) => conditionQuestions(c, out));
  else if ('not' in cond) conditionQuestions(cond.not, out);
  else if (!out.includes(cond.question)) out.push(cond.question);
}

// ---------------------------------------------------------------------------------------------
// The per-RuleSet index, built once.

const NEXT = 0;
const END = 1;
const SWITCH = 2;
const IF = 3;
const SEQUENCE = 4;

/** A tree node with its references resolved to indexes (-1: none, stop). */
export interface CompiledNode {
  readonly id: string;
  readonly tree: number;
  readonly kind: number;
  readonly next: number;
  readonly question: string;
  readonly cases: ReadonlyMap<string | boolean, number> | null;
  readonly otherwise: number;
  readonly unanswered: number;
  readonly test: Test | null;
  readonly condition: Condition | null;
  readonly then: number;
  readonly else: number;
  readonly unknown: number;
  readonly sequence: readonly number[];
  readonly effects: Effects | null;
  /** The questions this node reads (the switch question, or every question of the condition). */
  readonly reads: readonly string[];
  /** The highest award score on any node below this one: how decisive a question met here is. */
  readonly potential: number;
}

interface RouteStatic {
  readonly title: string;
  readonly summary: string;
  readonly whoDecides: string | undefined;
  readonly steps: readonly string[];
  readonly evidence: readonly string[];
  readonly pitfalls: readonly string[] | undefined;
  readonly sources: readonly string[];
  readonly verify: boolean;
  readonly verifyNote: string | undefined;
  readonly validFrom: string | undefined;
  readonly validUntil: string | undefined;
}

export interface EngineIndex {
  readonly nodes: readonly CompiledNode[];
  /** The root node of each tree, in tree order. */
  readonly roots: readonly number[];
  /** Visit marks: a node is visited in the current walk when stamp[node] === gen. */
  readonly stamp: Uint32Array;
  gen: number;
  /** Core questions in file order. */
  readonly core: readonly QuestionDef[];
  /** cost_<party> / benefit_<party> questions in question order. */
  readonly figures: readonly QuestionDef[];
  readonly figureIds: ReadonlySet<string>;
  /** Compiled ask_if per question (absent: always asked). */
  readonly askIf: ReadonlyMap<string, Test>;
  /** Declared derived questions plus the engine's own facts. */
  readonly derived: ReadonlySet<string>;
  readonly langs: Map<Lang, ReadonlyMap<string, RouteStatic>>;
}

const cache = new WeakMap<RuleSet, EngineIndex>();

/** The engine's index of a rule set, built on first use and cached for the RuleSet object. */
export function engineIndex(rules: RuleSet): EngineIndex {
  let idx = cache.get(rules);
  if (!idx) {
    idx = buildIndex(rules);
    cache.set(rules, idx);
  }
  return idx;
}

function maxAward(effects: Effects | undefined): number {
  let best = -1;
  for (const r of effects?.routes ?? []) if (r.score > best) best = r.score;
  return best;
}

function buildIndex(rules: RuleSet): EngineIndex {
  const nodes: CompiledNode[] = [];
  const roots: number[] = [];
  rules.trees.forEach((tree, t) => {
    const base = nodes.length;
    const at = new Map<string, number>();
    tree.nodeOrder.forEach((id, i) => at.set(id, base + i));
    const ref = (id: string | undefined) => (id === undefined ? -1 : (at.get(id) ?? -1));
    const raw: TreeNode[] = tree.nodeOrder.map((id) => tree.nodes.get(id)!);
    // successors, for the potential
    const succ = raw.map((n) =>
      [
        n.next,
        ...(n.cases ?? []).map((c) => c.next),
        n.otherwise,
        n.unanswered,
        n.then,
        n.else,
        n.unknown,
        ...(n.sequence ?? []),
      ]
        .map(ref)
        .filter((i) => i >= 0)
        .map((i) => i - base),
    );
    const own = raw.map((n) => maxAward(n.effects));
    const potential = new Array<number>(raw.length).fill(-2);
    const below = (i: number): number => {
      if (potential[i]! >= -1) return potential[i]!;
      potential[i] = -1; // in progress: a cycle (an error validate reports) adds nothing
      let best = -1;
      for (const s of succ[i]!) best = Math.max(best, own[s]!, below(s));
      potential[i] = best;
      return best;
    };
    raw.forEach((n, i) => {
      let kind = NEXT;
      if (n.end) kind = END;
      else if (n.switch !== undefined) kind = SWITCH;
      else if (n.if !== undefined) kind = IF;
      else if (n.sequence !== undefined) kind = SEQUENCE;
      let cases: Map<string | boolean, number> | null = null;
      if (kind === SWITCH) {
        cases = new Map();
        for (const c of n.cases ?? []) {
          for (const w of c.when) if (!cases.has(w)) cases.set(w, ref(c.next));
        }
      }
      const reads: string[] = [];
      if (kind === SWITCH) reads.push(n.switch!);
      if (kind === IF) conditionQuestions(n.if!, reads);
      nodes.push({
        id: n.id,
        tree: t,
        kind,
        next: ref(n.next),
        question: n.switch ?? '',
        cases,
        otherwise: ref(n.otherwise),
        unanswered: ref(n.unanswered),
        test: kind === IF ? compileCondition(n.if!) : null,
        condition: kind === IF ? n.if! : null,
        then: ref(n.then),
        else: ref(n.else),
        unknown: ref(n.unknown),
        sequence: (n.sequence ?? []).map(ref),
        effects: n.effects ?? null,
        reads,
        potential: Math.max(0, below(i)),
      });
    });
    roots.push(raw.length > 0 ? base : -1);
  });

  const core: QuestionDef[] = [];
  const figures: QuestionDef[] = [];
  const figureIds = new Set<string>();
  for (const p of PARTY_IDS) figureIds.add(`cost_${p}`).add(`benefit_${p}`);
  const askIf = new Map<string, Test>();
  const derived = new Set<string>(DERIVED_FACTS);
  for (const id of rules.questionOrder) {
    const q = rules.questions.get(id);
    if (!q) continue;
    if (q.derived) derived.add(id);
    if (q.ask_if) askIf.set(id, compileCondition(q.ask_if));
    if (derived.has(id)) continue;
    if (figureIds.has(id)) figures.push(q);
    else if (q.core) core.push(q);
  }
  return {
    nodes,
    roots,
    stamp: new Uint32Array(nodes.length),
    gen: 0,
    core,
    figures,
    figureIds,
    askIf,
    derived,
    langs: new Map(),
  };
}

function routeTexts(
  rules: RuleSet,
  idx: EngineIndex,
  lang: Lang,
): ReadonlyMap<string, RouteStatic> {
  let map = idx.langs.get(lang);
  if (map) return map;
  const t = (x: Text) => x[lang] ?? x.nl;
  const built = new Map<string, RouteStatic>();
  for (const [id, r] of rules.routes) {
    built.set(id, {
      title: t(r.title),
      summary: t(r.summary),
      whoDecides: r.who_decides ? t(r.who_decides) : undefined,
      steps: r.steps.map(t),
      evidence: (r.evidence ?? []).map(t),
      pitfalls: r.pitfalls && r.pitfalls.length > 0 ? r.pitfalls.map(t) : undefined,
      sources: r.sources,
      verify: r.verify === true,
      verifyNote: r.verify === true && r.verify_note ? t(r.verify_note) : undefined,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
    });
  }
  map = built;
  idx.langs.set(lang, map);
  return map;
}

// ---------------------------------------------------------------------------------------------
// Answers with the derived facts, and the walk.

export interface Prepared {
  /** A copy of the answers (own keys only) with the derived facts set by the engine. */
  readonly working: Answers;
  readonly figures: CostBenefitFigures | null;
}

/**
 * An answer as the engine takes it: strings, numbers, booleans and lists of those. Anything else
 * (an object, null) is no answer; a list keeps its strings, numbers and booleans.
 */
function sanitize(value: unknown): AnswerValue | undefined {
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value as AnswerValue;
  if (!Array.isArray(value)) return undefined;
  const ok = (x: unknown) =>
    typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
  return (value.every(ok) ? value : value.filter(ok)) as AnswerValue;
}

/**
 * Copies the answers (own keys, values sanitised) and sets the derived facts; answers given for
 * derived facts are dropped.
 */
export function prepareAnswers(idx: EngineIndex, answers: Answers): Prepared {
  // a plain object (fast properties), with the one inherited name a question id could have
  // ("constructor") shadowed, and "__proto__" never set
  const working = { constructor: undefined } as unknown as Record<string, AnswerValue>;
  for (const key of Object.keys(answers)) {
    if (key === '__proto__' || idx.derived.has(key)) continue;
    const v = sanitize(answers[key]);
    if (v !== undefined) working[key] = v;
  }
  const figures = computeCostBenefit(working, PARTY_IDS);
  const facts = deriveFacts(working, figures, PARTY_IDS);
  for (const key of DERIVED_FACTS) {
    const v = facts[key];
    if (v !== undefined) working[key] = v;
  }
  return { working, figures };
}

/** What a walk met. */
export interface Walk {
  /** Visited nodes, in walk order (each once). */
  readonly path: number[];
  /** Questions the walk stopped at or that decided a branch by being unanswered, with the node. */
  readonly openQuestions: string[];
  readonly openNodes: number[];
  /** Every question read by a visited node (only when asked for). */
  readonly reads: string[] | null;
}

/** Walks every tree from its root with the (prepared) answers. */
export function walkTrees(idx: EngineIndex, answers: Answers, withReads = false): Walk {
  if (idx.gen === 0xffffffff) {
    idx.stamp.fill(0);
    idx.gen = 0;
  }
  idx.gen++;
  const walk: Walk = {
    path: [],
    openQuestions: [],
    openNodes: [],
    reads: withReads ? [] : null,
  };
  for (const root of idx.roots) if (root >= 0) walkFrom(idx, root, answers, walk);
  return walk;
}

function walkFrom(idx: EngineIndex, start: number, a: Answers, w: Walk): void {
  const nodes = idx.nodes;
  const stamp = idx.stamp;
  const gen = idx.gen;
  let n = start;
  while (n >= 0) {
    // a node reached before: everything below it was walked then, with the same answers
    if (stamp[n] === gen) return;
    stamp[n] = gen;
    const node = nodes[n]!;
    w.path.push(n);
    if (w.reads !== null) for (const q of node.reads) w.reads.push(q);
    switch (node.kind) {
      case NEXT:
        n = node.next;
        break;
      case END:
        return;
      case SWITCH: {
        const v = a[node.question];
        if (!isAnswered(v)) {
          w.openQuestions.push(node.question);
          w.openNodes.push(n);
          n = node.unanswered;
        } else {
          const hit =
            typeof v === 'string' || typeof v === 'boolean' ? node.cases!.get(v) : undefined;
          n = hit ?? node.otherwise;
        }
        break;
      }
      case IF: {
        const t = node.test!(a);
        if (t === true) n = node.then;
        else if (t === false) n = node.else;
        else {
          const qs: string[] = [];
          unknownQuestions(node.condition!, a, qs);
          for (const q of qs) {
            w.openQuestions.push(q);
            w.openNodes.push(n);
          }
          n = node.unknown;
        }
        break;
      }
      default: // SEQUENCE: each branch to its end, then stop
        for (const s of node.sequence) if (s >= 0) walkFrom(idx, s, a, w);
        return;
    }
  }
}

/** The truth of a question's ask_if (true when it has none). */
export function askIfOf(idx: EngineIndex, id: string, answers: Answers): Truth {
  const test = idx.askIf.get(id);
  return test ? test(answers) : true;
}

/** Whether a question is to be asked (or reported open) given its ask_if. */
export function askable(idx: EngineIndex, id: string, answers: Answers): boolean {
  const t = askIfOf(idx, id, answers);
  // the cost_/benefit_ questions are details: only when has_figures is yes and the party is named
  return idx.figureIds.has(id) ? t === true : t !== false;
}

/**
 * The questions behind a derived fact, in the order they are worth asking: a derived fact is
 * never asked, but the questions it is computed from are.
 */
export function derivedInputs(idx: EngineIndex, fact: string): string[] {
  const figures = idx.figures.map((q) => q.id);
  if (fact === 'cb_total') return ['has_figures', ...figures];
  if (fact === 'cb_has_figures') return [];
  if (DERIVED_FACTS.includes(fact as (typeof DERIVED_FACTS)[number])) {
    return ['cost_bearers', 'beneficiaries', 'has_figures', ...figures];
  }
  return [];
}

/**
 * The open questions of a walk: unanswered, not derived (a derived fact stands for the questions
 * it is computed from), asked per ask_if, known to the rule set; the most decisive first (the
 * highest potential of a node where the walk met it), then in walk order.
 */
export function openQuestionsOf(
  rules: RuleSet,
  idx: EngineIndex,
  walk: Walk,
  working: Answers,
  sortByPotential: boolean,
): string[] {
  const score = new Map<string, number>();
  const order: string[] = [];
  const consider = (q: string, potential: number) => {
    if (!rules.questions.has(q) || idx.derived.has(q)) return;
    if (isAnswered(working[q]) || !askable(idx, q, working)) return;
    const prev = score.get(q);
    if (prev === undefined) {
      score.set(q, potential);
      order.push(q);
    } else if (potential > prev) score.set(q, potential);
  };
  for (let i = 0; i < walk.openQuestions.length; i++) {
    const q = walk.openQuestions[i]!;
    const potential = idx.nodes[walk.openNodes[i]!]!.potential;
    if (idx.derived.has(q)) for (const d of derivedInputs(idx, q)) consider(d, potential);
    else consider(q, potential);
  }
  if (!sortByPotential) return order;
  const pos = new Map(order.map((q, i) => [q, i]));
  return order.sort((a, b) => score.get(b)! - score.get(a)! || pos.get(a)! - pos.get(b)!);
}

// ---------------------------------------------------------------------------------------------
// evaluate. Written without closures created per call and with few temporary objects: it runs
// for every row of a batch.

const FAMILY_ORDER = new Map<string, number>(FAMILIES.map((f, i) => [f, i]));
const PHASE_ORDER = new Map<string, number>(PHASES.map((p, i) => [p, i]));
const DEVELOP = PHASE_ORDER.get('develop')!;

interface Note {
  readonly text: Text;
  readonly because: readonly string[] | undefined;
  readonly sources: readonly string[];
}

interface RouteAcc {
  readonly id: string;
  awarded: boolean;
  best: number;
  bestNote: number;
  add: number;
  readonly notes: Note[];
  excluded: Note[] | null;
}

interface Duty {
  readonly stakeholder: string;
  readonly phase: Phase;
  readonly why: Text;
  readonly sources: readonly string[];
}

interface Collected {
  readonly routes: RouteAcc[];
  readonly duties: Duty[];
  readonly warnings: string[];
  readonly bridge: string[];
  readonly arrangements: string[];
}

function isEchoable(v: unknown): v is AnswerValue {
  if (typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (!Array.isArray(v)) return false;
  for (const x of v) if (typeof x !== 'string') return false;
  return true;
}

function becauseOf(
  ids: readonly string[] | undefined,
  a: Answers,
  out: Record<string, AnswerValue> = {},
): Record<string, AnswerValue> {
  if (!ids) return out;
  for (const q of ids) {
    const v = a[q];
    if (isAnswered(v) && isEchoable(v)) out[q] = Array.isArray(v) ? v.slice() : v;
  }
  return out;
}

/** The day after a YYYY-MM-DD date. */
export function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return next.toISOString().slice(0, 10);
}

/** Why a route does not apply at `asOf`, or undefined when it does. */
export function validityWhy(
  item: { readonly validFrom?: string | undefined; readonly validUntil?: string | undefined },
  asOf: string,
  lang: Lang,
): string | undefined {
  if (item.validUntil !== undefined && asOf > item.validUntil) {
    const date = dayAfter(item.validUntil);
    return lang === 'en'
      ? `This scheme lapsed on ${date}.`
      : `Deze regeling is vervallen per ${date}.`;
  }
  if (item.validFrom !== undefined && asOf < item.validFrom) {
    return lang === 'en'
      ? `This scheme applies only from ${item.validFrom}.`
      : `Deze regeling geldt pas vanaf ${item.validFrom}.`;
  }
  return undefined;
}

function validAt(
  item: { readonly valid_from?: string; readonly valid_until?: string },
  asOf: string,
): boolean {
  return (
    (item.valid_from === undefined || item.valid_from <= asOf) &&
    (item.valid_until === undefined || asOf <= item.valid_until)
  );
}

function fitOf(score: number, fit: RuleSet['fit']): Fit {
  return score >= fit.strong ? 'strong' : score >= fit.possible ? 'possible' : 'unlikely';
}

function pushUnique<T>(list: T[], items: readonly T[]): void {
  for (const x of items) if (!list.includes(x)) list.push(x);
}

function byId(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `now`, `next` or `later` for a stakeholder's phase, given the innovator's phase answer. */
export function whenOf(phase: Phase, current: AnswerValue | undefined): 'now' | 'next' | 'later' {
  // without a (valid) phase answer the innovator is taken to be developing: explore and develop
  // are now, demonstrate is next
  const at = typeof current === 'string' ? PHASE_ORDER.get(current) : undefined;
  const here = at ?? DEVELOP;
  const p = PHASE_ORDER.get(phase)!;
  return p <= here ? 'now' : p === here + 1 ? 'next' : 'later';
}

function text(x: Text, lang: Lang): string {
  return x[lang] ?? x.nl;
}

/** The effects of the visited nodes, in walk order. */
function collect(idx: EngineIndex, path: readonly number[]): Collected {
  const out: Collected = { routes: [], duties: [], warnings: [], bridge: [], arrangements: [] };
  let index: Map<string, RouteAcc> | null = null;
  const acc = (id: string): RouteAcc => {
    index ??= new Map();
    let r = index.get(id);
    if (!r) {
      r = { id, awarded: false, best: -1, bestNote: -1, add: 0, notes: [], excluded: null };
      index.set(id, r);
      out.routes.push(r);
    }
    return r;
  };
  for (let i = 0; i < path.length; i++) {
    const e = idx.nodes[path[i]!]!.effects;
    if (e === null) continue;
    if (e.routes) {
      for (const r of e.routes) {
        const a = acc(r.route);
        a.awarded = true;
        a.notes.push({ text: r.reason, because: r.because, sources: r.sources });
        if (r.score > a.best) {
          a.best = r.score;
          a.bestNote = a.notes.length - 1;
        }
      }
    }
    if (e.adjust) {
      for (const r of e.adjust) {
        const a = acc(r.route);
        a.add += r.add;
        a.notes.push({ text: r.reason, because: r.because, sources: r.sources });
      }
    }
    if (e.exclude) {
      for (const r of e.exclude) {
        const a = acc(r.route);
        (a.excluded ??= []).push({ text: r.why, because: r.because, sources: r.sources });
      }
    }
    if (e.stakeholders) for (const d of e.stakeholders) out.duties.push(d);
    if (e.warnings) pushUnique(out.warnings, e.warnings);
    if (e.bridge) pushUnique(out.bridge, e.bridge);
    if (e.arrangements) pushUnique(out.arrangements, e.arrangements);
  }
  return out;
}

function compareRoutes(x: AdvisedRoute, y: AdvisedRoute): number {
  return (
    y.score - x.score ||
    FAMILY_ORDER.get(x.family)! - FAMILY_ORDER.get(y.family)! ||
    byId(x.id, y.id)
  );
}

function compareExcluded(x: ExcludedRoute, y: ExcludedRoute): number {
  return FAMILY_ORDER.get(x.family)! - FAMILY_ORDER.get(y.family)! || byId(x.id, y.id);
}

function advisedRoute(
  a: RouteAcc,
  family: Family,
  st: RouteStatic | undefined,
  rules: RuleSet,
  working: Answers,
  lang: Lang,
): AdvisedRoute {
  const score = Math.max(0, Math.min(100, a.best + a.add));
  // the deciding award first, then the other awards and adjustments in walk order
  const reasons: Reason[] = [];
  for (let i = -1; i < a.notes.length; i++) {
    if (i === a.bestNote) continue;
    const note = a.notes[i < 0 ? a.bestNote : i]!;
    const t = text(note.text, lang);
    let seen = false;
    for (const r of reasons) if (r.text === t) seen = true;
    if (seen) continue;
    reasons.push({
      text: t,
      because: becauseOf(note.because, working),
      sources: note.sources.slice(),
    });
  }
  if (!st) {
    return {
      id: a.id,
      family,
      fit: fitOf(score, rules.fit),
      score,
      title: a.id,
      reasons,
      steps: [],
      evidence: [],
      sources: [],
      verify: false,
    };
  }
  const route: Record<string, unknown> = {
    id: a.id,
    family,
    fit: fitOf(score, rules.fit),
    score,
    title: st.title,
    summary: st.summary,
  };
  if (st.whoDecides !== undefined) route['whoDecides'] = st.whoDecides;
  route['reasons'] = reasons;
  route['steps'] = st.steps.slice();
  route['evidence'] = st.evidence.slice();
  if (st.pitfalls !== undefined) route['pitfalls'] = st.pitfalls.slice();
  route['sources'] = st.sources.slice();
  route['verify'] = st.verify;
  if (st.verifyNote !== undefined) route['verifyNote'] = st.verifyNote;
  return route as unknown as AdvisedRoute;
}

function excludedRoute(
  a: RouteAcc,
  family: Family,
  st: RouteStatic | undefined,
  working: Answers,
  lang: Lang,
): ExcludedRoute {
  const whys: string[] = [];
  const because: Record<string, AnswerValue> = {};
  const sources: string[] = [];
  for (const x of a.excluded!) {
    pushUnique(whys, [text(x.text, lang)]);
    becauseOf(x.because, working, because);
    pushUnique(sources, x.sources);
  }
  return st
    ? { id: a.id, family, title: st.title, why: whys.join(' '), because, sources }
    : { id: a.id, family, why: whys.join(' '), because, sources };
}

interface Mention {
  readonly id: string;
  readonly first: number;
  phase: number;
  readonly whys: string[];
  readonly sources: string[];
}

function mention(
  list: Mention[],
  id: string,
  phase: Phase,
  why: string,
  sources: readonly string[],
): void {
  const p = PHASE_ORDER.get(phase) ?? 0;
  for (const m of list) {
    if (m.id !== id) continue;
    if (p < m.phase) m.phase = p;
    if (!m.whys.includes(why)) m.whys.push(why);
    pushUnique(m.sources, sources);
    return;
  }
  list.push({ id, first: list.length, phase: p, whys: [why], sources: sources.slice() });
}

function compareMentions(x: Mention, y: Mention): number {
  return x.phase - y.phase || x.first - y.first;
}

function stakeholderList(
  rules: RuleSet,
  advised: readonly AdvisedRoute[],
  duties: readonly Duty[],
  working: Answers,
  lang: Lang,
): StakeholderItem[] {
  // the stakeholders of the strong and possible routes in rank order, then the walk's duties
  const mentions: Mention[] = [];
  for (const r of advised) {
    if (r.fit === 'unlikely') continue;
    const list = rules.routes.get(r.id)?.stakeholders;
    if (list)
      for (const s of list)
        mention(mentions, s.stakeholder, s.phase, text(s.role, lang), s.sources);
  }
  for (const d of duties) mention(mentions, d.stakeholder, d.phase, text(d.why, lang), d.sources);
  mentions.sort(compareMentions);
  const current = working['phase'];
  const out: StakeholderItem[] = [];
  for (const m of mentions) {
    const reg = rules.stakeholders.get(m.id);
    const phase = PHASES[m.phase]!;
    const item: Record<string, unknown> = {
      id: m.id,
      name: reg ? text(reg.name, lang) : m.id,
      phase,
      when: whenOf(phase, current),
      why: m.whys.length === 1 ? m.whys[0] : m.whys.join(' '),
    };
    if (reg?.bring && reg.bring.length > 0) {
      const bring: string[] = [];
      for (const b of reg.bring) bring.push(text(b, lang));
      item['bring'] = bring;
    }
    item['sources'] = m.sources;
    out.push(item as unknown as StakeholderItem);
  }
  return out;
}

function bridgeList(
  rules: RuleSet,
  ids: readonly string[],
  asOf: string,
  lang: Lang,
): BridgeItem[] {
  const out: BridgeItem[] = [];
  for (const id of ids) {
    const b = rules.bridge.get(id);
    if (!b || !validAt(b, asOf)) continue;
    const item: Record<string, unknown> = {
      id,
      title: text(b.title, lang),
      why: text(b.why, lang),
    };
    if (b.leads_to && b.leads_to.length > 0) item['leadsTo'] = b.leads_to.slice();
    item['sources'] = b.sources.slice();
    item['verify'] = b.verify === true;
    if (b.verify === true && b.verify_note) item['verifyNote'] = text(b.verify_note, lang);
    out.push(item as unknown as BridgeItem);
  }
  return out;
}

function warningList(
  rules: RuleSet,
  ids: readonly string[],
  asOf: string,
  lang: Lang,
): WarningItem[] {
  const out: WarningItem[] = [];
  for (const id of ids) {
    const w = rules.warnings.get(id);
    if (!w || !validAt(w, asOf)) continue;
    const item: Record<string, unknown> = {
      id,
      text: text(w.text, lang),
      sources: w.sources.slice(),
      verify: w.verify === true,
    };
    if (w.verify === true && w.verify_note) item['verifyNote'] = text(w.verify_note, lang);
    out.push(item as unknown as WarningItem);
  }
  return out;
}

/**
 * The advice for one set of answers. Never throws on answers: unknown questions, invalid values
 * and missing answers are taken as they are (conditions on them are false or unknown).
 */
export function evaluate(rules: RuleSet, answers: Answers, options: EvaluateOptions): Advice {
  const idx = engineIndex(rules);
  const lang: Lang = options.lang === 'en' ? 'en' : 'nl';
  const asOf = options.asOf;
  const { working, figures } = prepareAnswers(idx, answers);
  const walk = walkTrees(idx, working);
  const effects = collect(idx, walk.path);

  // routes: excluded (validity first, then the trees' exclusions) or advised
  const texts = routeTexts(rules, idx, lang);
  const advised: AdvisedRoute[] = [];
  const excluded: ExcludedRoute[] = [];
  for (const a of effects.routes) {
    if (!a.awarded && a.excluded === null) continue; // an adjustment alone advises nothing
    const def = rules.routes.get(a.id);
    const family = (def ? def.family : a.id.slice(0, a.id.indexOf('.'))) as Family;
    if (!FAMILY_ORDER.has(family)) continue;
    const st = texts.get(a.id);
    const lapsed =
      st && (st.validFrom !== undefined || st.validUntil !== undefined)
        ? validityWhy(st, asOf, lang)
        : undefined;
    if (lapsed !== undefined) {
      excluded.push({
        id: a.id,
        family,
        title: st!.title,
        why: lapsed,
        sources: st!.sources.slice(),
      });
    } else if (a.excluded !== null) {
      excluded.push(excludedRoute(a, family, st, working, lang));
    } else {
      advised.push(advisedRoute(a, family, st, rules, working, lang));
    }
  }
  advised.sort(compareRoutes);
  excluded.sort(compareExcluded);

  const input: Record<string, string> = {};
  if (options.input) {
    for (const k of Object.keys(options.input)) {
      const v = options.input[k];
      if (typeof v === 'string') input[k] = v;
    }
  }

  return {
    schemaVersion: 1,
    ruleset: { version: rules.version, hash: rules.hash, asOf },
    input,
    routes: advised,
    excluded,
    stakeholders: stakeholderList(rules, advised, effects.duties, working, lang),
    costBenefit: figures
      ? {
          parties: figures.parties,
          total: figures.total,
          wrongPocket: figures.wrongPocket,
          transfers: figures.transfers,
          arrangements: effects.arrangements.slice(),
        }
      : null,
    bridgeFunding: bridgeList(rules, effects.bridge, asOf, lang),
    warnings: warningList(rules, effects.warnings, asOf, lang),
    openQuestions: openQuestionsOf(rules, idx, walk, working, true),
    arrangements: effects.arrangements,
  };
}
