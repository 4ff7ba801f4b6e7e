// The program: a rule set compiled once for walking. Plain read-only objects — node references
// resolved to indexes, conditions compiled, each node's potential worked out — and no state that
// a walk changes, so one program serves every evaluation, in any order, in any thread. Built on
// first use for a RuleSet object and kept with it.
import type { Lang } from './advice.ts';
import { compileCondition } from './conditions.ts';
import type { CompiledCondition, SlotOf } from './conditions.ts';
import { DERIVED_FACTS } from './cost-benefit.ts';
import { FAMILIES, phaseIndex } from './ids.ts';
import type { Family } from './ids.ts';
import type { QuestionDef, RuleSet, Tree, TreeNode } from './ruleset.ts';
import { PARTY_IDS } from './ruleset.ts';
import type { Effects, StakeholderDuty, Text, TreeFamily } from './schema.ts';
import { compileTexts } from './texts.ts';
import { potentialsOf, successorsOf } from './tree-shape.ts';
import type { RegistryTexts, Validity } from './texts.ts';

/** No such branch in the rule. */
export const NONE = -2;
/** A branch to a node the tree does not have (validate reports it): the walk stops there. */
export const DANGLING = -1;

export type NodeKind = 'next' | 'end' | 'switch' | 'if' | 'sequence';

/** An award's reason, an adjustment's reason or an exclusion's why, with its `because` slots. */
export interface Note {
  readonly text: Text;
  /** The questions whose answers the advice echoes, and their slots. */
  readonly because: readonly string[];
  readonly becauseSlots: readonly number[];
  readonly sources: readonly string[];
}

/** A stakeholder duty (of a node, or of a route in the registry), the party numbered. */
export interface Duty {
  /** Position in `Program.stakeholderIds`. */
  readonly stakeholder: number;
  /** Position in PHASES. */
  readonly phase: number;
  readonly why: Text;
  /** Each once. */
  readonly sources: readonly string[];
}

/** What the open-question rules need to know of a slot's question. */
export interface SlotInfo {
  /** A question of the rule set (not just a name some rule reads). */
  readonly declared: boolean;
  /** Derived: the engine or the rules set it, never the user. */
  readonly derived: boolean;
  /** A cost_/benefit_ question. */
  readonly figure: boolean;
  readonly askIf: CompiledCondition | undefined;
  /** For a derived fact: the slots of the questions it is computed from, in asking order. */
  readonly inputs: readonly number[];
}

/** A node's effects, with routes numbered (`Program.routeIds`). */
export interface NodeEffects {
  readonly awards: readonly {
    readonly route: number;
    readonly score: number;
    readonly note: Note;
  }[];
  readonly adjusts: readonly {
    readonly route: number;
    readonly add: number;
    readonly note: Note;
  }[];
  readonly excludes: readonly { readonly route: number; readonly note: Note }[];
  readonly duties: readonly Duty[];
  /** By number (`Program.warningIds`, `.bridgeIds`). */
  readonly warnings: readonly number[];
  readonly bridge: readonly number[];
  readonly arrangements: readonly string[];
}

export interface ProgramNode {
  /** Position in `Program.nodes`. */
  readonly index: number;
  readonly id: string;
  readonly family: TreeFamily;
  readonly kind: NodeKind;
  /** The rule as written (origin, labels), for coverage and explanations. */
  readonly source: TreeNode;
  // Targets: a node index, DANGLING, or NONE.
  readonly next: number;
  /**
   * switch: the question and its slot; every value a case lists, with that case's index (in case
   * order: the first case listing a value wins); each case's target.
   */
  readonly question: string;
  readonly slot: number;
  readonly caseValues: readonly (string | boolean)[];
  readonly caseIndexes: readonly number[];
  readonly cases: readonly number[];
  readonly otherwise: number;
  readonly unanswered: number;
  /** if: the compiled condition and its three branches. */
  readonly condition: CompiledCondition | null;
  readonly then: number;
  readonly else: number;
  readonly unknown: number;
  readonly sequence: readonly number[];
  readonly effects: NodeEffects | null;
  /** The questions this node reads: the switch question, or every question of the condition. */
  readonly reads: readonly string[];
  /** The highest award score on any node below this one: how decisive a question met here is. */
  readonly potential: number;
  /**
   * A node that two branches (or the start and a branch) lead to: its position among those nodes
   * (below `Program.joins`), where a walk marks it entered. -1 for any other node: with a single
   * way in, it cannot be entered twice.
   */
  readonly join: number;
}

export interface ProgramTree {
  readonly family: TreeFamily;
  readonly tree: Tree;
  /** The root's node index, or NONE for an empty tree. */
  readonly root: number;
}

export interface Program {
  readonly rules: RuleSet;
  /** Every question id a rule can read (declared or not), and the engine's derived facts. */
  readonly slotIds: readonly string[];
  readonly slots: ReadonlyMap<string, number>;
  /**
   * The slots an answer may fill: every slot but the derived facts'. An object without prototype
   * rather than a Map: one lookup per answer is most of `factsOf`, and a Map's is slower.
   */
  readonly answerSlots: Readonly<Record<string, number>>;
  /** Slots of the engine's derived facts (DERIVED_FACTS order) and of what they are made from. */
  readonly derivedSlots: readonly number[];
  readonly costSlots: readonly number[];
  readonly benefitSlots: readonly number[];
  readonly bearersSlot: number;
  readonly beneficiariesSlot: number;
  readonly phaseSlot: number;
  readonly slotInfo: readonly SlotInfo[];
  /** Every route id the registry or an effect names; effects refer to routes by position here. */
  readonly routeIds: readonly string[];
  /** The registry's stakeholders of each route, by route number. */
  readonly routeDuties: readonly (readonly Duty[])[];
  /**
   * Each route's family, by route number: the registry's, else the part of the id before the
   * first dot; undefined when that is not one of the five (such a route is never advised).
   */
  readonly routeFamily: readonly (Family | undefined)[];
  /** Each route's validity dates (none: always valid), by route number. */
  readonly routeValidity: readonly Validity[];
  /** Each route's place in the order of ties: family order, then id (plain character order). */
  readonly routeOrder: readonly number[];
  /** Every stakeholder id the registry or a duty names. */
  readonly stakeholderIds: readonly string[];
  /** Every warning and bridge id the registry or an effect names. */
  readonly warningIds: readonly string[];
  readonly bridgeIds: readonly string[];
  readonly nodes: readonly ProgramNode[];
  /** How many nodes have a `join` position. */
  readonly joins: number;
  /** In walk order: the families, then cost-benefit. */
  readonly trees: readonly ProgramTree[];
  /** Core questions in file order (derived and figure questions excluded). */
  readonly core: readonly QuestionDef[];
  /** cost_<party> / benefit_<party> questions in question order. */
  readonly figures: readonly QuestionDef[];
  readonly figureIds: ReadonlySet<string>;
  /** Compiled ask_if per question (absent: always asked). */
  readonly askIf: ReadonlyMap<string, CompiledCondition>;
  /** Declared derived questions plus the engine's own facts: never answered by the user. */
  readonly derived: ReadonlySet<string>;
  /** Registry texts resolved per language. */
  readonly texts: Readonly<Record<Lang, RegistryTexts>>;
}

const programs = new WeakMap<RuleSet, Program>();

/** The program of a rule set, compiled on first use and kept for the RuleSet object. */
export function programOf(rules: RuleSet): Program {
  let program = programs.get(rules);
  if (!program) {
    program = compileProgram(rules);
    programs.set(rules, program);
  }
  return program;
}

/** Hands out numbers for ids, in order of first sight. */
class Numbering {
  readonly ids: string[] = [];
  readonly of = new Map<string, number>();
  number = (id: string): number => {
    let n = this.of.get(id);
    if (n === undefined) {
      n = this.ids.push(id) - 1;
      this.of.set(id, n);
    }
    return n;
  };
}

export function compileProgram(rules: RuleSet): Program {
  const slots = new Numbering();
  for (const id of rules.questionOrder) slots.number(id);
  const fixed = {
    derivedSlots: DERIVED_FACTS.map(slots.number),
    costSlots: PARTY_IDS.map((p) => slots.number(`cost_${p}`)),
    benefitSlots: PARTY_IDS.map((p) => slots.number(`benefit_${p}`)),
    bearersSlot: slots.number('cost_bearers'),
    beneficiariesSlot: slots.number('beneficiaries'),
    phaseSlot: slots.number('phase'),
  };
  const routes = new Numbering();
  for (const id of rules.routes.keys()) routes.number(id);
  const parties = new Numbering();
  for (const id of rules.stakeholders.keys()) parties.number(id);
  const warnings = new Numbering();
  for (const id of rules.warnings.keys()) warnings.number(id);
  const bridge = new Numbering();
  for (const id of rules.bridge.keys()) bridge.number(id);
  const dutyOf = dutyCompiler(parties.number);
  let joins = 0;
  const number = {
    slot: slots.number,
    route: routes.number,
    duty: dutyOf,
    warning: warnings.number,
    bridge: bridge.number,
    join: () => joins++,
  };
  const nodes: ProgramNode[] = [];
  const trees = rules.trees.map((tree) => {
    const base = nodes.length;
    for (const node of compileTree(tree, base, number)) nodes.push(node); // trees can be large
    return { family: tree.family, tree, root: tree.nodeOrder.length > 0 ? base : NONE };
  });
  const routeFamily = routes.ids.map((id): Family | undefined => {
    const f = rules.routes.get(id)?.family ?? id.slice(0, id.indexOf('.'));
    return (FAMILIES as readonly string[]).includes(f) ? (f as Family) : undefined;
  });
  const routeDuties = routes.ids.map((id) =>
    (rules.routes.get(id)?.stakeholders ?? []).map((s) =>
      dutyOf({ stakeholder: s.stakeholder, phase: s.phase, why: s.role, sources: s.sources }),
    ),
  );
  // every route and stakeholder is numbered now (the registry's, the effects', the duties')
  const numbered = {
    routes: routes.ids,
    stakeholders: parties.ids,
    warnings: warnings.ids,
    bridge: bridge.ids,
  };
  const texts = {
    nl: compileTexts(rules, 'nl', numbered),
    en: compileTexts(rules, 'en', numbered),
  };
  const questions = compileQuestions(rules, slots.number);
  // derived facts stand for has_figures, the figures and the two party lists: all numbered now
  slots.number('has_figures');
  const slotInfo = slots.ids.map((id): SlotInfo => ({
    declared: rules.questions.has(id),
    derived: questions.derived.has(id),
    figure: questions.figureIds.has(id),
    askIf: questions.askIf.get(id),
    inputs: derivedInputIds(id, questions.figures).map((q) => slots.of.get(q)!),
  }));
  return {
    rules,
    ...fixed,
    slotIds: slots.ids,
    slots: slots.of,
    answerSlots: lookupOf([...slots.of].filter(([id]) => !questions.derived.has(id))),
    slotInfo,
    routeIds: routes.ids,
    routeFamily,
    routeOrder: tieOrder(routes.ids, routeFamily),
    // the dates are the same in every language; a route missing from the registry is always valid
    routeValidity: texts.nl.routes.map((r) => r ?? ALWAYS),
    routeDuties,
    stakeholderIds: parties.ids,
    warningIds: warnings.ids,
    bridgeIds: bridge.ids,
    nodes,
    joins,
    trees,
    ...questions,
    texts,
  };
}

/** A lookup object without prototype (no `constructor` or `__proto__` of its own to find). */
function lookupOf(entries: readonly (readonly [string, number])[]): Record<string, number> {
  const lookup = Object.create(null) as Record<string, number>;
  for (const [id, n] of entries) lookup[id] = n;
  return lookup;
}

const ALWAYS: Validity = { validFrom: undefined, validUntil: undefined };

/** Per route number: its place when routes are ordered by family, then id. */
function tieOrder(ids: readonly string[], families: readonly (Family | undefined)[]): number[] {
  const family = (route: number) => {
    const f = families[route];
    return f === undefined ? FAMILIES.length : FAMILIES.indexOf(f);
  };
  const sorted = ids
    .map((id, route) => ({ id, route, family: family(route) }))
    .sort((x, y) => x.family - y.family || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const order = new Array<number>(ids.length);
  sorted.forEach((r, place) => (order[r.route] = place));
  return order;
}

interface Numberers {
  readonly slot: SlotOf;
  readonly route: (id: string) => number;
  readonly duty: (d: StakeholderDuty) => Duty;
  readonly warning: (id: string) => number;
  readonly bridge: (id: string) => number;
  /** The next join position. */
  readonly join: () => number;
}

function dutyCompiler(partyOf: (id: string) => number): (d: StakeholderDuty) => Duty {
  return (d) => ({
    stakeholder: partyOf(d.stakeholder),
    phase: phaseIndex(d.phase) ?? 0,
    why: d.why,
    // a checklist entry lists each source once; an advice shares the list
    sources: [...new Set(d.sources)],
  });
}

/** The questions behind a derived fact, in the order they are worth asking. */
export function derivedInputIds(fact: string, figures: readonly QuestionDef[]): string[] {
  const ids = figures.map((q) => q.id);
  if (fact === 'cb_total') return ['has_figures', ...ids];
  if (fact === 'cb_has_figures') return [];
  if ((DERIVED_FACTS as readonly string[]).includes(fact)) {
    return ['cost_bearers', 'beneficiaries', 'has_figures', ...ids];
  }
  return [];
}

function compileEffects(e: Effects | undefined, number: Numberers): NodeEffects | null {
  const { slot: slotOf, route: routeOf } = number;
  if (!e) return null;
  const note = (
    text: Text,
    because: readonly string[] | undefined,
    sources: readonly string[],
  ) => ({
    text,
    because: because ?? [],
    becauseSlots: (because ?? []).map(slotOf),
    sources, // an advice's reasons share it
  });
  return {
    awards: (e.routes ?? []).map((r) => ({
      route: routeOf(r.route),
      score: r.score,
      note: note(r.reason, r.because, r.sources),
    })),
    adjusts: (e.adjust ?? []).map((r) => ({
      route: routeOf(r.route),
      add: r.add,
      note: note(r.reason, r.because, r.sources),
    })),
    excludes: (e.exclude ?? []).map((r) => ({
      route: routeOf(r.route),
      note: note(r.why, r.because, r.sources),
    })),
    duties: (e.stakeholders ?? []).map(number.duty),
    warnings: (e.warnings ?? []).map(number.warning),
    bridge: (e.bridge ?? []).map(number.bridge),
    arrangements: e.arrangements ?? [],
  };
}

function compileTree(tree: Tree, base: number, number: Numberers): ProgramNode[] {
  const slotOf = number.slot;
  const at = new Map<string, number>(tree.nodeOrder.map((id, i) => [id, base + i]));
  const ref = (id: string | undefined) => (id === undefined ? NONE : (at.get(id) ?? DANGLING));
  const raw = tree.nodeOrder.map((id) => tree.nodes.get(id)!);
  const succ = successorsOf(raw, (id) => ref(id) - base);
  const potentials = potentialsOf(raw, succ);
  // the ways into each node: the branches that name it, and the start for the root
  const waysIn = raw.map((_, i) => (i === 0 ? 1 : 0));
  for (const targets of succ) for (const t of targets) waysIn[t]!++;
  return raw.map((n, i): ProgramNode => {
    const kind: NodeKind = n.end
      ? 'end'
      : n.switch !== undefined
        ? 'switch'
        : n.if !== undefined
          ? 'if'
          : n.sequence !== undefined
            ? 'sequence'
            : 'next';
    const caseValues: (string | boolean)[] = [];
    const caseIndexes: number[] = [];
    (n.cases ?? []).forEach((c, k) => {
      for (const w of c.when) {
        caseValues.push(w);
        caseIndexes.push(k);
      }
    });
    const condition = kind === 'if' ? compileCondition(n.if!, slotOf) : null;
    return {
      index: base + i,
      id: n.id,
      family: tree.family,
      kind,
      source: n,
      next: kind === 'next' ? ref(n.next) : NONE,
      question: n.switch ?? '',
      slot: n.switch !== undefined ? slotOf(n.switch) : -1,
      caseValues,
      caseIndexes,
      cases: kind === 'switch' ? (n.cases ?? []).map((c) => ref(c.next)) : [],
      otherwise: kind === 'switch' ? ref(n.otherwise) : NONE,
      unanswered: kind === 'switch' ? ref(n.unanswered) : NONE,
      condition,
      then: kind === 'if' ? ref(n.then) : NONE,
      else: kind === 'if' ? ref(n.else) : NONE,
      unknown: kind === 'if' ? ref(n.unknown) : NONE,
      sequence: kind === 'sequence' ? n.sequence!.map(ref) : [],
      effects: compileEffects(n.effects, number),
      reads: kind === 'switch' ? [n.switch!] : (condition?.questions ?? []),
      potential: potentials[i]!,
      join: waysIn[i]! > 1 ? number.join() : -1,
    };
  });
}

function compileQuestions(rules: RuleSet, slotOf: SlotOf) {
  const core: QuestionDef[] = [];
  const figures: QuestionDef[] = [];
  const figureIds = new Set<string>();
  for (const p of PARTY_IDS) figureIds.add(`cost_${p}`).add(`benefit_${p}`);
  const askIf = new Map<string, CompiledCondition>();
  const derived = new Set<string>(DERIVED_FACTS);
  for (const id of rules.questionOrder) {
    const q = rules.questions.get(id);
    if (!q) continue;
    if (q.derived) derived.add(id);
    if (q.ask_if) askIf.set(id, compileCondition(q.ask_if, slotOf));
    if (derived.has(id)) continue;
    if (figureIds.has(id)) figures.push(q);
    else if (q.core) core.push(q);
  }
  return { core, figures, figureIds, askIf, derived };
}
