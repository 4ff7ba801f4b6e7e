// Coverage of the decision trees by the rule test cases: which nodes, branches and route awards of
// each tree the cases' walks reach, and what they never reach. Pure. The walks come in as trace
// events (a node entered, a branch taken), told by the same walk that makes the advice (walk.ts).
import type { Answers } from './advice.ts';
import type { Values } from './conditions.ts';
import { factsOf, givenFacts } from './facts.ts';
import { programOf } from './program.ts';
import type { Program } from './program.ts';
import type { Origin, RuleSet, Tree, TreeNode } from './ruleset.ts';
import type { TreeFamily } from './schema.ts';
import { walk } from './walk.ts';
import type { BranchKind } from './walk.ts';

/** What a walk did: entered `node`, and (when `branch` is set) left it by that branch. */
export interface TraceEvent {
  readonly family: TreeFamily;
  readonly node: string;
  /** A branch key of `treeBranches`: `case:0`, `otherwise`, `unanswered`, `then`, `else`, `unknown`, `sequence:1`, `next`. */
  readonly branch?: string;
}

export type { BranchKind };

export interface Branch {
  readonly family: TreeFamily;
  readonly node: string;
  /** Unique within the node: `case:<i>`, `sequence:<i>`, or the kind. */
  readonly key: string;
  readonly kind: BranchKind;
  /** `case [device, digital] → relation`, `else → self-care`, … */
  readonly label: string;
  readonly target: string;
  readonly origin: Origin;
}

/** Every branch of a node, in declaration order. An end node has none. */
export function nodeBranches(family: TreeFamily, node: TreeNode): Branch[] {
  const out: Branch[] = [];
  const add = (
    key: string,
    kind: BranchKind,
    label: string,
    target: string,
    ...path: (string | number)[]
  ) =>
    out.push({
      family,
      node: node.id,
      key,
      kind,
      label: `${label} → ${target}`,
      target,
      origin: { file: node.origin.file, path: [...node.origin.path, ...path] },
    });
  if (node.next !== undefined) add('next', 'next', 'next', node.next, 'next');
  if (node.switch !== undefined) {
    node.cases?.forEach((c, i) =>
      add(`case:${i}`, 'case', `case [${c.when.map(String).join(', ')}]`, c.next, 'cases', i),
    );
    if (node.otherwise !== undefined)
      add('otherwise', 'otherwise', 'otherwise', node.otherwise, 'otherwise');
    if (node.unanswered !== undefined)
      add('unanswered', 'unanswered', 'unanswered', node.unanswered, 'unanswered');
  }
  if (node.if !== undefined) {
    if (node.then !== undefined) add('then', 'then', 'then', node.then, 'then');
    if (node.else !== undefined) add('else', 'else', 'else', node.else, 'else');
    if (node.unknown !== undefined) add('unknown', 'unknown', 'unknown', node.unknown, 'unknown');
  }
  node.sequence?.forEach((target, i) =>
    add(`sequence:${i}`, 'sequence', `sequence[${i}]`, target, 'sequence', i),
  );
  return out;
}

export function treeBranches(tree: Tree): Branch[] {
  return tree.nodeOrder.flatMap((id) => nodeBranches(tree.family, tree.nodes.get(id)!));
}

// ---------------------------------------------------------------------------------------------
// The trace: what the one walk (walk.ts) enters and which branches it takes

/** The trace of one advice: the engine's derived facts are set, then every tree is walked. */
export function traceCase(rules: RuleSet, answers: Answers): TraceEvent[] {
  const program = programOf(rules);
  return traceValues(program, factsOf(program, answers).values);
}

/** The trace of a walk over these facts, taken as they are (no derived facts are set). */
export function traceFacts(rules: RuleSet, facts: Answers): TraceEvent[] {
  const program = programOf(rules);
  return traceValues(program, givenFacts(program, facts).values);
}

function traceValues(program: Program, values: Values): TraceEvent[] {
  const events: TraceEvent[] = [];
  walk(program, values, {
    enter: (node) => events.push({ family: node.family, node: node.id }),
    branch: (node, kind, index) =>
      events.push({ family: node.family, node: node.id, branch: branchKey(kind, index) }),
  });
  return events;
}

/** The key of a branch, as `nodeBranches` names it. */
function branchKey(kind: BranchKind, index: number): string {
  return kind === 'case' || kind === 'sequence' ? `${kind}:${index}` : kind;
}

/** The routes a walk awards (effects.routes of the nodes entered), by tree, in walk order. */
export function awardedRoutes(rules: RuleSet, events: readonly TraceEvent[]): string[] {
  const trees = new Map(rules.trees.map((t) => [t.family, t]));
  const out: string[] = [];
  for (const e of events) {
    if (e.branch !== undefined) continue;
    for (const a of trees.get(e.family)?.nodes.get(e.node)?.effects?.routes ?? []) {
      if (!out.includes(a.route)) out.push(a.route);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Coverage

export interface Counted {
  readonly reached: number;
  readonly total: number;
  /** 0..100; 100 when there is nothing to reach. */
  readonly percent: number;
}

export interface NodeRef {
  readonly family: TreeFamily;
  readonly node: string;
  readonly origin: Origin;
}

export interface RouteRef {
  readonly route: string;
  /** The first award of the route in the tree (or its registry entry). */
  readonly origin: Origin;
}

export interface TreeCoverage {
  readonly family: TreeFamily;
  readonly file: string;
  readonly nodes: Counted;
  readonly branches: Counted;
  /** Routes the tree can award (in any node's effects.routes). */
  readonly routes: Counted;
  readonly missedNodes: readonly NodeRef[];
  readonly missedBranches: readonly Branch[];
  readonly awarded: readonly string[];
  readonly missedRoutes: readonly RouteRef[];
}

export interface Coverage {
  readonly trees: readonly TreeCoverage[];
  readonly nodes: Counted;
  readonly branches: Counted;
  readonly routes: Counted;
  /** Routes of the registry that no tree can award at all. */
  readonly unawardable: readonly RouteRef[];
  /** How many walks (test cases) the coverage is computed from. */
  readonly walks: number;
}

export function counted(reached: number, total: number): Counted {
  return { reached, total, percent: total === 0 ? 100 : (reached / total) * 100 };
}

const sum = (xs: readonly Counted[]) =>
  counted(
    xs.reduce((n, x) => n + x.reached, 0),
    xs.reduce((n, x) => n + x.total, 0),
  );

export function computeCoverage(
  rules: RuleSet,
  walks: readonly (readonly TraceEvent[])[],
): Coverage {
  const nodesHit = new Set<string>();
  const branchesHit = new Set<string>();
  const key = (...parts: string[]) => parts.join('\0');
  for (const events of walks) {
    for (const e of events) {
      if (e.branch === undefined) nodesHit.add(key(e.family, e.node));
      else branchesHit.add(key(e.family, e.node, e.branch));
    }
  }

  const awardableAnywhere = new Set<string>();
  const trees: TreeCoverage[] = rules.trees.map((tree) => {
    const nodes = tree.nodeOrder.map((id) => tree.nodes.get(id)!);
    const missedNodes: NodeRef[] = nodes
      .filter((n) => !nodesHit.has(key(tree.family, n.id)))
      .map((n) => ({ family: tree.family, node: n.id, origin: n.origin }));
    const branches = treeBranches(tree);
    const missedBranches = branches.filter((b) => !branchesHit.has(key(b.family, b.node, b.key)));

    // routes the tree can award, with the first award's place; awarded when an awarding node is reached
    const firstAward = new Map<string, Origin>();
    const awarded = new Set<string>();
    for (const n of nodes) {
      (n.effects?.routes ?? []).forEach((a, i) => {
        awardableAnywhere.add(a.route);
        if (!firstAward.has(a.route)) {
          firstAward.set(a.route, {
            file: n.origin.file,
            path: [...n.origin.path, 'effects', 'routes', i],
          });
        }
        if (nodesHit.has(key(tree.family, n.id))) awarded.add(a.route);
      });
    }
    const missedRoutes = [...firstAward]
      .filter(([route]) => !awarded.has(route))
      .map(([route, origin]) => ({ route, origin }));

    return {
      family: tree.family,
      file: tree.file,
      nodes: counted(nodes.length - missedNodes.length, nodes.length),
      branches: counted(branches.length - missedBranches.length, branches.length),
      routes: counted(awarded.size, firstAward.size),
      missedNodes,
      missedBranches,
      awarded: [...firstAward.keys()].filter((r) => awarded.has(r)),
      missedRoutes,
    };
  });

  const unawardable = [...rules.routes.values()]
    .filter((r) => !awardableAnywhere.has(r.id))
    .map((r) => ({ route: r.id, origin: r.origin }));

  return {
    trees,
    nodes: sum(trees.map((t) => t.nodes)),
    branches: sum(trees.map((t) => t.branches)),
    routes: sum(trees.map((t) => t.routes)),
    unawardable,
    walks: walks.length,
  };
}
