// Why an input's advice changed between two assessments (diff.ts): the tree nodes and registry
// entries that made the difference. Read from the walk (explain-trace.ts records it), never by
// interpreting a rule again:
// - a node whose definition differs between the two rule sets and at which the two walks left
//   by another branch or to another node (`branch`), or whose effects (in either version) touch
//   a route, stakeholder, warning, bridge item or arrangement that changed for the input
//   (`changed`, `added`, `removed`);
// - a registry entry (route, bridge item, warning) that changed and is one of what changed;
// - a route, bridge item or warning valid on one side of the dates and not on the other
//   (`lapsed`, `opened`): a date moved in the rules, or --as-of moved across it;
// - the fit thresholds of the rule set, when a fit moved and they changed.
// What cannot be traced this way gets no cause; the reports say so.
import type { Cause, Changes } from './diff.ts';
import { causeKey, changedIds } from './diff.ts';
import { recordWalk } from './explain-trace.ts';
import type { WalkRecord } from './explain-trace.ts';
import type { Facts } from './facts.ts';
import type { Program, ProgramNode } from './program.ts';
import type { Origin, QuestionDef, RuleSet } from './ruleset.ts';
import { validAt } from './texts.ts';
import type { Validity } from './texts.ts';

/** One side of a diff: the program and the date it is assessed at. */
export interface DiffSide {
  readonly program: Program;
  readonly asOf: string;
}

const nodeKey = (n: ProgramNode) => `${n.family}/${n.id}`;

/** A definition as data, for comparing across rule sets (where it is written left out). */
function definition(x: object): string {
  return JSON.stringify(x, (k, v: unknown) => (k === 'origin' ? undefined : v));
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The path (below both) of the first place where two definitions differ, as deep as both have
 * it: a cause then points at the field that changed, not at the start of the node or entry.
 */
export function firstDifference(x: unknown, y: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  for (let depth = 0; depth < 32; depth++) {
    let next: string | number | undefined;
    if (Array.isArray(x) && Array.isArray(y)) {
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n && next === undefined; i++) {
        if (definition({ v: x[i] }) !== definition({ v: y[i] })) next = i;
      }
      // the same items as far as both go: the first item one of them has more of, in y if any
      if (next === undefined) return x.length < y.length ? [...path, n] : path;
    } else if (isRecord(x) && isRecord(y)) {
      for (const k of Object.keys(y)) {
        if (k === 'origin') continue;
        if (definition({ v: x[k] }) !== definition({ v: y[k] })) {
          next = k;
          break;
        }
      }
      // y lacks a key x has (a field removed): the entry itself is where to look
      if (next === undefined) return path;
    } else return path;
    path.push(next);
    x = (x as Record<string | number, unknown>)[next];
    y = (y as Record<string | number, unknown>)[next];
    if (x === undefined || y === undefined) return path;
  }
  return path;
}

/**
 * The origin of the newer definition, down to the field that differs from the older one; `view`
 * picks what the rule file writes of a definition, when the loader added to it.
 */
function fieldOrigin<T extends { origin: Origin }>(
  before: T | undefined,
  after: T,
  view: (x: T) => object = (x) => x,
): Origin {
  if (!before) return after.origin;
  return {
    file: after.origin.file,
    path: [...after.origin.path, ...firstDifference(view(before), view(after))],
  };
}

function changedEntries<T extends object>(
  a: ReadonlyMap<string, T>,
  b: ReadonlyMap<string, T>,
): Set<string> {
  const changed = new Set<string>();
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || definition(x) !== definition(y)) changed.add(id);
  }
  for (const id of b.keys()) if (!a.has(id)) changed.add(id);
  return changed;
}

/** What differs between two rule sets, worked out once: which nodes and entries changed. */
export class RuleChanges {
  /** The same rule files: only the dates can make a difference. */
  readonly same: boolean;
  /** Node keys (`family/id`) defined differently, or in one rule set only. */
  readonly nodes: ReadonlySet<string>;
  readonly routes: ReadonlySet<string>;
  readonly bridge: ReadonlySet<string>;
  readonly warnings: ReadonlySet<string>;
  /** Questions defined differently (their options, say), or in one rule set only. */
  readonly questions: ReadonlySet<string>;
  readonly fit: boolean;

  constructor(before: RuleSet, after: RuleSet) {
    this.same = before.hash === after.hash;
    const nodes = new Set<string>();
    if (!this.same) {
      const defs = new Map<string, string>();
      for (const t of before.trees) {
        for (const [id, n] of t.nodes) defs.set(`${t.family}/${id}`, definition(n));
      }
      for (const t of after.trees) {
        for (const [id, n] of t.nodes) {
          const key = `${t.family}/${id}`;
          if (defs.get(key) !== definition(n)) nodes.add(key);
          defs.delete(key);
        }
      }
      for (const key of defs.keys()) nodes.add(key);
    }
    this.nodes = nodes;
    const none = new Set<string>();
    this.routes = this.same ? none : changedEntries(before.routes, after.routes);
    this.bridge = this.same ? none : changedEntries(before.bridge, after.bridge);
    this.questions = this.same ? none : changedEntries(before.questions, after.questions);
    this.warnings = this.same ? none : changedEntries(before.warnings, after.warnings);
    this.fit = !this.same && definition(before.fit) !== definition(after.fit);
  }
}

/** Numbers by id, per program (programs are immutable and shared). */
const numbering = new WeakMap<
  Program,
  { routes: Map<string, number>; nodes: Map<string, number> }
>();

function numbersOf(p: Program) {
  let n = numbering.get(p);
  if (!n) {
    n = {
      routes: new Map(p.routeIds.map((id, i) => [id, i])),
      nodes: new Map(p.nodes.map((node) => [nodeKey(node), node.index])),
    };
    numbering.set(p, n);
  }
  return n;
}

type Ids = ReturnType<typeof changedIds>;

/** The node's effects name something that changed for the input. */
function touches(p: Program, node: ProgramNode | undefined, ids: Ids): boolean {
  const e = node?.effects;
  if (!e) return false;
  return (
    e.awards.some((a) => ids.routes.has(p.routeIds[a.route]!)) ||
    e.adjusts.some((a) => ids.routes.has(p.routeIds[a.route]!)) ||
    e.excludes.some((x) => ids.routes.has(p.routeIds[x.route]!)) ||
    e.duties.some((d) => ids.stakeholders.has(p.stakeholderIds[d.stakeholder]!)) ||
    e.warnings.some((w) => ids.warnings.has(p.warningIds[w]!)) ||
    e.bridge.some((b) => ids.bridge.has(p.bridgeIds[b]!)) ||
    e.arrangements.some((a) => ids.arrangements.has(a))
  );
}

/** Where the walk went from each node it entered: the branch and the nodes it led to. */
function exits(p: Program, record: WalkRecord): Map<string, string> {
  const next = new Map<number, string[]>();
  for (const n of record.entered) {
    const parent = record.parentOf(n);
    if (parent >= 0) {
      const list = next.get(parent) ?? [];
      list.push(p.nodes[n]!.id);
      next.set(parent, list);
    }
  }
  const out = new Map<string, string>();
  for (const n of record.entered) {
    const branch = record.branchOf(n) ?? 'stop';
    const to = next.get(n)?.join(', ') ?? '';
    out.set(nodeKey(p.nodes[n]!), `${branch}\0${to}`);
  }
  return out;
}

function describeExit(exit: string): string {
  const [branch, to] = exit.split('\0');
  return to ? `${branch} (${to})` : branch!;
}

/** The origin of a registry entry's date: valid_until when it lapsed, valid_from when it opened. */
function dateOrigin(origin: Origin, lapsed: boolean): Origin {
  return { file: origin.file, path: [...origin.path, lapsed ? 'valid_until' : 'valid_from'] };
}

function validityCause(
  kind: 'route' | 'bridge' | 'warning',
  id: string,
  before: Validity | undefined,
  after: Validity | undefined,
  a: DiffSide,
  b: DiffSide,
  origin: (side: 'before' | 'after') => Origin | undefined,
): Cause | undefined {
  const was = before !== undefined && validAt(before, a.asOf);
  const is = after !== undefined && validAt(after, b.asOf);
  if (was === is || before === undefined || after === undefined) return undefined;
  const lapsed = was && !is;
  // the entry as the side on which it is not valid writes it: that date is the one passed
  const side = lapsed ? 'after' : 'before';
  const v = lapsed ? after : before;
  const at = origin(side);
  if (!at) return undefined;
  const detail = lapsed
    ? v.validUntil !== undefined && b.asOf > v.validUntil
      ? `valid_until ${v.validUntil}`
      : `valid_from ${v.validFrom ?? ''}`
    : v.validFrom !== undefined && a.asOf < v.validFrom
      ? `valid_from ${v.validFrom}`
      : `valid_until ${v.validUntil ?? ''}`;
  const untilPassed = detail.startsWith('valid_until');
  return {
    kind,
    id,
    change: lapsed ? 'lapsed' : 'opened',
    detail,
    side,
    origin: dateOrigin(at, untilPassed),
  };
}

/**
 * The causes of an input's changes, each once, in order: nodes (in walk order, the newer walk
 * first), then registry entries, then dates, then the fit thresholds. `facts` are the input's on
 * each side (the rule sets may read different questions).
 */
export function attribute(
  a: DiffSide,
  factsA: Facts,
  b: DiffSide,
  factsB: Facts,
  changes: Changes,
  rules: RuleChanges,
): Cause[] {
  const ids = changedIds(changes);
  const causes: Cause[] = [];
  const seen = new Set<string>();
  const add = (c: Cause | undefined) => {
    if (!c) return;
    const key = causeKey(c);
    if (!seen.has(key)) {
      seen.add(key);
      causes.push(c);
    }
  };
  const pa = a.program;
  const pb = b.program;
  const ra = pa.rules;
  const rb = pb.rules;

  if (!rules.same && rules.nodes.size > 0) {
    const walkA = recordWalk(pa, factsA.values);
    const walkB = recordWalk(pb, factsB.values);
    const exitA = exits(pa, walkA);
    const exitB = exits(pb, walkB);
    const numA = numbersOf(pa).nodes;
    const numB = numbersOf(pb).nodes;
    const order = [...exitB.keys(), ...[...exitA.keys()].filter((k) => !exitB.has(k))];
    for (const key of order) {
      if (!rules.nodes.has(key)) continue;
      const na = numA.has(key) ? pa.nodes[numA.get(key)!] : undefined;
      const nb = numB.has(key) ? pb.nodes[numB.get(key)!] : undefined;
      const node = (nb ?? na)!;
      const side = nb ? 'after' : 'before';
      const base = {
        kind: 'node' as const,
        id: node.id,
        tree: node.family,
        side: side as 'before' | 'after',
        origin: nb ? fieldOrigin(na?.source, nb.source) : node.source.origin,
      };
      const ea = exitA.get(key);
      const eb = exitB.get(key);
      if (ea !== undefined && eb !== undefined && ea !== eb) {
        add({ ...base, change: 'branch', detail: `${describeExit(ea)} → ${describeExit(eb)}` });
      } else if (touches(pa, na, ids) || touches(pb, nb, ids)) {
        add({ ...base, change: !na ? 'added' : !nb ? 'removed' : 'changed' });
      }
    }
  }

  if (!rules.same) {
    const registry = (
      kind: 'route' | 'bridge' | 'warning',
      changed: ReadonlySet<string>,
      touched: Iterable<string>,
      from: (r: RuleSet, id: string) => { origin: Origin } | undefined,
    ) => {
      for (const id of touched) {
        if (!changed.has(id)) continue;
        const x = from(ra, id);
        const y = from(rb, id);
        const at = y ?? x;
        if (!at) continue;
        add({
          kind,
          id,
          change: !x ? 'added' : !y ? 'removed' : 'changed',
          side: y ? 'after' : 'before',
          origin: y ? fieldOrigin(x, y) : at.origin,
        });
      }
    };
    // a route's registry entry lists its stakeholders: a changed entry of a route advised on
    // either side explains a changed checklist
    const routes = new Set(ids.routes);
    if (ids.stakeholders.size > 0) {
      for (const v of ['before', 'after'] as const) {
        const p = changes[v].primary;
        if (p) routes.add(p.id);
      }
    }
    registry('route', rules.routes, routes, (r, id) => r.routes.get(id));
    registry('bridge', rules.bridge, ids.bridge, (r, id) => r.bridge.get(id));
    registry('warning', rules.warnings, ids.warnings, (r, id) => r.warnings.get(id));
  }

  // dates: a route, bridge item or warning on one side of its validity dates only
  const ra_ = numbersOf(pa).routes;
  const rb_ = numbersOf(pb).routes;
  for (const id of ids.routes) {
    const na = ra_.get(id);
    const nb = rb_.get(id);
    add(
      validityCause(
        'route',
        id,
        na === undefined ? undefined : pa.routeValidity[na],
        nb === undefined ? undefined : pb.routeValidity[nb],
        a,
        b,
        (s) => (s === 'before' ? ra : rb).routes.get(id)?.origin,
      ),
    );
  }
  for (const [kind, list] of [
    ['bridge', ids.bridge],
    ['warning', ids.warnings],
  ] as const) {
    for (const id of list) {
      const ia = (kind === 'bridge' ? pa.bridgeIds : pa.warningIds).indexOf(id);
      const ib = (kind === 'bridge' ? pb.bridgeIds : pb.warningIds).indexOf(id);
      const va =
        ia < 0 ? undefined : (kind === 'bridge' ? pa.texts.nl.bridge : pa.texts.nl.warnings)[ia];
      const vb =
        ib < 0 ? undefined : (kind === 'bridge' ? pb.texts.nl.bridge : pb.texts.nl.warnings)[ib];
      add(
        validityCause(kind, id, va, vb, a, b, (s) => {
          const r = s === 'before' ? ra : rb;
          return (kind === 'bridge' ? r.bridge : r.warnings).get(id)?.origin;
        }),
      );
    }
  }

  // the fit thresholds, when a fit moved
  const fitMoved =
    changes.routes.moved.some((m) => m.before.fit !== m.after.fit) ||
    (changes.primaryChanged && changes.before.primary?.id === changes.after.primary?.id);
  if (rules.fit && fitMoved && rb.rulesetFile !== undefined) {
    add({
      kind: 'fit',
      id: 'fit',
      change: 'changed',
      side: 'after',
      origin: { file: rb.rulesetFile, path: ['fit'] },
    });
  }
  // an entry whose dates moved is said once, by its dates
  const dated = new Set(
    causes
      .filter((c) => c.change === 'lapsed' || c.change === 'opened')
      .map((c) => `${c.kind} ${c.id}`),
  );
  return causes.filter((c) => c.change !== 'changed' || !dated.has(`${c.kind} ${c.id}`));
}

/** A question as its rule file writes it (what the loader resolves from it left out). */
function asWritten(q: QuestionDef): object {
  const { optionIds: _ids, optionList: _list, owner: _owner, ...written } = q;
  return written;
}

/**
 * Why an input was accepted on one side and refused on the other: the questions whose answers
 * one side refused and whose definitions differ between the rule sets (an option removed or
 * renamed, a question added or dropped). `refusedA`, `refusedB`: those questions, per side.
 */
export function refusalCauses(
  a: DiffSide,
  refusedA: readonly string[],
  b: DiffSide,
  refusedB: readonly string[],
  rules: RuleChanges,
): Cause[] {
  const causes: Cause[] = [];
  for (const id of new Set([...refusedB, ...refusedA])) {
    if (!rules.questions.has(id)) continue;
    const qa = a.program.rules.questions.get(id);
    const qb = b.program.rules.questions.get(id);
    if (!qa && !qb) continue;
    causes.push({
      kind: 'question',
      id,
      change: !qa ? 'added' : !qb ? 'removed' : 'changed',
      side: qb ? 'after' : 'before',
      origin: qb ? fieldOrigin(qa, qb, asWritten) : qa!.origin,
    });
  }
  return causes;
}
