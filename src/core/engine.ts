// The advice engine: walks every tree with the answers, collects the effects of the nodes it
// passes, and turns them into the Advice of shared/contract.md §4. Pure: no I/O, no clock; the
// same rules, answers and options always give the same Advice, byte for byte. docs/engine.md is
// the rule author's description of everything decided here.
//
// It runs for every row of a batch (a million rows is a normal portfolio run), so everything that
// does not depend on the answers is worked out once per RuleSet (`engineIndex`, cached): question
// ids become integer slots; conditions become numbered parts for one small interpreter, with
// option masks for `includes`; the nodes' control flow and effects become flat integer arrays
// that refer to routes, notes, stakeholder mentions, warnings and bridge items by number; the
// texts of every registry entry are resolved per language. A call then reads the answers into the
// slots, walks, and builds the Advice. Its bookkeeping lives in typed scratch arrays of the index
// (valid while stamped with the call's generation), so that what a call allocates is essentially
// the Advice itself: in a batch, allocation was most of the cost.
//
// test/engine/reference.test.ts holds the engine to the output of its simple predecessor (kept in
// test/engine/reference/), byte for byte, on a few thousand answer sets.
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
} from './advice.ts';
import { isAnswered } from './conditions.ts';
import type { Truth } from './conditions.ts';
import { computeCostBenefit, costBenefitOf, DERIVED_FACTS, deriveFacts } from './cost-benefit.ts';
import type { CostBenefitFigures } from './cost-benefit.ts';
import type { QuestionDef, RuleSet, TreeNode } from './ruleset.ts';
import { PARTY_IDS } from './ruleset.ts';
import type { Comparison, Condition, Effects, Family, Fit, Phase, Text } from './schema.ts';
import { FAMILIES, PHASES } from './ids.ts';

// ---------------------------------------------------------------------------------------------
// Answers in slots. Every question id that any rule can read (a switch, a condition, an ask_if,
// a `because` list, the derived facts and their inputs, the figures, `phase`) has a slot; an
// answer to anything else cannot change the advice and is never copied.

/**
 * The answers as the engine reads them, one entry per slot: the value when it is answered
 * (isAnswered), otherwise undefined. So "unanswered" is a single `=== undefined` test.
 */
type Values = (AnswerValue | undefined)[];

/** A compiled condition, on answers keyed by question id. */
export type Test = (answers: Answers) => Truth;

function listOf(value: AnswerValue): readonly unknown[] {
  if (Array.isArray(value)) return value;
  // an object is never an option id (and String() throws on one without a prototype)
  return typeof value === 'object' ? [] : [String(value)];
}

/** The operator a comparison applies: the first present, in the order conditions.ts checks them. */
function operatorOf(cond: Comparison): keyof Comparison | undefined {
  for (const op of OPERATORS) if (cond[op] !== undefined) return op;
  return undefined;
}
const OPERATORS = [
  'answered',
  'equals',
  'in',
  'includes',
  'includes_any',
  'includes_all',
  'gte',
  'lte',
  'gt',
  'lt',
] as const;

/**
 * Option masks. A comparison `includes`, `includes_any` or `includes_all` asks whether the answer
 * (a list, or a single value taken as a one-element list) holds some strings. For a question
 * whose such comparisons name at most 31 distinct strings, those strings get bits, and an answer
 * becomes a mask, computed once per call at its first test (Conditions.maskVal); each
 * comparison is then one AND.
 */
interface MaskPlan {
  /** The number of slots. */
  readonly slots: number;
  readonly bits: readonly (ReadonlyMap<string, number> | undefined)[];
}

const MASK_BITS = 31;

/** The bits of a question's answer: the strings it holds that have a bit (as listOf reads it). */
function maskOf(bits: ReadonlyMap<string, number>, x: AnswerValue): number {
  if (Array.isArray(x)) {
    let m = 0;
    for (let i = 0; i < x.length; i++) {
      // includes() matches a string only with an equal string
      const el: unknown = x[i];
      if (typeof el !== 'string') continue;
      const b = bits.get(el);
      if (b !== undefined) m |= 1 << b;
    }
    return m;
  }
  if (typeof x === 'object') return 0;
  const b = bits.get(String(x));
  return b === undefined ? 0 : 1 << b;
}

/**
 * Per slot, the strings the includes-family comparisons of these conditions name, numbered; none
 * for a slot with more than MASK_BITS of them or with a want that is not a string.
 */
function planMasks(
  conditions: readonly Condition[],
  slot: (q: string) => number,
  slots: number,
): MaskPlan {
  const wants = new Map<number, Map<string, number> | null>();
  const visit = (cond: Condition): void => {
    if ('all' in cond) cond.all.forEach(visit);
    else if ('any' in cond) cond.any.forEach(visit);
    else if ('not' in cond) visit(cond.not);
    else {
      const op = operatorOf(cond);
      if (op !== 'includes' && op !== 'includes_any' && op !== 'includes_all') return;
      const s = slot(cond.question);
      let bits = wants.get(s);
      if (bits === null) return;
      bits ??= new Map();
      const list: readonly unknown[] = op === 'includes' ? [cond.includes] : cond[op]!;
      for (const w of list) {
        if (typeof w !== 'string') {
          bits = null;
          break;
        }
        if (!bits.has(w)) bits.set(w, bits.size);
      }
      wants.set(s, bits !== null && bits.size <= MASK_BITS ? bits : null);
    }
  };
  conditions.forEach(visit);
  const out = new Array<ReadonlyMap<string, number> | undefined>(slots).fill(undefined);
  for (const [s, bits] of wants) if (bits) out[s] = bits;
  return { slots, bits: out };
}

// Truth values inside the engine: small integers (false, true, unknown).
const NO = 0;
const YES = 1;
const UNKNOWN = 2;
type Tri = typeof NO | typeof YES | typeof UNKNOWN;

function truth(t: Tri): Truth {
  return t === UNKNOWN ? undefined : t === YES;
}

// Condition operators: the combinators, then one per kind of comparison.
const ALL = 0;
const ANY = 1;
const NOT = 2;
const ANSWERED = 3;
const EQUALS = 4;
const IN = 5;
const INCLUDES_ANY = 6; // `includes` is includes_any of one string
const INCLUDES_ALL = 7;
const MASK_ANY = 8;
const MASK_ALL = 9;
const GTE = 10;
const LTE = 11;
const GT = 12;
const LT = 13;
const NEVER = 14; // a comparison without an operator: false once answered

/**
 * Compiled conditions: every part of every condition is a numbered entry (operator, slot,
 * operand, parts) in flat arrays, and one small interpreter evaluates them. Closures per part
 * were the first design; they cost a call through a megamorphic site per part, which made the
 * conditions the larger part of a walk. The semantics are those of conditions.ts: three-valued,
 * a comparison on an unanswered question is unknown except `answered`, Kleene all/any/not.
 */
class Conditions {
  private readonly op: number[] = [];
  private readonly slot: number[] = [];
  /** equals: the value; in / includes_*: the list; mask_*: the mask; gte…lt: the number. */
  private readonly arg: unknown[] = [];
  /** all / any: the parts; not: the one part. */
  private readonly parts: (readonly number[] | null)[] = [];
  /** mask_*: the bits of the slot's answer strings. */
  private readonly bits: (ReadonlyMap<string, number> | null)[] = [];

  /** Per slot: the answer's mask, valid while maskGen[slot] === gen (the call's generation). */
  private readonly maskVal: Int32Array;
  private readonly maskGen: Uint32Array;
  gen = 0;

  constructor(private readonly masks: MaskPlan | null) {
    this.maskVal = new Int32Array(masks?.slots ?? 0);
    this.maskGen = new Uint32Array(masks?.slots ?? 0);
  }

  /** When the generations start again at 0. */
  clearMarks(): void {
    this.maskGen.fill(0);
  }

  /** Compiles a condition; its number. */
  add(cond: Condition, slot: (question: string) => number): number {
    if ('all' in cond || 'any' in cond) {
      const parts = ('all' in cond ? cond.all : cond.any).map((c) => this.add(c, slot));
      return this.push('all' in cond ? ALL : ANY, -1, null, parts, null);
    }
    if ('not' in cond) return this.push(NOT, -1, null, [this.add(cond.not, slot)], null);
    const s = slot(cond.question);
    const op = operatorOf(cond);
    switch (op) {
      case 'answered':
        return this.push(ANSWERED, s, cond.answered, null, null);
      case 'equals':
        return this.push(EQUALS, s, cond.equals, null, null);
      case 'in':
        return this.push(IN, s, cond.in, null, null);
      case 'includes':
      case 'includes_any':
      case 'includes_all': {
        const list: readonly unknown[] = op === 'includes' ? [cond.includes] : cond[op]!;
        const any = op === 'includes_any';
        const bits = this.masks?.bits[s];
        if (bits && list.every((w) => typeof w === 'string' && bits.has(w))) {
          let mask = 0;
          for (const w of list) mask |= 1 << bits.get(w as string)!;
          return this.push(any ? MASK_ANY : MASK_ALL, s, mask, null, bits);
        }
        return this.push(any ? INCLUDES_ANY : INCLUDES_ALL, s, list, null, null);
      }
      case 'gte':
        return this.push(GTE, s, cond.gte, null, null);
      case 'lte':
        return this.push(LTE, s, cond.lte, null, null);
      case 'gt':
        return this.push(GT, s, cond.gt, null, null);
      case 'lt':
        return this.push(LT, s, cond.lt, null, null);
      default:
        return this.push(NEVER, s, null, null, null);
    }
  }

  private push(
    op: number,
    slot: number,
    arg: unknown,
    parts: readonly number[] | null,
    bits: ReadonlyMap<string, number> | null,
  ): number {
    this.op.push(op);
    this.slot.push(slot);
    this.arg.push(arg);
    this.parts.push(parts);
    this.bits.push(bits);
    return this.op.length - 1;
  }

  /** The truth of condition `c` on the answers in `v`. */
  eval(c: number, v: Values): Tri {
    const op = this.op[c]!;
    if (op === ALL || op === ANY) {
      const parts = this.parts[c]!;
      let r: Tri = op === ALL ? YES : NO;
      for (let i = 0; i < parts.length; i++) {
        const t = this.eval(parts[i]!, v);
        if (op === ALL ? t === NO : t === YES) return t;
        if (t === UNKNOWN) r = UNKNOWN;
      }
      return r;
    }
    if (op === NOT) {
      const t = this.eval(this.parts[c]![0]!, v);
      return t === UNKNOWN ? UNKNOWN : t === YES ? NO : YES;
    }
    const s = this.slot[c]!;
    const x = v[s];
    if (op === ANSWERED) return (x !== undefined) === this.arg[c] ? YES : NO;
    if (x === undefined) return UNKNOWN;
    return this.compare(op, c, s, x) ? YES : NO;
  }

  /** A comparison on an answered value. */
  private compare(op: number, c: number, s: number, x: AnswerValue): boolean {
    switch (op) {
      case EQUALS:
        return x === this.arg[c];
      case IN: {
        const list = this.arg[c] as readonly unknown[];
        for (let i = 0; i < list.length; i++) if (list[i] === x) return true;
        return false;
      }
      case MASK_ANY:
      case MASK_ALL: {
        if (this.maskGen[s] !== this.gen) {
          this.maskGen[s] = this.gen;
          this.maskVal[s] = maskOf(this.bits[c]!, x);
        }
        const m = this.maskVal[s]!;
        const want = this.arg[c] as number;
        return op === MASK_ANY ? (m & want) !== 0 : (m & want) === want;
      }
      case INCLUDES_ANY:
      case INCLUDES_ALL: {
        const want = this.arg[c] as readonly unknown[];
        const any = op === INCLUDES_ANY;
        // a single answer counts as the list [String(value)]: compare with that string directly
        if (isScalar(x)) {
          const str = String(x);
          for (let i = 0; i < want.length; i++) if ((want[i] === str) === any) return any;
          return !any;
        }
        const list = listOf(x);
        for (let i = 0; i < want.length; i++) if (list.includes(want[i]) === any) return any;
        return !any;
      }
      case GTE:
        return typeof x === 'number' && x >= (this.arg[c] as number);
      case LTE:
        return typeof x === 'number' && x <= (this.arg[c] as number);
      case GT:
        return typeof x === 'number' && x > (this.arg[c] as number);
      case LT:
        return typeof x === 'number' && x < (this.arg[c] as number);
      default:
        return false;
    }
  }

  /**
   * Adds to `out` (holding `len` entries) the slots of the questions whose missing answers make
   * the unknown condition `c` unknown, each once from position `from` on: only the parts that are
   * themselves unknown count (in `any: [A, B]` with B true, A does not matter). The new length.
   */
  unknowns(c: number, v: Values, out: Int32Array, len: number, from: number): number {
    const op = this.op[c]!;
    if (op === ALL || op === ANY) {
      for (const p of this.parts[c]!) {
        if (this.eval(p, v) === UNKNOWN) len = this.unknowns(p, v, out, len, from);
      }
    } else if (op === NOT) {
      len = this.unknowns(this.parts[c]![0]!, v, out, len, from);
    } else if (op !== ANSWERED) {
      const s = this.slot[c]!;
      if (v[s] === undefined && !listed(out, from, len, s)) out[len++] = s;
    }
    return len;
  }
}

/** Whether list[from..to) holds x. */
function listed(list: Int32Array, from: number, to: number, x: number): boolean {
  for (let i = from; i < to; i++) if (list[i] === x) return true;
  return false;
}

/** Every question of a condition, each once, in order. */
function conditionQuestions(cond: Condition, out: string[]): void {
  if ('all' in cond) cond.all.forEach((c) => conditionQuestions(c, out));
  else if ('any' in cond) cond.any.forEach((c) => conditionQuestions(c, out));
  else if ('not' in cond) conditionQuestions(cond.not, out);
  else if (!out.includes(cond.question)) out.push(cond.question);
}

/** Reads the given questions of an answers object into slots 0..n-1. */
function readValues(answers: Answers, ids: readonly string[]): Values {
  const v: Values = new Array<AnswerValue | undefined>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const x = answers[ids[i]!];
    v[i] = isAnswered(x) ? x : undefined;
  }
  return v;
}

/** Compiles a condition to a closure with exactly the semantics of `evaluateCondition`. */
export function compileCondition(cond: Condition): Test {
  const questions: string[] = [];
  conditionQuestions(cond, questions);
  const at = new Map(questions.map((q, i) => [q, i]));
  const table = new Conditions(null);
  const c = table.add(cond, (q) => at.get(q)!);
  return (a) => truth(table.eval(c, readValues(a, questions)));
}

// ---------------------------------------------------------------------------------------------
// The per-RuleSet index, built once.

const NEXT = 0;
const END = 1;
const SWITCH = 2;
const IF = 3;
const SEQUENCE = 4;

const FAMILY_ORDER = new Map<string, number>(FAMILIES.map((f, i) => [f, i]));
const PHASE_ORDER = new Map<string, number>(PHASES.map((p, i) => [p, i]));
const DEVELOP = PHASE_ORDER.get('develop')!;
const PHASE_NAMES: readonly Phase[] = [...PHASES];

/** 0 for Dutch, 1 for English: the index into every per-language table. */
type LangIndex = 0 | 1;
const LANGS: readonly Lang[] = ['nl', 'en'];

/** A text in both languages, [nl, en]: `x[lang] ?? x.nl`, resolved once. */
type Texts = readonly [string, string];

function texts(x: Text): Texts {
  return [x.nl, x.en ?? x.nl];
}

/** An award's reason, an adjustment's reason or an exclusion's why. */
interface NoteDef {
  readonly text: Texts;
  /** The texts as string ids (EngineIndex.strings), to find a repeated text by comparing numbers. */
  readonly textIds: readonly [number, number];
  /** The `because` questions, and their slots. */
  readonly because: readonly string[];
  readonly becauseSlots: readonly number[];
  readonly sources: readonly string[];
  readonly sourceIds: readonly number[];
}

/**
 * The effects of all nodes as one program of integers (EngineIndex.effects; a node's part runs
 * from Flow.fxStart to Flow.fxEnd), in the order the effects are taken: the awards, the
 * adjustments, the exclusions, the stakeholder duties, the warnings, the bridge items and the
 * arrangements. Each entry is an operator followed by its operands (indexes into the index's
 * tables). Read in one sweep instead of through seven lists per node: most of a walk's time
 * went into fetching those lists.
 */
const FX_AWARD = 0; // route, score, note
const FX_ADJUST = 1; // route, add, note
const FX_EXCLUDE = 2; // route, note
const FX_DUTY = 3; // mention
const FX_WARNING = 4; // warning
const FX_BRIDGE = 5; // bridge item
const FX_ARRANGEMENT = 6; // arrangement

/**
 * Every stakeholder mention (a route's registry stakeholder, why = its role; or a node's duty)
 * in flat arrays, per mention number m: the stakeholder, the phase, the why per language (at
 * 2m + l, also as a string id), and the sources, as string ids srcIds[srcStart[m]] up to
 * srcIds[srcStart[m + 1]].
 */
interface Mentions {
  readonly stakeholder: Int32Array;
  readonly phase: Uint8Array;
  readonly why: readonly string[];
  readonly whyId: Int32Array;
  readonly srcStart: Int32Array;
  readonly srcIds: Int32Array;
}

/** A tree node with its references resolved to indexes (-1: none, stop). */
export interface CompiledNode {
  readonly id: string;
  readonly tree: number;
  readonly kind: number;
  readonly next: number;
  readonly question: string;
  /** The slot of the switch question. */
  readonly slot: number;
  /** The switch's `when` values (each once) and where each goes; the first listed wins. */
  readonly caseValues: readonly (string | boolean)[];
  readonly caseNext: readonly number[];
  readonly otherwise: number;
  readonly unanswered: number;
  readonly condition: Condition | null;
  /** The `if` condition's number in EngineIndex.conditions (-1: none). */
  readonly cond: number;
  readonly then: number;
  readonly else: number;
  readonly unknown: number;
  readonly sequence: readonly number[];
  readonly effects: Effects | null;
  /** The node's part of EngineIndex.effects. */
  readonly fxStart: number;
  readonly fxEnd: number;
  /** The questions this node reads (the switch question, or every question of the condition). */
  readonly reads: readonly string[];
  /** The highest award score on any node below this one: how decisive a question met here is. */
  readonly potential: number;
}

/** Per node index: the fields of CompiledNode the walk needs (struct of arrays). */
interface Flow {
  readonly kind: Uint8Array;
  readonly next: Int32Array;
  readonly slot: Int32Array;
  readonly otherwise: Int32Array;
  readonly unanswered: Int32Array;
  readonly then: Int32Array;
  readonly else: Int32Array;
  readonly unknown: Int32Array;
  readonly cond: Int32Array;
  readonly caseValues: readonly (readonly (string | boolean)[])[];
  readonly caseNext: readonly (readonly number[])[];
  readonly sequence: readonly (readonly number[])[];
  readonly fxStart: Int32Array;
  readonly fxEnd: Int32Array;
}

function flowOf(nodes: readonly CompiledNode[]): Flow {
  const ints = (field: (n: CompiledNode) => number) => Int32Array.from(nodes, field);
  return {
    kind: Uint8Array.from(nodes, (n) => n.kind),
    next: ints((n) => n.next),
    slot: ints((n) => n.slot),
    otherwise: ints((n) => n.otherwise),
    unanswered: ints((n) => n.unanswered),
    then: ints((n) => n.then),
    else: ints((n) => n.else),
    unknown: ints((n) => n.unknown),
    cond: ints((n) => n.cond),
    caseValues: nodes.map((n) => n.caseValues),
    caseNext: nodes.map((n) => n.caseNext),
    sequence: nodes.map((n) => n.sequence),
    fxStart: ints((n) => n.fxStart),
    fxEnd: ints((n) => n.fxEnd),
  };
}

/** A route named by an effect or in the registry. */
interface RouteDefIndexed {
  readonly id: string;
  /** The registry's family, or the id's prefix; null when not one of the five (dropped). */
  readonly family: Family | null;
  /** Position in the order family, then id: the order of `excluded` and the ranking's last tie-breaks. */
  rank: number;
  /** The registry entry, per language; undefined when the route is not in the registry. */
  readonly text: readonly [RouteText, RouteText] | undefined;
  /** The registry's stakeholders of the route, in file order: mentions from … up to to. */
  readonly mentionFrom: number;
  readonly mentionTo: number;
}

interface RouteText {
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
  readonly lang: Lang;
  /** validityWhy for the route, memoised per date once needed (it is the same for every call). */
  readonly whyAt: Map<string, string | undefined>;
}

interface ItemText {
  readonly id: string;
  readonly validFrom: string | undefined;
  readonly validUntil: string | undefined;
  /** Per language: the fields of the warning or bridge item, in output order. */
  readonly make: readonly [() => WarningItem | BridgeItem, () => WarningItem | BridgeItem];
}

export interface EngineIndex {
  readonly nodes: readonly CompiledNode[];
  /** The effects of all nodes (FX_AWARD …), their notes and stakeholder mentions. */
  readonly effects: Int32Array;
  readonly notes: readonly NoteDef[];
  readonly mentions: Mentions;
  /** The strings numbered for comparison (NoteDef.textIds, Mentions.whyId, source ids). */
  readonly strings: readonly string[];
  /** The same nodes' control flow, as flat arrays: what the walk reads, close together. */
  readonly flow: Flow;
  /** The root node of each tree, in tree order. */
  readonly roots: readonly number[];
  /** Core questions in file order. */
  readonly core: readonly QuestionDef[];
  /** cost_<party> / benefit_<party> questions in question order. */
  readonly figures: readonly QuestionDef[];
  readonly figureIds: ReadonlySet<string>;
  /** Compiled ask_if per question (absent: always asked). */
  readonly askIf: ReadonlyMap<string, Test>;
  /** Declared derived questions plus the engine's own facts. */
  readonly derived: ReadonlySet<string>;

  // slots
  readonly slotOf: ReadonlyMap<string, number>;
  readonly slotIds: readonly string[];
  /**
   * What a slot holds before the answers are read. Undefined, except for an id that names a
   * member of Object.prototype (other than "constructor"): the engine has always read answers
   * from a plain object, where such a name reads the inherited member. The schema's ids cannot
   * name one; a hand-built rule set could.
   */
  readonly defaults: Values;
  /** The slots whose default is not undefined (usually none). */
  readonly defaultSlots: readonly number[];
  /** Per slot: 1 when an answer may fill it (a derived fact may not). */
  readonly fillable: Uint8Array;
  readonly slotDerived: Uint8Array;
  /** Per slot: 1 when it is a question of the rule set. */
  readonly slotIsQuestion: Uint8Array;
  readonly slotIsFigure: Uint8Array;
  /** Per slot: its question's ask_if in `conditions` (-1: none). */
  readonly slotAskIf: Int32Array;
  readonly conditions: Conditions;
  /** Per derived slot: the slots of the questions it is computed from (derivedInputs). */
  readonly slotInputs: readonly (readonly number[])[];
  readonly costSlots: readonly number[];
  readonly benefitSlots: readonly number[];
  readonly derivedFactSlots: readonly number[];
  readonly phaseSlot: number;
  readonly bearersSlot: number;
  readonly beneficiariesSlot: number;

  // things named by effects
  readonly routes: readonly RouteDefIndexed[];
  readonly stakeholderIds: readonly string[];
  /** Per language, per stakeholder index: the registry name (or the id) and `bring` (or null). */
  readonly stakeholderText: readonly [readonly StakeholderText[], readonly StakeholderText[]];
  readonly warnings: readonly (ItemText | undefined)[];
  readonly bridge: readonly (ItemText | undefined)[];
  readonly arrangementIds: readonly string[];

  /** Per route: its position in the order family, then id (RouteDefIndexed.rank). */
  readonly rank: Int32Array;

  // Scratch space of one call (evaluate never re-enters itself). A mark is valid when it equals
  // gen, the call's generation: nothing needs clearing between calls.
  gen: number;
  /** Visited nodes, routes named, stakeholders merged, … */
  readonly stamp: Uint32Array;
  readonly routeMark: Uint32Array;
  readonly stakeholderMark: Uint32Array;
  readonly warningMark: Uint32Array;
  readonly bridgeMark: Uint32Array;
  readonly arrangementMark: Uint32Array;
  /** What the walk collects (CallScratch) and the notes of its routes, as chains in a log. */
  readonly call: CallScratch;
  readonly noteLog: Int32Array;
  readonly noteNext: Int32Array;
  logLen: number;
  /** For picking distinct texts and sources (log positions, string ids). */
  readonly pick: Int32Array;
  /** The stakeholder merge (stakeholderList). */
  readonly merge: MergeScratch;
  /** The open questions considered (openList): per slot whether it is open, and its score. */
  readonly slotMark: Uint32Array;
  readonly slotOpen: Uint8Array;
  readonly slotScore: Int32Array;
  /** The answers of the call, by slot. */
  readonly values: Values;
  /**
   * What the current walk met: the nodes visited (path[0 … pathLen)) and the open questions with
   * the node where each was met (openSlots / openNodes[0 … openLen)). Typed arrays with a length
   * of their own: emptying a JS array releases its storage, and refilling it allocates again.
   */
  readonly path: Int32Array;
  pathLen: number;
  readonly openSlots: Int32Array;
  readonly openNodes: Int32Array;
  openLen: number;
  readonly costs: (AnswerValue | undefined)[];
  readonly benefits: (AnswerValue | undefined)[];
}

interface StakeholderText {
  readonly id: string;
  readonly name: string;
  readonly bring: readonly string[] | null;
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

/** Interns ids to dense indexes, in order of first sight. */
class Interner {
  readonly ids: string[] = [];
  private readonly at = new Map<string, number>();
  of(id: string): number {
    let i = this.at.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.at.set(id, i);
      this.ids.push(id);
    }
    return i;
  }
  get map(): ReadonlyMap<string, number> {
    return this.at;
  }
}

function buildIndex(rules: RuleSet): EngineIndex {
  // -- slots: the rule set's questions first, then the engine's own names, then whatever a rule
  // reads that is not a question (validate reports it; the engine reads it all the same)
  const slots = new Interner();
  for (const id of rules.questionOrder) slots.of(id);
  for (const id of rules.questions.keys()) slots.of(id);
  for (const id of DERIVED_FACTS) slots.of(id);
  const costSlots = PARTY_IDS.map((p) => slots.of(`cost_${p}`));
  const benefitSlots = PARTY_IDS.map((p) => slots.of(`benefit_${p}`));
  const phaseSlot = slots.of('phase');
  const bearersSlot = slots.of('cost_bearers');
  const beneficiariesSlot = slots.of('beneficiaries');
  slots.of('has_figures');
  const conditions: Condition[] = [];
  for (const id of rules.questionOrder) {
    const q = rules.questions.get(id);
    if (q?.ask_if) conditions.push(q.ask_if);
  }
  for (const tree of rules.trees) {
    for (const id of tree.nodeOrder) {
      const n = tree.nodes.get(id)!;
      if (n.switch !== undefined) slots.of(n.switch);
      if (n.if !== undefined) conditions.push(n.if);
      const e = n.effects;
      for (const r of [...(e?.routes ?? []), ...(e?.adjust ?? []), ...(e?.exclude ?? [])]) {
        for (const q of r.because ?? []) slots.of(q);
      }
    }
  }
  for (const c of conditions) {
    const qs: string[] = [];
    conditionQuestions(c, qs);
    for (const q of qs) slots.of(q);
  }
  // every slot exists now: the tables per slot (masks, marks) are sized by their number
  const slot = (q: string): number => slots.map.get(q)!;
  const masks = planMasks(conditions, slot, slots.ids.length);
  const conds = new Conditions(masks);

  const routeIds = new Interner();
  for (const id of rules.routes.keys()) routeIds.of(id);
  const stakeholderIds = new Interner();
  const warningIds = new Interner();
  const bridgeIds = new Interner();
  const arrangementIds = new Interner();

  // texts and sources that the advice lists once each (reasons, whys, merged sources) get
  // numbers: equal strings, equal numbers, and numbers compare without reading the characters
  const strings = new Interner();
  const textIds = (x: Text): [number, number] => {
    const [nl, en] = texts(x);
    return [strings.of(nl), strings.of(en)];
  };
  const note = (
    text: Text,
    because: readonly string[] | undefined,
    sources: readonly string[],
  ): NoteDef => ({
    text: texts(text),
    textIds: textIds(text),
    because: because ?? [],
    becauseSlots: (because ?? []).map(slot),
    sources,
    sourceIds: sources.map((x) => strings.of(x)),
  });
  const notes: NoteDef[] = [];
  const mentions = {
    stakeholder: [] as number[],
    phase: [] as number[],
    why: [] as string[],
    whyId: [] as number[],
    srcStart: [] as number[],
    srcIds: [] as number[],
  };
  /** A new mention; its number. */
  const mention = (stakeholder: string, phase: Phase, why: Text, sources: readonly string[]) => {
    mentions.stakeholder.push(stakeholderIds.of(stakeholder));
    mentions.phase.push(PHASE_ORDER.get(phase) ?? 0);
    mentions.why.push(...texts(why));
    mentions.whyId.push(...textIds(why));
    mentions.srcStart.push(mentions.srcIds.length);
    for (const x of sources) mentions.srcIds.push(strings.of(x));
    return mentions.stakeholder.length - 1;
  };
  const code: number[] = [];
  /** Appends a node's effects to the program (see FX_AWARD). */
  const compileEffects = (e: Effects | undefined): void => {
    const noteOf = (
      text: Text,
      because: readonly string[] | undefined,
      sources: readonly string[],
    ) => notes.push(note(text, because, sources)) - 1;
    for (const r of e?.routes ?? []) {
      code.push(FX_AWARD, routeIds.of(r.route), r.score, noteOf(r.reason, r.because, r.sources));
    }
    for (const r of e?.adjust ?? []) {
      code.push(FX_ADJUST, routeIds.of(r.route), r.add, noteOf(r.reason, r.because, r.sources));
    }
    for (const r of e?.exclude ?? []) {
      code.push(FX_EXCLUDE, routeIds.of(r.route), noteOf(r.why, r.because, r.sources));
    }
    for (const d of e?.stakeholders ?? []) {
      code.push(FX_DUTY, mention(d.stakeholder, d.phase, d.why, d.sources));
    }
    for (const w of e?.warnings ?? []) code.push(FX_WARNING, warningIds.of(w));
    for (const b of e?.bridge ?? []) code.push(FX_BRIDGE, bridgeIds.of(b));
    for (const a of e?.arrangements ?? []) code.push(FX_ARRANGEMENT, arrangementIds.of(a));
  };

  // -- nodes
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
        slot: kind === SWITCH ? slot(n.switch!) : -1,
        caseValues: cases ? [...cases.keys()] : [],
        caseNext: cases ? [...cases.values()] : [],
        otherwise: ref(n.otherwise),
        unanswered: ref(n.unanswered),
        condition: kind === IF ? n.if! : null,
        cond: kind === IF ? conds.add(n.if!, slot) : -1,
        then: ref(n.then),
        else: ref(n.else),
        unknown: ref(n.unknown),
        sequence: (n.sequence ?? []).map(ref),
        effects: n.effects ?? null,
        fxStart: code.length,
        fxEnd: (compileEffects(n.effects), code.length),
        reads,
        potential: Math.max(0, below(i)),
      });
    });
    roots.push(raw.length > 0 ? base : -1);
  });

  // -- questions
  const core: QuestionDef[] = [];
  const figures: QuestionDef[] = [];
  const figureIds = new Set<string>();
  for (const p of PARTY_IDS) figureIds.add(`cost_${p}`).add(`benefit_${p}`);
  const askIf = new Map<string, Test>();
  const askIfOnSlots = new Map<string, number>();
  const derived = new Set<string>(DERIVED_FACTS);
  for (const id of rules.questionOrder) {
    const q = rules.questions.get(id);
    if (!q) continue;
    if (q.derived) derived.add(id);
    if (q.ask_if) {
      askIf.set(id, compileCondition(q.ask_if));
      askIfOnSlots.set(id, conds.add(q.ask_if, slot));
    }
    if (derived.has(id)) continue;
    if (figureIds.has(id)) figures.push(q);
    else if (q.core) core.push(q);
  }
  for (const id of derived) slots.of(id);
  const figureQuestionSlots = figures.map((q) => slot(q.id));
  const hasFiguresSlot = slot('has_figures');
  // the inputs of the derived facts (derivedInputs), as slots
  const inputsOf = (id: string): number[] => {
    if (id === 'cb_total') return [hasFiguresSlot, ...figureQuestionSlots];
    if (id === 'cb_has_figures') return [];
    if ((DERIVED_FACTS as readonly string[]).includes(id)) {
      return [bearersSlot, beneficiariesSlot, hasFiguresSlot, ...figureQuestionSlots];
    }
    return [];
  };

  // -- registries, per language
  const routes: RouteDefIndexed[] = routeIds.ids.map((id) => {
    const def = rules.routes.get(id);
    const family = def ? def.family : id.slice(0, id.indexOf('.'));
    const mentionFrom = mentions.stakeholder.length;
    for (const s of def?.stakeholders ?? []) mention(s.stakeholder, s.phase, s.role, s.sources);
    const mentionTo = mentions.stakeholder.length;
    const text = def
      ? ([0, 1] as const).map((l): RouteText => {
          const lang = LANGS[l]!;
          const t = (x: Text) => texts(x)[l];
          return {
            title: t(def.title),
            summary: t(def.summary),
            whoDecides: def.who_decides ? t(def.who_decides) : undefined,
            steps: def.steps.map(t),
            evidence: (def.evidence ?? []).map(t),
            pitfalls: def.pitfalls && def.pitfalls.length > 0 ? def.pitfalls.map(t) : undefined,
            sources: def.sources,
            verify: def.verify === true,
            verifyNote: def.verify === true && def.verify_note ? t(def.verify_note) : undefined,
            validFrom: def.valid_from,
            validUntil: def.valid_until,
            lang,
            whyAt: new Map(),
          };
        })
      : undefined;
    return {
      id,
      family: FAMILY_ORDER.has(family) ? (family as Family) : null,
      rank: 0,
      text: text as readonly [RouteText, RouteText] | undefined,
      mentionFrom,
      mentionTo,
    };
  });
  routes
    .map((r, i) => i)
    .sort((x, y) => {
      const a = routes[x]!;
      const b = routes[y]!;
      return (
        (FAMILY_ORDER.get(a.family ?? '') ?? 99) - (FAMILY_ORDER.get(b.family ?? '') ?? 99) ||
        byId(a.id, b.id)
      );
    })
    .forEach((r, rank) => (routes[r]!.rank = rank));
  for (const id of rules.stakeholders.keys()) stakeholderIds.of(id);
  const stakeholderText = ([0, 1] as const).map((l) =>
    stakeholderIds.ids.map((id): StakeholderText => {
      const reg = rules.stakeholders.get(id);
      return {
        id,
        name: reg ? texts(reg.name)[l] : id,
        bring: reg?.bring && reg.bring.length > 0 ? reg.bring.map((b) => texts(b)[l]) : null,
      };
    }),
  ) as unknown as readonly [readonly StakeholderText[], readonly StakeholderText[]];

  const warnings = warningIds.ids.map((id): ItemText | undefined => {
    const w = rules.warnings.get(id);
    if (!w) return undefined;
    const make = (l: LangIndex) => {
      const text = texts(w.text)[l];
      const verify = w.verify === true;
      const note = verify && w.verify_note ? texts(w.verify_note)[l] : undefined;
      // whole literals (see routeObject)
      return note === undefined
        ? (): WarningItem => ({ id, text, sources: w.sources.slice(), verify })
        : (): WarningItem => ({ id, text, sources: w.sources.slice(), verify, verifyNote: note });
    };
    return { id, validFrom: w.valid_from, validUntil: w.valid_until, make: [make(0), make(1)] };
  });
  const bridge = bridgeIds.ids.map((id): ItemText | undefined => {
    const b = rules.bridge.get(id);
    if (!b) return undefined;
    const make = (l: LangIndex) => {
      const title = texts(b.title)[l];
      const why = texts(b.why)[l];
      const leadsTo = b.leads_to && b.leads_to.length > 0 ? b.leads_to : undefined;
      const verify = b.verify === true;
      const note = verify && b.verify_note ? texts(b.verify_note)[l] : undefined;
      // whole literals (see routeObject)
      const src = b.sources;
      if (leadsTo === undefined) {
        return note === undefined
          ? (): BridgeItem => ({ id, title, why, sources: src.slice(), verify })
          : (): BridgeItem => ({ id, title, why, sources: src.slice(), verify, verifyNote: note });
      }
      return note === undefined
        ? (): BridgeItem => ({
            id,
            title,
            why,
            leadsTo: leadsTo.slice(),
            sources: src.slice(),
            verify,
          })
        : (): BridgeItem => ({
            id,
            title,
            why,
            leadsTo: leadsTo.slice(),
            sources: src.slice(),
            verify,
            verifyNote: note,
          });
    };
    return { id, validFrom: b.valid_from, validUntil: b.valid_until, make: [make(0), make(1)] };
  });

  // -- slot tables (every slot exists by now)
  const n = slots.ids.length;
  const plain = { constructor: undefined } as unknown as Record<string, unknown>;
  if (slots.ids.length !== masks.slots) throw new Error('engine: a slot was added after the masks');
  const defaults: Values = slots.ids.map((id) => {
    const x = plain[id] as AnswerValue | undefined;
    return isAnswered(x) ? x : undefined;
  });
  const flag = (test: (id: string) => boolean) =>
    Uint8Array.from(slots.ids, (id) => (test(id) ? 1 : 0));
  const slotOf = slots.map;

  mentions.srcStart.push(mentions.srcIds.length);
  const mentionTable: Mentions = {
    stakeholder: Int32Array.from(mentions.stakeholder),
    phase: Uint8Array.from(mentions.phase),
    why: mentions.why,
    whyId: Int32Array.from(mentions.whyId),
    srcStart: Int32Array.from(mentions.srcStart),
    srcIds: Int32Array.from(mentions.srcIds),
  };
  // a visited node records at most one open question per question it reads (a switch: one)
  const openCapacity = nodes.reduce((sum, n) => sum + Math.max(1, n.reads.length), 0);
  return {
    nodes,
    effects: Int32Array.from(code),
    notes,
    mentions: mentionTable,
    strings: strings.ids,
    flow: flowOf(nodes),
    roots,
    core,
    figures,
    figureIds,
    askIf,
    derived,
    slotOf,
    slotIds: slots.ids,
    defaults,
    defaultSlots: [...defaults.keys()].filter((s) => defaults[s] !== undefined),
    fillable: flag((id) => !derived.has(id) && id !== '__proto__'),
    slotDerived: flag((id) => derived.has(id)),
    slotIsQuestion: flag((id) => rules.questions.has(id)),
    slotIsFigure: flag((id) => figureIds.has(id)),
    slotAskIf: Int32Array.from(slots.ids, (id) => askIfOnSlots.get(id) ?? -1),
    conditions: conds,
    slotInputs: slots.ids.map(inputsOf),
    costSlots,
    benefitSlots,
    derivedFactSlots: DERIVED_FACTS.map((id) => slotOf.get(id)!),
    phaseSlot,
    bearersSlot,
    beneficiariesSlot,
    routes,
    stakeholderIds: stakeholderIds.ids,
    stakeholderText,
    warnings,
    bridge,
    arrangementIds: arrangementIds.ids,
    gen: 0,
    stamp: new Uint32Array(nodes.length),
    routeMark: new Uint32Array(routes.length),
    call: callScratch(
      routes.length,
      mentionTable.stakeholder.length,
      warnings.length,
      bridge.length,
      arrangementIds.ids.length,
    ),
    rank: Int32Array.from(routes, (r) => r.rank),
    noteLog: new Int32Array(notes.length),
    noteNext: new Int32Array(notes.length),
    logLen: 0,
    pick: new Int32Array(Math.max(notes.length, strings.ids.length)),
    stakeholderMark: new Uint32Array(stakeholderIds.ids.length),
    merge: mergeScratch(stakeholderIds.ids.length, mentionTable),
    warningMark: new Uint32Array(warnings.length),
    bridgeMark: new Uint32Array(bridge.length),
    arrangementMark: new Uint32Array(arrangementIds.ids.length),
    slotMark: new Uint32Array(n),
    slotOpen: new Uint8Array(n),
    slotScore: new Int32Array(n),
    values: defaults.slice(),
    path: new Int32Array(nodes.length),
    pathLen: 0,
    openSlots: new Int32Array(openCapacity),
    openNodes: new Int32Array(openCapacity),
    openLen: 0,
    costs: new Array<AnswerValue | undefined>(PARTY_IDS.length).fill(undefined),
    benefits: new Array<AnswerValue | undefined>(PARTY_IDS.length).fill(undefined),
  };
}

/** Starts a call: a new generation for every mark array. */
function nextGen(idx: EngineIndex): number {
  if (idx.gen === 0xffffffff) {
    for (const marks of [
      idx.stamp,
      idx.routeMark,
      idx.stakeholderMark,
      idx.warningMark,
      idx.bridgeMark,
      idx.arrangementMark,
      idx.slotMark,
    ]) {
      marks.fill(0);
    }
    idx.conditions.clearMarks();
    idx.gen = 0;
  }
  idx.conditions.gen = ++idx.gen;
  return idx.gen;
}

// ---------------------------------------------------------------------------------------------
// Answers with the derived facts, and the walk.

export interface Prepared {
  /** A copy of the answers (own keys only) with the derived facts set by the engine. */
  readonly working: Answers;
  readonly figures: CostBenefitFigures | null;
}

/** isAnswered for a string: not blank. Most answers start with a visible ASCII character. */
function nonBlank(x: string): boolean {
  const c = x.charCodeAt(0);
  return (c > 32 && c < 127) || x.trim() !== '';
}

function isScalar(x: unknown): boolean {
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

/**
 * An answer as the engine takes it: strings, numbers, booleans and lists of those. Anything else
 * (an object, null) is no answer; a list keeps its strings, numbers and booleans.
 */
function sanitize(value: unknown): AnswerValue | undefined {
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value as AnswerValue;
  if (!Array.isArray(value)) return undefined;
  for (let i = 0; i < value.length; i++) {
    if (!isScalar(value[i])) return value.filter(isScalar) as AnswerValue;
  }
  return value as AnswerValue;
}

/**
 * Copies the answers (own keys, values sanitised) and sets the derived facts; answers given for
 * derived facts are dropped. (The wizard and coverage use this object; evaluate reads the answers
 * into slots instead, with `fillValues`.)
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

/**
 * `prepareAnswers` into the slots of `idx.values`: the same answers, sanitised, with the derived
 * facts; returns the cost/benefit figures.
 */
function fillValues(idx: EngineIndex, answers: Answers): CostBenefitFigures | null {
  clearValues(idx);
  const keys = Object.keys(answers);
  for (let i = 0; i < keys.length; i++) {
    const s = idx.slotOf.get(keys[i]!);
    if (s !== undefined && idx.fillable[s] === 1) setValue(idx.values, s, answers[keys[i]!]);
  }
  return deriveValues(idx);
}

/** The slots of `idx.values` before any answer: nothing, except the questions' defaults. */
function clearValues(idx: EngineIndex): void {
  const v = idx.values;
  v.fill(undefined);
  for (const s of idx.defaultSlots) v[s] = idx.defaults[s];
}

/** One answer into its slot, sanitised (as prepareAnswers does), answered or not (isAnswered). */
function setValue(v: Values, s: number, x: unknown): void {
  // the common cases first
  if (typeof x === 'string') v[s] = nonBlank(x) ? x : undefined;
  else if (typeof x === 'number' || typeof x === 'boolean') v[s] = x;
  else if (Array.isArray(x)) {
    const list = sanitize(x) as readonly unknown[];
    v[s] = list.length > 0 ? (list as AnswerValue) : undefined;
  }
  // anything else is no answer, and leaves the slot as it was
}

/** With the answers in their slots: the cost/benefit figures and the derived facts' slots. */
function deriveValues(idx: EngineIndex): CostBenefitFigures | null {
  const v = idx.values;
  const costs = idx.costs;
  const benefits = idx.benefits;
  for (let i = 0; i < costs.length; i++) {
    costs[i] = v[idx.costSlots[i]!];
    benefits[i] = v[idx.benefitSlots[i]!];
  }
  const figures = costBenefitOf(costs, benefits, PARTY_IDS);
  // deriveFacts reads only these two answers (and only without figures)
  const inputs = figures
    ? {}
    : { cost_bearers: v[idx.bearersSlot]!, beneficiaries: v[idx.beneficiariesSlot]! };
  const facts = deriveFacts(inputs as Answers, figures, PARTY_IDS);
  for (let i = 0; i < DERIVED_FACTS.length; i++) {
    const x = facts[DERIVED_FACTS[i]!];
    if (x !== undefined) v[idx.derivedFactSlots[i]!] = isAnswered(x) ? x : undefined;
  }
  return figures;
}

/** Reads a prepared answers object (prepareAnswers) into fresh slots. */
function valuesOf(idx: EngineIndex, answers: Answers): Values {
  return readValues(answers, idx.slotIds);
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
  nextGen(idx);
  walkAll(idx, valuesOf(idx, answers));
  const path = Array.from(idx.path.subarray(0, idx.pathLen));
  let reads: string[] | null = null;
  if (withReads) {
    reads = [];
    for (const n of path) for (const q of idx.nodes[n]!.reads) reads.push(q);
  }
  return {
    path,
    openQuestions: Array.from(idx.openSlots.subarray(0, idx.openLen), (s) => idx.slotIds[s]!),
    openNodes: Array.from(idx.openNodes.subarray(0, idx.openLen)),
    reads,
  };
}

/** Walks every tree into idx.path, idx.openSlots and idx.openNodes (at the current generation). */
function walkAll(idx: EngineIndex, v: Values, collect = false): void {
  idx.pathLen = 0;
  idx.openLen = 0;
  for (const root of idx.roots) if (root >= 0) walkFrom(idx, root, v, collect);
}

/**
 * Walks one tree (or a sequence's branch) from `start`. With `collect`, the effects of every
 * node are collected into idx.call as it is passed (walk order), saving a second pass.
 */
function walkFrom(idx: EngineIndex, start: number, v: Values, collect: boolean): void {
  const f = idx.flow;
  const stamp = idx.stamp;
  const gen = idx.gen;
  const path = idx.path;
  const openSlots = idx.openSlots;
  const openNodes = idx.openNodes;
  let n = start;
  // the lengths live on the index (a sequence's branches are walked by recursive calls)
  while (n >= 0) {
    // a node reached before: everything below it was walked then, with the same answers
    if (stamp[n] === gen) return;
    stamp[n] = gen;
    path[idx.pathLen++] = n;
    if (collect && f.fxStart[n]! < f.fxEnd[n]!) addEffects(idx, f.fxStart[n]!, f.fxEnd[n]!);
    const kind = f.kind[n];
    if (kind === NEXT) {
      n = f.next[n]!;
    } else if (kind === IF) {
      const t = idx.conditions.eval(f.cond[n]!, v);
      if (t === YES) n = f.then[n]!;
      else if (t === NO) n = f.else[n]!;
      else {
        // the questions that made it unknown, each once for this node
        const from = idx.openLen;
        idx.openLen = idx.conditions.unknowns(f.cond[n]!, v, openSlots, from, from);
        for (let i = from; i < idx.openLen; i++) openNodes[i] = n;
        n = f.unknown[n]!;
      }
    } else if (kind === SWITCH) {
      const s = f.slot[n]!;
      const x = v[s];
      if (x === undefined) {
        openSlots[idx.openLen] = s;
        openNodes[idx.openLen++] = n;
        n = f.unanswered[n]!;
      } else {
        // a linear scan: a switch has a handful of cases, and a scan needs no hashing
        let hit = f.otherwise[n]!;
        if (typeof x === 'string' || typeof x === 'boolean') {
          const values = f.caseValues[n]!;
          for (let k = 0; k < values.length; k++) {
            if (values[k] === x) {
              hit = f.caseNext[n]![k]!;
              break;
            }
          }
        }
        n = hit;
      }
    } else if (kind === END) {
      return;
    } else {
      // SEQUENCE: each branch to its end, then stop
      const seq = f.sequence[n]!;
      for (let k = 0; k < seq.length; k++) if (seq[k]! >= 0) walkFrom(idx, seq[k]!, v, collect);
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

/** `askable` on slots. */
function askableSlot(idx: EngineIndex, s: number, v: Values): boolean {
  const c = idx.slotAskIf[s]!;
  const t = c < 0 ? YES : idx.conditions.eval(c, v);
  return idx.slotIsFigure[s] === 1 ? t === YES : t !== NO;
}

/**
 * The questions behind a derived fact, in the order they are worth asking: a derived fact is
 * never asked, but the questions it is computed from are.
 */
export function derivedInputs(idx: EngineIndex, fact: string): string[] {
  const s = idx.slotOf.get(fact);
  return s === undefined ? [] : idx.slotInputs[s]!.map((i) => idx.slotIds[i]!);
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
  nextGen(idx);
  const slots: number[] = [];
  const nodes: number[] = [];
  walk.openQuestions.forEach((q, i) => {
    // every question a node reads has a slot; anything else is no question of the rule set
    const s = idx.slotOf.get(q);
    if (s !== undefined) {
      slots.push(s);
      nodes.push(walk.openNodes[i]!);
    }
  });
  return openList(idx, valuesOf(idx, working), slots, nodes, slots.length, sortByPotential);
}

/**
 * An open question met at a node of this potential: listed at its first meeting when it can be
 * open at all (a question of the rule set, not derived, unanswered, askable — all fixed for the
 * call, so decided once), and raised to the highest potential it is met at.
 */
function consider(
  idx: EngineIndex,
  v: Values,
  order: number[],
  s: number,
  potential: number,
): void {
  if (idx.slotMark[s] !== idx.gen) {
    idx.slotMark[s] = idx.gen;
    const ok =
      idx.slotIsQuestion[s] === 1 &&
      idx.slotDerived[s] === 0 &&
      v[s] === undefined &&
      askableSlot(idx, s, v);
    idx.slotOpen[s] = ok ? 1 : 0;
    if (!ok) return;
    idx.slotScore[s] = potential;
    order.push(s);
  } else if (idx.slotOpen[s] === 1 && potential > idx.slotScore[s]!) {
    idx.slotScore[s] = potential;
  }
}

/** openQuestionsOf on slots, at the current generation. */
function openList(
  idx: EngineIndex,
  v: Values,
  openSlots: ArrayLike<number>,
  openNodes: ArrayLike<number>,
  count: number,
  sortByPotential: boolean,
): string[] {
  const score = idx.slotScore;
  const order: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = openSlots[i]!;
    const potential = idx.nodes[openNodes[i]!]!.potential;
    if (idx.slotDerived[s] === 1) {
      for (const d of idx.slotInputs[s]!) consider(idx, v, order, d, potential);
    } else consider(idx, v, order, s, potential);
  }
  if (sortByPotential) {
    // highest potential first, then walk order: a stable insertion sort on the score (few items)
    for (let i = 1; i < order.length; i++) {
      const s = order[i]!;
      let j = i - 1;
      while (j >= 0 && score[order[j]!]! < score[s]!) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = s;
    }
  }
  const ids = idx.slotIds;
  const out: string[] = new Array<string>(order.length);
  for (let i = 0; i < order.length; i++) out[i] = ids[order[i]!]!;
  return out;
}

// ---------------------------------------------------------------------------------------------
// evaluate. Written without closures created per call and with few temporary objects: it runs
// for every row of a batch.

const FIT_NAMES: readonly Fit[] = ['strong', 'possible', 'unlikely'];
const UNLIKELY = 2;

/**
 * What the walk of one call collects, kept in the index's typed arrays (numbers only: no object
 * per route or per list, and nothing long-lived that points to this call's objects, which would
 * cost the garbage collector).
 *
 * Per route (valid while routeMark[route] is this call's): whether it is awarded, the best award
 * and the log position of its note, the sum of adjustments, the final score and fit, and its
 * notes — the reasons of its awards and adjustments, the whys of its exclusions — as chains in
 * the note log (noteLog / noteNext, positions; -1 ends a chain).
 */
interface CallScratch {
  /** The routes named, in order of first mention: routes[0 … routeCount). */
  readonly routes: Int32Array;
  routeCount: number;
  readonly awarded: Uint8Array;
  readonly best: Int32Array;
  readonly bestNote: Int32Array;
  readonly add: Int32Array;
  readonly notesFirst: Int32Array;
  readonly notesLast: Int32Array;
  readonly excludedFirst: Int32Array;
  readonly excludedLast: Int32Array;
  readonly score: Int32Array;
  /** Index into FIT_NAMES. */
  readonly fit: Uint8Array;
  /** Why the route does not apply at asOf (validity), when it does not: a memoised string. */
  readonly lapsed: (string | undefined)[];
  /** The advised routes (best first) and the excluded ones (family, id). */
  readonly advised: Int32Array;
  advisedCount: number;
  readonly excluded: Int32Array;
  excludedCount: number;
  /** The stakeholder duties met (mention numbers), the warnings and bridge items (first mention). */
  readonly duties: Int32Array;
  dutyCount: number;
  readonly warnings: Int32Array;
  warningCount: number;
  readonly bridge: Int32Array;
  bridgeCount: number;
  readonly arrangements: Int32Array;
  arrangementCount: number;
}

function callScratch(
  routes: number,
  duties: number,
  warnings: number,
  bridge: number,
  arrangements: number,
): CallScratch {
  return {
    routes: new Int32Array(routes),
    routeCount: 0,
    awarded: new Uint8Array(routes),
    best: new Int32Array(routes),
    bestNote: new Int32Array(routes),
    add: new Int32Array(routes),
    notesFirst: new Int32Array(routes),
    notesLast: new Int32Array(routes),
    excludedFirst: new Int32Array(routes),
    excludedLast: new Int32Array(routes),
    score: new Int32Array(routes),
    fit: new Uint8Array(routes),
    lapsed: new Array<string | undefined>(routes).fill(undefined),
    advised: new Int32Array(routes),
    advisedCount: 0,
    excluded: new Int32Array(routes),
    excludedCount: 0,
    // a call meets every node at most once, so every duty at most once
    duties: new Int32Array(duties),
    dutyCount: 0,
    warnings: new Int32Array(warnings),
    warningCount: 0,
    bridge: new Int32Array(bridge),
    bridgeCount: 0,
    arrangements: new Int32Array(arrangements),
    arrangementCount: 0,
  };
}

/** Appends note `note` to a chain ending at `last` (-1: empty); its log position. */
function logNote(idx: EngineIndex, last: number, note: number): number {
  const at = idx.logLen++;
  idx.noteLog[at] = note;
  idx.noteNext[at] = -1;
  if (last >= 0) idx.noteNext[last] = at;
  return at;
}

function isEchoable(v: unknown): v is AnswerValue {
  if (typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (!Array.isArray(v)) return false;
  for (const x of v) if (typeof x !== 'string') return false;
  return true;
}

/** The answers of a note's `because` questions, into `out`. */
function becauseOf(
  note: NoteDef,
  v: Values,
  out: Record<string, AnswerValue>,
): Record<string, AnswerValue> {
  const ids = note.because;
  const slots = note.becauseSlots;
  for (let i = 0; i < ids.length; i++) {
    const x = v[slots[i]!];
    if (x !== undefined && isEchoable(x)) out[ids[i]!] = Array.isArray(x) ? x.slice() : x;
  }
  return out;
}

function validAt(
  item: { readonly validFrom: string | undefined; readonly validUntil: string | undefined },
  asOf: string,
): boolean {
  return (
    (item.validFrom === undefined || item.validFrom <= asOf) &&
    (item.validUntil === undefined || asOf <= item.validUntil)
  );
}

function byId(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The innovator's phase as an index; without a (valid) phase answer: developing. */
function currentPhase(current: AnswerValue | undefined): number {
  const at = typeof current === 'string' ? PHASE_ORDER.get(current) : undefined;
  return at ?? DEVELOP;
}

function whenAt(p: number, here: number): 'now' | 'next' | 'later' {
  return p <= here ? 'now' : p === here + 1 ? 'next' : 'later';
}

/** `now`, `next` or `later` for a stakeholder's phase, given the innovator's phase answer. */
export function whenOf(phase: Phase, current: AnswerValue | undefined): 'now' | 'next' | 'later' {
  // without a (valid) phase answer the innovator is taken to be developing: explore and develop
  // are now, demonstrate is next
  return whenAt(PHASE_ORDER.get(phase)!, currentPhase(current));
}

/** Runs the effects program from `at` to `end`: the effects of a node the walk passes. */
function addEffects(idx: EngineIndex, at: number, end: number): void {
  const code = idx.effects;
  const c = idx.call;
  const gen = idx.gen;
  while (at < end) {
    const op = code[at]!;
    if (op === FX_AWARD || op === FX_ADJUST) {
      const r = routeNamed(idx, code[at + 1]!);
      c.notesLast[r] = logNote(idx, c.notesLast[r]!, code[at + 3]!);
      if (c.notesFirst[r]! < 0) c.notesFirst[r] = c.notesLast[r]!;
      if (op === FX_ADJUST) c.add[r] = c.add[r]! + code[at + 2]!;
      else {
        c.awarded[r] = 1;
        if (code[at + 2]! > c.best[r]!) {
          c.best[r] = code[at + 2]!;
          c.bestNote[r] = c.notesLast[r]!;
        }
      }
      at += 4;
    } else if (op === FX_EXCLUDE) {
      const r = routeNamed(idx, code[at + 1]!);
      c.excludedLast[r] = logNote(idx, c.excludedLast[r]!, code[at + 2]!);
      if (c.excludedFirst[r]! < 0) c.excludedFirst[r] = c.excludedLast[r]!;
      at += 3;
    } else {
      const x = code[at + 1]!;
      if (op === FX_DUTY) c.duties[c.dutyCount++] = x;
      else if (op === FX_WARNING) {
        if (idx.warningMark[x] !== gen) {
          idx.warningMark[x] = gen;
          c.warnings[c.warningCount++] = x;
        }
      } else if (op === FX_BRIDGE) {
        if (idx.bridgeMark[x] !== gen) {
          idx.bridgeMark[x] = gen;
          c.bridge[c.bridgeCount++] = x;
        }
      } else if (idx.arrangementMark[x] !== gen) {
        idx.arrangementMark[x] = gen;
        c.arrangements[c.arrangementCount++] = x;
      }
      at += 2;
    }
  }
}

/** Route r as named in this call: cleared and listed at its first mention. */
function routeNamed(idx: EngineIndex, r: number): number {
  if (idx.routeMark[r] === idx.gen) return r;
  idx.routeMark[r] = idx.gen;
  const c = idx.call;
  c.routes[c.routeCount++] = r;
  c.awarded[r] = 0;
  c.best[r] = -1;
  c.bestNote[r] = -1;
  c.add[r] = 0;
  c.notesFirst[r] = -1;
  c.notesLast[r] = -1;
  c.excludedFirst[r] = -1;
  c.excludedLast[r] = -1;
  c.lapsed[r] = undefined;
  return r;
}

/** Adds log position p to the n picked ones unless its text (in language l) is picked; the new n. */
function pickText(idx: EngineIndex, n: number, p: number, l: LangIndex): number {
  const text = idx.notes[idx.noteLog[p]!]!.textIds[l];
  for (let k = 0; k < n; k++)
    if (idx.notes[idx.noteLog[idx.pick[k]!]!]!.textIds[l] === text) return n;
  idx.pick[n] = p;
  return n + 1;
}

function advisedRoute(idx: EngineIndex, r: number, v: Values, l: LangIndex): AdvisedRoute {
  const def = idx.routes[r]!;
  const c = idx.call;
  // the deciding award first, then the other awards and adjustments in walk order; a text
  // already listed is not repeated
  // first the notes to list (distinct texts) into idx.pick, then the list, exactly as long
  const bestNote = c.bestNote[r]!;
  let n = pickText(idx, 0, bestNote, l);
  for (let p = c.notesFirst[r]!; p >= 0; p = idx.noteNext[p]!) {
    if (p !== bestNote) n = pickText(idx, n, p, l);
  }
  const reasons = new Array<Reason>(n);
  for (let k = 0; k < n; k++) {
    const note = idx.notes[idx.noteLog[idx.pick[k]!]!]!;
    reasons[k] = {
      text: note.text[l],
      because: becauseOf(note, v, {}),
      sources: note.sources.slice(),
    };
  }
  const fit = FIT_NAMES[c.fit[r]!]!;
  const score = c.score[r]!;
  if (def.text === undefined) {
    return {
      id: def.id,
      family: def.family!,
      fit,
      score,
      title: def.id,
      reasons,
      steps: [],
      evidence: [],
      sources: [],
      verify: false,
    };
  }
  return routeObject(def, def.text[l], fit, score, reasons);
}

/**
 * The advised route with the registry's fields, keys in the contract's order and the optional
 * ones only when present. One object literal per combination of optional fields: an object
 * made whole by a literal is allocated at its final size, while one grown key by key is
 * reallocated as it grows.
 */
function routeObject(
  def: RouteDefIndexed,
  st: RouteText,
  fit: Fit,
  score: number,
  reasons: Reason[],
): AdvisedRoute {
  const { id } = def;
  const family = def.family!;
  const { title, summary, whoDecides: who, verify, verifyNote: note } = st;
  const steps = st.steps.slice();
  const evidence = st.evidence.slice();
  const sources = st.sources.slice();
  const pit = st.pitfalls?.slice();
  // prettier-ignore
  switch ((who !== undefined ? 1 : 0) | (pit !== undefined ? 2 : 0) | (note !== undefined ? 4 : 0)) {
    case 0: return { id, family, fit, score, title, summary, reasons, steps, evidence, sources, verify };
    case 1: return { id, family, fit, score, title, summary, whoDecides: who!, reasons, steps, evidence, sources, verify };
    case 2: return { id, family, fit, score, title, summary, reasons, steps, evidence, pitfalls: pit!, sources, verify };
    case 3: return { id, family, fit, score, title, summary, whoDecides: who!, reasons, steps, evidence, pitfalls: pit!, sources, verify };
    case 4: return { id, family, fit, score, title, summary, reasons, steps, evidence, sources, verify, verifyNote: note! };
    case 5: return { id, family, fit, score, title, summary, whoDecides: who!, reasons, steps, evidence, sources, verify, verifyNote: note! };
    case 6: return { id, family, fit, score, title, summary, reasons, steps, evidence, pitfalls: pit!, sources, verify, verifyNote: note! };
    default: return { id, family, fit, score, title, summary, whoDecides: who!, reasons, steps, evidence, pitfalls: pit!, sources, verify, verifyNote: note! };
  }
}

function excludedRoute(idx: EngineIndex, r: number, v: Values, l: LangIndex): ExcludedRoute {
  const def = idx.routes[r]!;
  const first = idx.call.excludedFirst[r]!;
  // the distinct whys (joined by spaces), the answers behind them, the distinct sources
  let n = 0;
  let why = '';
  const because: Record<string, AnswerValue> = {};
  for (let p = first; p >= 0; p = idx.noteNext[p]!) {
    const x = idx.notes[idx.noteLog[p]!]!;
    if (pickText(idx, n, p, l) > n) {
      why = n === 0 ? x.text[l] : why + ' ' + x.text[l];
      n++;
    }
    becauseOf(x, v, because);
  }
  // the sources as string ids into idx.pick, then the list, exactly as long
  n = 0;
  for (let p = first; p >= 0; p = idx.noteNext[p]!) {
    const ids = idx.notes[idx.noteLog[p]!]!.sourceIds;
    for (let k = 0; k < ids.length; k++)
      if (!listed(idx.pick, 0, n, ids[k]!)) idx.pick[n++] = ids[k]!;
  }
  const sources = new Array<string>(n);
  for (let k = 0; k < n; k++) sources[k] = idx.strings[idx.pick[k]!]!;
  return def.text
    ? { id: def.id, family: def.family!, title: def.text[l].title, why, because, sources }
    : { id: def.id, family: def.family!, why, because, sources };
}

/** validityWhy of a registry route, memoised per as-of date (few dates occur: one per run). */
function routeValidityWhy(st: RouteText, asOf: string): string | undefined {
  let why = st.whyAt.get(asOf);
  if (why === undefined && !st.whyAt.has(asOf)) {
    why = validityWhy(st, asOf, st.lang);
    // a batch has one date; a long-running process with many dates keeps a bounded memo
    if (st.whyAt.size > 64) st.whyAt.clear();
    st.whyAt.set(asOf, why);
  }
  return why;
}

/**
 * Sorts routes in place: advised ones best first (score, then family order, then id), excluded
 * ones by family order, then id. Ranks are distinct, so the order is total. Insertion sort: the
 * lists are short (a dozen routes), and it needs no comparator closure.
 */
function sortRoutes(idx: EngineIndex, list: Int32Array, count: number, byScore: boolean): void {
  const score = idx.call.score;
  const rank = idx.rank;
  for (let i = 1; i < count; i++) {
    const x = list[i]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const y = list[j]!;
      const after = byScore
        ? score[y]! < score[x]! || (score[y] === score[x] && rank[y]! > rank[x]!)
        : rank[y]! > rank[x]!;
      if (!after) break;
      list[j + 1] = y;
    }
    list[j + 1] = x;
  }
}

/**
 * The stakeholder checklist (docs/engine.md §4): the stakeholders of the strong and possible
 * routes in rank order, then the walk's duties; merged per stakeholder (the earliest phase, the
 * distinct whys joined by spaces, the distinct sources), ordered by phase, then first mention.
 *
 * The merge keeps numbers only, in the index's scratch arrays (per stakeholder: the first
 * mention and the earliest phase; the order of first mention; logs of the later distinct whys
 * and sources), so that the items are then made once, each list exactly as long as it needs to
 * be: this runs for every row of a batch, and what it allocates is most of its cost.
 */
function stakeholderList(idx: EngineIndex, v: Values, l: LangIndex): StakeholderItem[] {
  const sc = idx.merge;
  mergeMentions(idx, l, true);

  // by phase, then first mention: one pass per phase keeps the order of first mention
  const ms = idx.mentions;
  const here = currentPhase(v[idx.phaseSlot]);
  const names = idx.stakeholderText[l];
  const out = new Array<StakeholderItem>(sc.count);
  let n = 0;
  for (let p = 0; p < PHASE_NAMES.length; p++) {
    for (let i = 0; i < sc.count; i++) {
      const s = sc.order[i]!;
      if (sc.phase[s] !== p) continue;
      const first = sc.first[s]!;
      // the whys: the first mention's, then the later distinct ones
      let why = ms.why[2 * first + l]!;
      for (let k = sc.whyHead[s]!; k >= 0; k = sc.next[k]!) {
        why = why + ' ' + ms.why[2 * sc.value[k]! + l]!;
      }
      // the sources: the first mention's, then the ones added later
      const from = ms.srcStart[first]!;
      const to = ms.srcStart[first + 1]!;
      const sources = new Array<string>(to - from + sc.srcCount[s]!);
      let c = 0;
      for (let k = from; k < to; k++) sources[c++] = idx.strings[ms.srcIds[k]!]!;
      for (let k = sc.srcHead[s]!; k >= 0; k = sc.next[k]!)
        sources[c++] = idx.strings[sc.value[k]!]!;
      const reg = names[s]!;
      out[n++] =
        reg.bring === null
          ? {
              id: reg.id,
              name: reg.name,
              phase: PHASE_NAMES[p]!,
              when: whenAt(p, here),
              why,
              sources,
            }
          : {
              id: reg.id,
              name: reg.name,
              phase: PHASE_NAMES[p]!,
              when: whenAt(p, here),
              why,
              bring: reg.bring.slice(),
              sources,
            };
    }
  }
  return out;
}

/**
 * Merges the mentions of the strong and possible routes (in rank order), then the duties, into
 * idx.merge: the stakeholders in order of first mention with their earliest phase, and — when
 * `full` — their distinct whys (in language l) and sources.
 */
function mergeMentions(idx: EngineIndex, l: LangIndex, full: boolean): void {
  const sc = idx.merge;
  const c = idx.call;
  sc.count = 0;
  sc.len = 0;
  for (let i = 0; i < c.advisedCount; i++) {
    const r = c.advised[i]!;
    if (c.fit[r] === UNLIKELY) continue;
    const def = idx.routes[r]!;
    for (let k = def.mentionFrom; k < def.mentionTo; k++) mention(idx, k, l, full);
  }
  for (let i = 0; i < c.dutyCount; i++) mention(idx, c.duties[i]!, l, full);
}

/** The ids of stakeholderList's items, in its order, without making the items. */
function stakeholderIds(idx: EngineIndex): string[] {
  const sc = idx.merge;
  mergeMentions(idx, 0, false);
  const names = idx.stakeholderText[0];
  const out = new Array<string>(sc.count);
  let n = 0;
  for (let p = 0; p < PHASE_NAMES.length; p++) {
    for (let i = 0; i < sc.count; i++) {
      const s = sc.order[i]!;
      if (sc.phase[s] === p) out[n++] = names[s]!.id;
    }
  }
  return out;
}

/** The scratch of stakeholderList (numbers only). */
interface MergeScratch {
  /** The stakeholders in order of first mention: order[0 … count). */
  readonly order: Int32Array;
  count: number;
  /** Per stakeholder (valid while stakeholderMark is this call's): first mention, earliest phase. */
  readonly first: Int32Array;
  readonly phase: Uint8Array;
  /**
   * Per stakeholder, chains in the log (value / next; -1 ends a chain): the later mentions with a
   * distinct why (whyHead, whyTail) and the string ids of the sources added after the first
   * mention (srcHead, srcTail, srcCount).
   */
  readonly whyHead: Int32Array;
  readonly whyTail: Int32Array;
  readonly srcHead: Int32Array;
  readonly srcTail: Int32Array;
  readonly srcCount: Int32Array;
  readonly value: Int32Array;
  readonly next: Int32Array;
  len: number;
}

function mergeScratch(stakeholders: number, mentions: Mentions): MergeScratch {
  // a call merges every mention at most once (each route and node is met once): at most one
  // why and all its sources per mention
  const log = mentions.stakeholder.length + mentions.srcIds.length;
  return {
    order: new Int32Array(stakeholders),
    count: 0,
    first: new Int32Array(stakeholders),
    phase: new Uint8Array(stakeholders),
    whyHead: new Int32Array(stakeholders),
    whyTail: new Int32Array(stakeholders),
    srcHead: new Int32Array(stakeholders),
    srcTail: new Int32Array(stakeholders),
    srcCount: new Int32Array(stakeholders),
    value: new Int32Array(log),
    next: new Int32Array(log),
    len: 0,
  };
}

/** Appends x to a chain (head, tail per stakeholder s) of the merge log. */
function chain(sc: MergeScratch, head: Int32Array, tail: Int32Array, s: number, x: number): void {
  const at = sc.len++;
  sc.value[at] = x;
  sc.next[at] = -1;
  if (tail[s]! >= 0) sc.next[tail[s]!] = at;
  else head[s] = at;
  tail[s] = at;
}

/** Merges mention k: the earliest phase and, when `full`, the distinct whys and sources. */
function mention(idx: EngineIndex, k: number, l: LangIndex, full: boolean): void {
  const ms = idx.mentions;
  const sc = idx.merge;
  const s = ms.stakeholder[k]!;
  if (idx.stakeholderMark[s] !== idx.gen) {
    idx.stakeholderMark[s] = idx.gen;
    sc.order[sc.count++] = s;
    sc.first[s] = k;
    sc.phase[s] = ms.phase[k]!;
    sc.whyHead[s] = sc.whyTail[s] = sc.srcHead[s] = sc.srcTail[s] = -1;
    sc.srcCount[s] = 0;
    return;
  }
  if (ms.phase[k]! < sc.phase[s]!) sc.phase[s] = ms.phase[k]!;
  if (!full) return;
  const first = sc.first[s]!;
  const whyId = ms.whyId[2 * k + l]!;
  if (whyId !== ms.whyId[2 * first + l]) {
    let seen = false;
    for (let i = sc.whyHead[s]!; i >= 0 && !seen; i = sc.next[i]!) {
      seen = ms.whyId[2 * sc.value[i]! + l] === whyId;
    }
    if (!seen) chain(sc, sc.whyHead, sc.whyTail, s, k);
  }
  for (let i = ms.srcStart[k]!; i < ms.srcStart[k + 1]!; i++) {
    const id = ms.srcIds[i]!;
    if (listed(ms.srcIds, ms.srcStart[first]!, ms.srcStart[first + 1]!, id)) continue;
    let seen = false;
    for (let j = sc.srcHead[s]!; j >= 0 && !seen; j = sc.next[j]!) seen = sc.value[j] === id;
    if (seen) continue;
    chain(sc, sc.srcHead, sc.srcTail, s, id);
    sc.srcCount[s]!++;
  }
}

/** The registry items (warnings or bridge) named, valid at asOf, in order of first mention. */
function itemList<T>(
  items: readonly (ItemText | undefined)[],
  named: Int32Array,
  count: number,
  asOf: string,
  l: LangIndex,
): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[named[i]!];
    if (item !== undefined && validAt(item, asOf)) out.push(item.make[l]() as T);
  }
  return out;
}

/**
 * The advice for one set of answers. Never throws on answers: unknown questions, invalid values
 * and missing answers are taken as they are (conditions on them are false or unknown).
 */
export function evaluate(rules: RuleSet, answers: Answers, options: EvaluateOptions): Advice {
  const idx = engineIndex(rules);
  nextGen(idx);
  const figures = fillValues(idx, answers);
  return adviceOf(idx, rules, figures, options);
}

/**
 * Walks the trees with the answers in `idx.values` (at the current generation) and decides: which
 * routes are advised (scored, ranked into c.advised) and which excluded (c.excluded, ranked), with
 * the duties, warnings, bridge items and arrangements met. Everything after this only reads.
 */
function decide(idx: EngineIndex, rules: RuleSet, asOf: string, l: LangIndex): void {
  const c = idx.call;
  c.routeCount = c.advisedCount = c.excludedCount = 0;
  c.dutyCount = c.warningCount = c.bridgeCount = c.arrangementCount = 0;
  idx.logLen = 0;
  walkAll(idx, idx.values, true);

  // routes: excluded (validity first, then the trees' exclusions) or advised
  for (let i = 0; i < c.routeCount; i++) {
    const r = c.routes[i]!;
    const excludedByTree = c.excludedFirst[r]! >= 0;
    if (c.awarded[r] === 0 && !excludedByTree) continue; // an adjustment alone advises nothing
    const def = idx.routes[r]!;
    if (def.family === null) continue;
    const st = def.text?.[l];
    const why =
      st && (st.validFrom !== undefined || st.validUntil !== undefined)
        ? routeValidityWhy(st, asOf)
        : undefined;
    if (why !== undefined) {
      c.lapsed[r] = why;
      c.excluded[c.excludedCount++] = r;
    } else if (excludedByTree) {
      c.excluded[c.excludedCount++] = r;
    } else {
      const score = Math.max(0, Math.min(100, c.best[r]! + c.add[r]!));
      c.score[r] = score;
      c.fit[r] = score >= rules.fit.strong ? 0 : score >= rules.fit.possible ? 1 : UNLIKELY;
      c.advised[c.advisedCount++] = r;
    }
  }
  sortRoutes(idx, c.advised, c.advisedCount, true);
  sortRoutes(idx, c.excluded, c.excludedCount, false);
}

/** The Advice for the answers in `idx.values` (at the current generation). */
function adviceOf(
  idx: EngineIndex,
  rules: RuleSet,
  figures: CostBenefitFigures | null,
  options: EvaluateOptions,
): Advice {
  const l: LangIndex = options.lang === 'en' ? 1 : 0;
  const asOf = options.asOf;
  decide(idx, rules, asOf, l);
  const v = idx.values;
  const c = idx.call;

  const advised: AdvisedRoute[] = new Array<AdvisedRoute>(c.advisedCount);
  for (let i = 0; i < c.advisedCount; i++) advised[i] = advisedRoute(idx, c.advised[i]!, v, l);
  const excluded: ExcludedRoute[] = new Array<ExcludedRoute>(c.excludedCount);
  for (let i = 0; i < c.excludedCount; i++) {
    const r = c.excluded[i]!;
    const why = c.lapsed[r];
    if (why !== undefined) {
      const def = idx.routes[r]!;
      const st = def.text![l];
      excluded[i] = {
        id: def.id,
        family: def.family!,
        title: st.title,
        why,
        sources: st.sources.slice(),
      };
    } else excluded[i] = excludedRoute(idx, r, v, l);
  }
  const arrangements = new Array<string>(c.arrangementCount);
  for (let i = 0; i < c.arrangementCount; i++) {
    arrangements[i] = idx.arrangementIds[c.arrangements[i]!]!;
  }

  const input: Record<string, string> = {};
  if (options.input) {
    for (const k of Object.keys(options.input)) {
      const x = options.input[k];
      if (typeof x === 'string') input[k] = x;
    }
  }

  return {
    schemaVersion: 1,
    ruleset: { version: rules.version, hash: rules.hash, asOf },
    input,
    routes: advised,
    excluded,
    stakeholders: stakeholderList(idx, v, l),
    costBenefit: figures
      ? {
          parties: figures.parties,
          total: figures.total,
          wrongPocket: figures.wrongPocket,
          transfers: figures.transfers,
          arrangements: arrangements.slice(),
        }
      : null,
    bridgeFunding: itemList<BridgeItem>(idx.bridge, c.bridge, c.bridgeCount, asOf, l),
    warnings: itemList<WarningItem>(idx.warnings, c.warnings, c.warningCount, asOf, l),
    openQuestions: openList(idx, v, idx.openSlots, idx.openNodes, idx.openLen, true),
    arrangements,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows: many answer sets over the same questions, as a batch reads them.

/**
 * The decisions of an Advice without its texts: what a batch row's CSV cells and the batch
 * summary are made of. `verdictOf(evaluate(…))` and `RowEvaluator.verdict` give the same.
 */
export interface Verdict {
  /** The advised routes, best first (Advice.routes). */
  readonly routes: readonly {
    readonly id: string;
    readonly family: Family;
    readonly fit: Fit;
    readonly score: number;
  }[];
  /** The checklist's stakeholder ids, in its order (Advice.stakeholders). */
  readonly stakeholders: readonly string[];
  /** The warning ids (Advice.warnings). */
  readonly warnings: readonly string[];
  readonly openQuestions: readonly string[];
  /** Null without figures; `losses` is the sum of the negative balances (0 or less). */
  readonly costBenefit: { readonly wrongPocket: boolean; readonly losses: number } | null;
}

/** The Verdict of an Advice. */
export function verdictOf(advice: Advice): Verdict {
  const cb = advice.costBenefit;
  return {
    routes: advice.routes.map(({ id, family, fit, score }) => ({ id, family, fit, score })),
    stakeholders: advice.stakeholders.map((s) => s.id),
    warnings: advice.warnings.map((w) => w.id),
    openQuestions: [...advice.openQuestions],
    costBenefit: cb ? { wrongPocket: cb.wrongPocket, losses: lossesOf(cb.parties) } : null,
  };
}

function lossesOf(parties: readonly { readonly net: number }[]): number {
  let losses = 0;
  for (const p of parties) if (p.net < 0) losses += p.net;
  return losses;
}

/**
 * Evaluates rows of answers to a fixed list of questions — the columns of a batch file — without
 * building an answers object per row: each row's values go straight into the engine's slots.
 * `advice(values)` equals `evaluate` on the answers `{ [questions[i]]: values[i] }` (undefined:
 * unanswered); `verdict(values)` equals `verdictOf` of that Advice, without making its texts.
 */
export class RowEvaluator {
  private readonly idx: EngineIndex;
  /** Per question: its slot, or -1 when no rule reads it (or it is derived, so never taken). */
  private readonly slots: Int32Array;

  constructor(
    private readonly rules: RuleSet,
    readonly questions: readonly string[],
  ) {
    const idx = (this.idx = engineIndex(rules));
    this.slots = Int32Array.from(questions, (id) => {
      const s = idx.slotOf.get(id);
      return s !== undefined && idx.fillable[s] === 1 ? s : -1;
    });
  }

  private fill(values: readonly (AnswerValue | undefined)[]): CostBenefitFigures | null {
    const idx = this.idx;
    nextGen(idx);
    clearValues(idx);
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const x = values[i];
      if (x !== undefined && slots[i]! >= 0) setValue(idx.values, slots[i]!, x);
    }
    return deriveValues(idx);
  }

  advice(values: readonly (AnswerValue | undefined)[], options: EvaluateOptions): Advice {
    return adviceOf(this.idx, this.rules, this.fill(values), options);
  }

  verdict(values: readonly (AnswerValue | undefined)[], options: EvaluateOptions): Verdict {
    const idx = this.idx;
    const figures = this.fill(values);
    const l: LangIndex = options.lang === 'en' ? 1 : 0;
    decide(idx, this.rules, options.asOf, l);
    const c = idx.call;
    const routes = new Array<Verdict['routes'][number]>(c.advisedCount);
    for (let i = 0; i < c.advisedCount; i++) {
      const r = c.advised[i]!;
      const def = idx.routes[r]!;
      routes[i] = {
        id: def.id,
        family: def.family!,
        fit: FIT_NAMES[c.fit[r]!]!,
        score: c.score[r]!,
      };
    }
    const warnings: string[] = [];
    for (let i = 0; i < c.warningCount; i++) {
      const item = idx.warnings[c.warnings[i]!];
      if (item !== undefined && validAt(item, options.asOf)) warnings.push(item.id);
    }
    return {
      routes,
      stakeholders: stakeholderIds(idx),
      warnings,
      openQuestions: openList(idx, idx.values, idx.openSlots, idx.openNodes, idx.openLen, true),
      costBenefit: figures
        ? { wrongPocket: figures.wrongPocket, losses: lossesOf(figures.parties) }
        : null,
    };
  }
}
