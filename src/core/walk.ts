// The walk: the one place that reads the trees. It goes through every tree of a program with a
// set of facts (the answers plus the derived facts by slot, see facts.ts) and tells a visitor what it
// does. The advice, the open questions, the wizard's next question, coverage and explanations are
// all visitors of this walk; nothing else interprets trees or conditions. docs/architecture.md
// describes it; docs/engine.md gives the rule author's view.
//
// - A node is entered at most once per walk: two paths that meet, or a sequence that lists a node
//   an earlier branch passed, stop there (everything below was walked then, with the same facts).
//   The branch that leads to it is still taken. The same makes a cycle harmless.
// - switch: the first case listing the answer; else `otherwise`; unanswered: `unanswered` (and the
//   question is open either way). if: then / else, or `unknown` (its unknown questions are open).
//   A missing branch stops the walk of that path.
// - sequence: each item walked to its stop, in turn, then the sequence stops.
// No recursion: a tree may be as deep as its file.
import { isAnswered } from './conditions.ts';
import type { Values } from './conditions.ts';
import type { Program, ProgramNode } from './program.ts';
import { NONE } from './program.ts';

export type BranchKind =
  'case' | 'otherwise' | 'unanswered' | 'then' | 'else' | 'unknown' | 'sequence' | 'next';

export interface WalkVisitor {
  /** A node is entered (its effects apply). */
  enter?(node: ProgramNode): void;
  /** The walk leaves `node` by a branch (`index`: the case or sequence item, else 0). */
  branch?(node: ProgramNode, kind: BranchKind, index: number): void;
  /** `question` is open at `node`: unanswered at a switch, or one that made a condition unknown. */
  open?(question: string, node: ProgramNode): void;
}

/** Walks every tree in program order with `facts`, telling `visitor` what it does. */
export function walk(program: Program, facts: Values, visitor: WalkVisitor): void {
  const entered = new Uint8Array(program.nodes.length);
  for (const tree of program.trees) {
    if (tree.root !== NONE) walkFrom(program, tree.root, facts, visitor, entered);
  }
}

function walkFrom(
  program: Program,
  root: number,
  facts: Values,
  visitor: WalkVisitor,
  entered: Uint8Array,
): void {
  const nodes = program.nodes;
  // what is left to walk: node indexes, or sequence items still to start (as [node, item])
  const pending: (number | [ProgramNode, number])[] = [root];
  while (pending.length > 0) {
    const top = pending.pop()!;
    let n: number;
    if (typeof top === 'number') n = top;
    else {
      const [seq, item] = top;
      if (item + 1 < seq.sequence.length) pending.push([seq, item + 1]);
      visitor.branch?.(seq, 'sequence', item);
      n = seq.sequence[item]!;
    }
    // one path: from n until it stops
    while (n >= 0 && entered[n] === 0) {
      entered[n] = 1;
      const node = nodes[n]!;
      visitor.enter?.(node);
      n = step(node, facts, visitor, pending);
    }
  }
}

/** The next node of the path after `node` (negative: the path stops). */
function step(
  node: ProgramNode,
  facts: Values,
  visitor: WalkVisitor,
  pending: (number | [ProgramNode, number])[],
): number {
  switch (node.kind) {
    case 'next':
      return take(node, 'next', 0, node.next, visitor);
    case 'end':
      return NONE;
    case 'switch': {
      const value = facts[node.slot];
      if (!isAnswered(value)) {
        visitor.open?.(node.question, node);
        return take(node, 'unanswered', 0, node.unanswered, visitor);
      }
      // a list or a number takes no case
      const k =
        typeof value === 'string' || typeof value === 'boolean'
          ? node.caseOf.get(value)
          : undefined;
      if (k !== undefined) return take(node, 'case', k, node.cases[k]!, visitor);
      return take(node, 'otherwise', 0, node.otherwise, visitor);
    }
    case 'if': {
      const truth = node.condition!.test(facts);
      if (truth === true) return take(node, 'then', 0, node.then, visitor);
      if (truth === false) return take(node, 'else', 0, node.else, visitor);
      if (visitor.open) {
        const unknown: string[] = [];
        node.condition!.unknown(facts, unknown);
        for (const q of unknown) visitor.open(q, node);
      }
      return take(node, 'unknown', 0, node.unknown, visitor);
    }
    case 'sequence':
      if (node.sequence.length > 0) pending.push([node, 0]);
      return NONE;
  }
}

function take(
  node: ProgramNode,
  kind: BranchKind,
  index: number,
  target: number,
  visitor: WalkVisitor,
): number {
  if (target !== NONE) visitor.branch?.(node, kind, index);
  return target;
}
