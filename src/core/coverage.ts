// Coverage of the decision trees by the rule test cases: which nodes, branches and route awards of
// each tree the cases' walks reach, and what they never reach. Pure. The walks come in as trace
// events (a node entered, a branch taken). The engine records only the nodes it visits, so
// `walkTree` walks again with the engine's semantics (docs/rules.md) over the engine's prepared
// answers; test/runner/engine-agreement.test.ts checks that both visit the same nodes and award
// the same routes on every shipped test case.
import type { Answers } from './advice.ts';
import { evaluateCondition, isAnswered } from './conditions.ts';
import { engineIndex, prepareAnswers } from './engine.ts';
import type { Origin, RuleSet, Tree, TreeNode } from './ruleset.ts';
import type { TreeFamily } from './schema.ts';

/** What a walk did: entered `node`, and (when `branch` is set) left it by that branch. */
export interface TraceEvent {
  readonly family: TreeFamily;
  readonly node: string;
  /** A branch key of `treeBranches`: `case:0`, `otherwise`, `unanswered`, `then`, `else`, `unknown`, `sequence:1`, `next`. */
  readonly branch?: string;
}

export type BranchKind =
  'case' | 'otherwise' | 'unanswered' | 'then' | 'else' | 'unknown' | 'sequence' | 'next';

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
// The walk

/**
 * The index of the case of a switch that takes `value`, or -1: the first case whose `when` holds
 * it. A list or a number never matches a case (the switch goes to `otherwise`), as in the engine.
 */
export function switchCase(node: TreeNode, value: unknown): number {
  if (typeof value !== 'string' && typeof value !== 'boolean') return -1;
  return (node.cases ?? []).findIndex((c) => c.when.some((w) => w === value));
}

/**
 * Walks one tree over `facts` (the answers plus the derived facts the engine sets before the walk;
 * see `traceCase`) and reports every node entered and every branch taken, with the engine's
 * semantics: a switch on an unanswered question without `unanswered`, an unknown `if` without
 * `unknown`, or a switch whose answer no case takes and without `otherwise`, ends the walk there;
 * a sequence walks each item to its end, then stops; a node reached before in this walk is not
 * entered again (everything below it was walked then, with the same answers), though the branch
 * that leads to it is taken.
 */
export function walkTree(tree: Tree, facts: Answers, visit: (event: TraceEvent) => void): void {
  const family = tree.family;
  const entered = new Set<string>();
  const walk = (id: string): void => {
    const node = tree.nodes.get(id);
    if (!node || entered.has(id)) return;
    entered.add(id);
    visit({ family, node: id });
    const go = (branch: string, target: string) => {
      visit({ family, node: id, branch });
      walk(target);
    };
    if (node.next !== undefined) {
      go('next', node.next);
    } else if (node.switch !== undefined) {
      const value = facts[node.switch];
      if (!isAnswered(value)) {
        if (node.unanswered !== undefined) go('unanswered', node.unanswered);
      } else {
        const i = switchCase(node, value);
        if (i >= 0) go(`case:${i}`, node.cases![i]!.next);
        else if (node.otherwise !== undefined) go('otherwise', node.otherwise);
      }
    } else if (node.if !== undefined) {
      const truth = evaluateCondition(node.if, facts);
      if (truth === true) go('then', node.then!);
      else if (truth === false) go('else', node.else!);
      else if (node.unknown !== undefined) go('unknown', node.unknown);
    } else if (node.sequence !== undefined) {
      node.sequence.forEach((target, i) => go(`sequence:${i}`, target));
    }
  };
  walk(tree.root);
}

/** The trace of one advice: the engine's derived facts are set, then every tree is walked. */
export function traceCase(rules: RuleSet, answers: Answers): TraceEvent[] {
  const { working } = prepareAnswers(engineIndex(rules), answers);
  return walkTrees(rules, working);
}

/** Walks every tree in order; the events of one advice. */
export function walkTrees(rules: RuleSet, facts: Answers): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (const tree of rules.trees) walkTree(tree, facts, (e) => events.push(e));
  return events;
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
