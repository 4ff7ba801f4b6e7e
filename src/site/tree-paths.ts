// How the walk can come to a node of a tree, said as conditions: for every node, the way from the
// root that asks the fewest questions, each branch taken as a clause ("bij „…” is „Thuis”
// gekozen"). A branch for a missing answer (a switch's `unanswered`, an if's `unknown`) counts as
// a long way, so that a node that answers reach is described by answers. Read from the rule
// files' trees as they are (no walk, no facts): the site says *when* a route fits, for any answers.
import type { Tree, TreeNode } from '../core/ruleset.ts';
import { caseClause, conditionClause, otherwiseClause, unansweredClause } from './clauses.ts';
import type { Clause, ClauseContext } from './clauses.ts';
import { comparisons } from '../core/conditions.ts';

/** One branch out of a node: where it goes and what must hold (null: nothing, `next`). */
export interface TreeEdge {
  readonly to: string;
  readonly clause: Clause | null;
  /** A branch taken for a missing answer. */
  readonly missing: boolean;
}

/** The branches of a node, in the order the rule file lists them. */
export function edgesOf(c: ClauseContext, node: TreeNode): TreeEdge[] {
  const out: TreeEdge[] = [];
  const add = (to: string | undefined, clause: Clause | null, missing = false) => {
    if (to !== undefined) out.push({ to, clause, missing });
  };
  add(node.next, null);
  if (node.switch !== undefined) {
    const q = node.switch;
    const all = (node.cases ?? []).flatMap((k) => k.when);
    for (const k of node.cases ?? []) add(k.next, caseClause(c, q, k.when));
    add(node.otherwise, otherwiseClause(c, q, all));
    add(node.unanswered, unansweredClause(c, [q]), true);
  }
  if (node.if !== undefined) {
    add(node.then, conditionClause(c, node.if));
    add(node.else, conditionClause(c, node.if, true));
    const qs = [...new Set([...comparisons(node.if)].map((x) => x.comparison.question))];
    add(node.unknown, unansweredClause(c, qs), true);
  }
  for (const item of node.sequence ?? []) add(item, null);
  return out;
}

/** The way to a node: the clauses of the branches taken, root first, and the nodes passed. */
export interface TreePath {
  readonly clauses: readonly Clause[];
  /** Node ids from the root to the node itself. */
  readonly nodes: readonly string[];
}

const MISSING_COST = 8;

/**
 * For every node reachable from the root, its cheapest way: a branch costs 1, or MISSING_COST
 * when taken for a missing answer. Ties go to the branch listed first, so the result depends only
 * on the rule file.
 */
export function pathsOf(c: ClauseContext, tree: Tree): Map<string, TreePath> {
  const cost = new Map<string, number>([[tree.root, 0]]);
  const via = new Map<string, { from: string; edge: TreeEdge }>();
  const done = new Set<string>();
  const edges = new Map<string, TreeEdge[]>();
  for (const id of tree.nodeOrder) edges.set(id, edgesOf(c, tree.nodes.get(id)!));
  // Dijkstra on a few hundred nodes: scan for the cheapest open node, in node order for ties
  for (;;) {
    let best: string | undefined;
    for (const id of tree.nodeOrder) {
      const k = cost.get(id);
      if (k !== undefined && !done.has(id) && (best === undefined || k < cost.get(best)!))
        best = id;
    }
    if (best === undefined) break;
    done.add(best);
    for (const e of edges.get(best) ?? []) {
      if (!tree.nodes.has(e.to) || done.has(e.to)) continue;
      const k = cost.get(best)! + (e.missing ? MISSING_COST : 1);
      const was = cost.get(e.to);
      if (was === undefined || k < was) {
        cost.set(e.to, k);
        via.set(e.to, { from: best, edge: e });
      }
    }
  }
  const paths = new Map<string, TreePath>();
  for (const id of tree.nodeOrder) {
    if (!done.has(id)) continue;
    const clauses: Clause[] = [];
    const nodes: string[] = [id];
    for (let at = id; via.has(at);) {
      const { from, edge } = via.get(at)!;
      if (edge.clause) clauses.unshift(edge.clause);
      nodes.unshift(from);
      at = from;
    }
    paths.set(id, { clauses, nodes });
  }
  return paths;
}
