// `innoroute diff`: what changes for one input between two assessments of it — two rule sets,
// two dates, or both. The model is plain data (it crosses worker threads and is written as JSON
// as it is); the comparison works on Verdicts (engine.ts), so no advice text is written for an
// input that does not change. Why it changed (the causes) is diff-causes.ts.
import type { Verdict } from './engine.ts';
import type { Family, Fit } from './ids.ts';
import type { Origin } from './ruleset.ts';
import type { TreeFamily } from './schema.ts';

/** One assessment of an input: its verdict, or why it could not be assessed. */
export type Outcome = { readonly verdict: Verdict } | { readonly error: string };

export interface RouteRef {
  readonly id: string;
  readonly family: Family;
  readonly fit: Fit;
  readonly score: number;
}

/** A route advised on both sides whose fit or score moved. */
export interface RouteMove {
  readonly id: string;
  readonly family: Family;
  readonly before: { readonly fit: Fit; readonly score: number };
  readonly after: { readonly fit: Fit; readonly score: number };
}

export interface ListChange {
  readonly added: readonly string[];
  readonly dropped: readonly string[];
}

/** What a rule set or date says about an input, in short: its primary route, or its error. */
export interface SideOf {
  /** The primary route; null: no route advised. Absent with `error`. */
  readonly primary?: RouteRef | null;
  /** The input could not be assessed on this side (an answer the rules do not accept). */
  readonly error?: string;
}

export type CauseKind = 'node' | 'route' | 'bridge' | 'warning' | 'fit' | 'question';

/**
 * What made a difference: a tree node or registry entry that changed between the rule sets, or a
 * registry entry whose validity dates put it on one side of the date and not the other.
 * `change`: `branch` — the walk left the node by another branch (`detail`: "then → else");
 * `changed` — its definition changed and its effects touch what changed for the input; `added`,
 * `removed` — it is in one rule set only; `lapsed`, `opened` — valid on one side only (`detail`:
 * the date).
 */
export interface Cause {
  readonly kind: CauseKind;
  readonly id: string;
  /** A node's tree. */
  readonly tree?: TreeFamily;
  readonly change: 'branch' | 'changed' | 'added' | 'removed' | 'lapsed' | 'opened';
  readonly detail?: string;
  /** The rule set it is written in (the newer one when it is in both), and where. */
  readonly side: 'before' | 'after';
  readonly origin: Origin;
}

/** Everything that differs for one input. Every list is present (empty when nothing moved). */
export interface InputChange {
  readonly id: string;
  /** The CSV line the row starts on; absent for an answers file or a test case. */
  readonly line?: number;
  readonly before: SideOf;
  readonly after: SideOf;
  /** The primary route, its family or its fit changed (or the input is assessed on one side only). */
  readonly primaryChanged: boolean;
  readonly routes: {
    readonly added: readonly RouteRef[];
    readonly dropped: readonly RouteRef[];
    readonly moved: readonly RouteMove[];
  };
  readonly stakeholders: ListChange;
  readonly warnings: ListChange;
  readonly bridge: { readonly opened: readonly string[]; readonly lapsed: readonly string[] };
  readonly arrangements: ListChange;
  readonly causes: readonly Cause[];
}

/** The comparison of two outcomes, without causes. */
export type Changes = Omit<InputChange, 'id' | 'line' | 'causes'>;

const NO_LIST: ListChange = { added: [], dropped: [] };

function listChange(before: readonly string[], after: readonly string[]): ListChange {
  const added = after.filter((x) => !before.includes(x));
  const dropped = before.filter((x) => !after.includes(x));
  return added.length === 0 && dropped.length === 0 ? NO_LIST : { added, dropped };
}

function sideOf(o: Outcome): SideOf {
  return 'error' in o ? { error: o.error } : { primary: o.verdict.routes[0] ?? null };
}

function sameRoute(a: RouteRef | null | undefined, b: RouteRef | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.id === b.id && a.family === b.family && a.fit === b.fit;
}

const EMPTY_VERDICT: Verdict = {
  routes: [],
  stakeholders: [],
  warnings: [],
  bridge: [],
  arrangements: [],
  openQuestions: [],
  costBenefit: null,
};

/**
 * What differs between two outcomes of one input; undefined when nothing a user acts on does
 * (the open questions and the cost/benefit figures are the input's own and are not compared).
 * Two errors are no change: the input is assessed on neither side.
 */
export function compareOutcomes(before: Outcome, after: Outcome): Changes | undefined {
  const errA = 'error' in before;
  const errB = 'error' in after;
  if (errA && errB) return undefined;
  const a = errA ? EMPTY_VERDICT : before.verdict;
  const b = errB ? EMPTY_VERDICT : after.verdict;
  const added: RouteRef[] = [];
  const dropped: RouteRef[] = [];
  const moved: RouteMove[] = [];
  for (const r of b.routes) {
    const was = a.routes.find((x) => x.id === r.id);
    if (!was) added.push(r);
    else if (was.fit !== r.fit || was.score !== r.score) {
      moved.push({
        id: r.id,
        family: r.family,
        before: { fit: was.fit, score: was.score },
        after: { fit: r.fit, score: r.score },
      });
    }
  }
  for (const r of a.routes) if (!b.routes.some((x) => x.id === r.id)) dropped.push(r);
  const bridge = listChange(a.bridge, b.bridge);
  const changes: Changes = {
    before: sideOf(before),
    after: sideOf(after),
    primaryChanged: errA !== errB || !sameRoute(a.routes[0], b.routes[0]),
    routes: { added, dropped, moved },
    stakeholders: listChange(a.stakeholders, b.stakeholders),
    warnings: listChange(a.warnings, b.warnings),
    bridge: { opened: bridge.added, lapsed: bridge.dropped },
    arrangements: listChange(a.arrangements, b.arrangements),
  };
  return isChange(changes) ? changes : undefined;
}

function isChange(c: Changes): boolean {
  return (
    c.primaryChanged ||
    c.routes.added.length + c.routes.dropped.length + c.routes.moved.length > 0 ||
    c.stakeholders !== NO_LIST ||
    c.warnings !== NO_LIST ||
    c.bridge.opened.length + c.bridge.lapsed.length > 0 ||
    c.arrangements !== NO_LIST
  );
}

/** A cause's identity: the same cause found for many inputs is counted once per input. */
export function causeKey(c: Cause): string {
  return `${c.kind}\0${c.tree ?? ''}\0${c.id}\0${c.change}\0${c.detail ?? ''}`;
}

/** The ids an input's change is about, by kind: what a node's or entry's effects must touch. */
export function changedIds(c: Changes): {
  readonly routes: ReadonlySet<string>;
  readonly stakeholders: ReadonlySet<string>;
  readonly warnings: ReadonlySet<string>;
  readonly bridge: ReadonlySet<string>;
  readonly arrangements: ReadonlySet<string>;
} {
  const routes = new Set<string>();
  for (const r of c.routes.added) routes.add(r.id);
  for (const r of c.routes.dropped) routes.add(r.id);
  for (const r of c.routes.moved) routes.add(r.id);
  // a new primary whose rank alone changed: the routes on top on either side
  if (c.primaryChanged) {
    if (c.before.primary) routes.add(c.before.primary.id);
    if (c.after.primary) routes.add(c.after.primary.id);
  }
  return {
    routes,
    stakeholders: new Set([...c.stakeholders.added, ...c.stakeholders.dropped]),
    warnings: new Set([...c.warnings.added, ...c.warnings.dropped]),
    bridge: new Set([...c.bridge.opened, ...c.bridge.lapsed]),
    arrangements: new Set([...c.arrangements.added, ...c.arrangements.dropped]),
  };
}
