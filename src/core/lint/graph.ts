// The shape of one decision tree as a graph: every edge must lead to a node of the tree, every
// node must be reachable from the root, the graph must be acyclic, and every node must have a
// path to an `end`. All checks are linear in nodes + edges and iterative, so a chain of tens of
// thousands of nodes is no problem.
import type { Tree, TreeNode } from '../ruleset.ts';
import type { LintContext } from './context.ts';
import { sub } from './context.ts';

interface Edge {
  readonly target: string;
  readonly path: readonly (string | number)[];
}

/** Every outgoing edge of a node, with the YAML path of the key that names its target. */
export function edgesOf(node: TreeNode): Edge[] {
  const edges: Edge[] = [];
  const add = (target: string | undefined, ...path: (string | number)[]) => {
    if (target !== undefined) edges.push({ target, path });
  };
  add(node.next, 'next');
  node.cases?.forEach((c, i) => add(c.next, 'cases', i, 'next'));
  add(node.otherwise, 'otherwise');
  add(node.unanswered, 'unanswered');
  add(node.then, 'then');
  add(node.else, 'else');
  add(node.unknown, 'unknown');
  node.sequence?.forEach((id, i) => add(id, 'sequence', i));
  return edges;
}

export interface TreeGraph {
  /** Reachable from the root, by node index (tree.nodeOrder). */
  readonly reachable: readonly boolean[];
}

export function checkTreeGraph(ctx: LintContext, tree: Tree): TreeGraph {
  const ids = tree.nodeOrder;
  const n = ids.length;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const nodes = ids.map((id) => tree.nodes.get(id)!);

  // adjacency (distinct targets), dangling edges reported on the way
  const succ: number[][] = new Array(n);
  const dangling: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const targets = new Set<number>();
    for (const e of edgesOf(node)) {
      const j = index.get(e.target);
      if (j === undefined) {
        dangling[i] = true;
        ctx.error(
          sub(node.origin, ...e.path),
          'dangling-reference',
          `node "${e.target}" does not exist in the ${tree.family} tree${ctx.hint(e.target, ids)}`,
        );
      } else {
        targets.add(j);
      }
    }
    succ[i] = [...targets];
  }

  // reachability from the root (the first node)
  const reachable: boolean[] = new Array(n).fill(false);
  if (n > 0) {
    const queue = [0];
    reachable[0] = true;
    for (let head = 0; head < queue.length; head++) {
      for (const w of succ[queue[head]!]!) {
        if (!reachable[w]) {
          reachable[w] = true;
          queue.push(w);
        }
      }
    }
  }
  for (let i = 1; i < n; i++) {
    if (!reachable[i]) {
      ctx.error(
        sub(nodes[i]!.origin, 'id'),
        'unreachable-node',
        `node "${ids[i]}" cannot be reached from the root "${ids[0]}": no next, case, then/else, otherwise, unanswered or sequence leads to it`,
      );
    }
  }

  // cycles: strongly connected components (Tarjan, with an explicit stack)
  const sccs = stronglyConnected(succ);
  const cyclic: boolean[] = new Array(n).fill(false);
  const cycles: number[][] = [];
  for (const comp of sccs) {
    const v = comp[0]!;
    if (comp.length > 1 || succ[v]!.includes(v)) {
      for (const w of comp) cyclic[w] = true;
      cycles.push(comp);
    }
  }

  // a path to an end: `end` nodes have one; a sequence when all its items do; any other node
  // when one of its successors does. Propagated backwards from the ends, linear time.
  const good = reachesEnd(nodes, succ, dangling);

  for (const comp of cycles) {
    const start = comp.reduce((a, b) => (b < a ? b : a));
    const path = cyclePath(start, comp, succ).map((i) => ids[i]!);
    const escapes = comp.some((i) => good[i]);
    ctx.error(
      sub(nodes[start]!.origin, 'id'),
      'cycle',
      `nodes form a cycle: ${formatCycle(path)}; a tree may join paths but never loop back${escapes ? '' : ' (and no node of the cycle leads to an end)'}`,
    );
  }

  // Report where a path to an end is missing, not everything upstream of it: a node with no
  // dangling edge, outside a cycle, whose successors all reach an end (an empty switch, say).
  for (let i = 0; i < n; i++) {
    if (good[i] || !reachable[i] || cyclic[i] || dangling[i]) continue;
    if (!succ[i]!.every((w) => good[w])) continue;
    const node = nodes[i]!;
    ctx.error(
      sub(node.origin, 'id'),
      'no-outcome',
      node.switch !== undefined && succ[i]!.length === 0
        ? `node "${ids[i]}" leads nowhere: its switch has no case, otherwise or unanswered that leads on to an end node`
        : `no path from node "${ids[i]}" leads to an end node`,
    );
  }

  return { reachable };
}

function reachesEnd(
  nodes: readonly TreeNode[],
  succ: readonly (readonly number[])[],
  dangling: readonly boolean[],
): boolean[] {
  const n = nodes.length;
  const good: boolean[] = new Array(n).fill(false);
  const need: number[] = new Array(n).fill(0);
  const preds: number[][] = Array.from({ length: n }, () => []);
  const work: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const w of succ[i]!) preds[w]!.push(i);
    const node = nodes[i]!;
    if (node.end) {
      good[i] = true;
      work.push(i);
    }
    // a sequence with an item that does not exist can never complete
    if (node.sequence !== undefined) need[i] = dangling[i] ? Infinity : succ[i]!.length;
  }
  while (work.length > 0) {
    const w = work.pop()!;
    for (const p of preds[w]!) {
      if (good[p]) continue;
      if (nodes[p]!.sequence !== undefined) {
        need[p] = need[p]! - 1;
        if (need[p]! > 0) continue;
      }
      good[p] = true;
      work.push(p);
    }
  }
  return good;
}

/** Tarjan's algorithm without recursion. Components come out in reverse topological order. */
function stronglyConnected(succ: readonly (readonly number[])[]): number[][] {
  const n = succ.length;
  const order: number[] = new Array(n).fill(-1);
  const low: number[] = new Array(n).fill(0);
  const onStack: boolean[] = new Array(n).fill(false);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  const frames: { v: number; edge: number }[] = [];

  const open = (v: number) => {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    frames.push({ v, edge: 0 });
  };

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const v = frame.v;
      const out = succ[v]!;
      if (frame.edge < out.length) {
        const w = out[frame.edge++]!;
        if (order[w] === -1) open(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === order[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          comp.push(w);
        } while (w !== v);
        result.push(comp);
      }
    }
  }
  return result;
}

/** A shortest way round the cycle through `start`, staying inside its component. */
function cyclePath(start: number, comp: readonly number[], succ: readonly (readonly number[])[]) {
  const inComp = new Set(comp);
  const prev = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of succ[v]!) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)!) path.push(x);
        path.push(start);
        // path holds start, v … back to start: reverse the middle to read forwards
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function formatCycle(path: readonly string[]): string {
  const shown = path.length > 12 ? [...path.slice(0, 10), '…', path[path.length - 1]!] : path;
  return shown.map((id) => (id === '…' ? id : `"${id}"`)).join(' → ');
}
