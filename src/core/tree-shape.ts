// What the shape of one tree says, worked out once when the program is compiled (program.ts):
// which nodes each node's branches lead to, and how decisive a question met at a node is.
import type { TreeNode } from './ruleset.ts';
import type { Effects } from './schema.ts';

function maxAward(effects: Effects | undefined): number {
  let best = -1;
  for (const r of effects?.routes ?? []) if (r.score > best) best = r.score;
  return best;
}

/** Per node, the position in `raw` of every node a branch of it names (once per branch). */
export function successorsOf(
  raw: readonly TreeNode[],
  local: (id: string | undefined) => number,
): number[][] {
  return raw.map((n) =>
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
      .map(local)
      .filter((i) => i >= 0 && i < raw.length),
  );
}

/**
 * Per node, the highest award score on any node below it (through any branch), at least 0. A
 * cycle (an error validate reports) adds nothing. Without recursion: trees can be deep.
 */
export function potentialsOf(
  raw: readonly TreeNode[],
  succ: readonly (readonly number[])[],
): number[] {
  const own = raw.map((n) => maxAward(n.effects));
  const below = new Array<number>(raw.length).fill(-2); // -2: not yet; -1 and up: done
  const inProgress = new Uint8Array(raw.length);
  for (let start = 0; start < raw.length; start++) {
    if (below[start]! !== -2) continue;
    // depth-first, post-order, with an explicit stack of [node, next successor to look at]
    const stack: [number, number][] = [[start, 0]];
    inProgress[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [n, k] = top;
      const next = succ[n]![k];
      if (next !== undefined) {
        top[1] = k + 1;
        if (below[next] === -2 && inProgress[next] === 0) {
          inProgress[next] = 1;
          stack.push([next, 0]);
        }
        continue;
      }
      let best = -1;
      for (const s of succ[n]!) best = Math.max(best, own[s]!, below[s] === -2 ? -1 : below[s]!);
      below[n] = best;
      inProgress[n] = 0;
      stack.pop();
    }
  }
  return below.map((b) => Math.max(0, b));
}
