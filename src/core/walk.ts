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
  /**
   * The question in `slot` (`Program.slotIds`) is open at `node`: unanswered at a switch, or one
   * that made a condition unknown.
   */
  open?(slot: number, node: ProgramNode): void;
}

/** Walks every tree in program order with `facts`, telling `visitor` what it does. */
export function walk(program: Program, facts: Values, visitor: WalkVisitor): void {
  const state: WalkState = {
    entered: new Uint8Array(program.joins),
    sequences: [],
    items: [],
  };
  for (const tree of program.trees) {
    if (tree.root !== NONE) walkFrom(program, tree.root, facts, visitor, state);
  }
}

/** One walk's own bookkeeping (never the program's): what it entered, and what is left to walk. */
interface WalkState {
  /** By join position (`ProgramNode.join`): the only nodes a walk can come to twice. */
  readonly entered: Uint8Array;
  /** The sequences with items still to walk, innermost last, and the next item of each. */
  readonly sequences: ProgramNode[];
  readonly items: number[];
}

function walkFrom(
  program: Program,
  root: number,
  facts: Values,
  visitor: WalkVisitor,
  state: WalkState,
): void {
  const nodes = program.nodes;
  const { entered, sequences, items } = state;
  let n = root;
  for (;;) {
    // one path: from n until it stops
    while (n >= 0) {
      const node = nodes[n]!;
      if (node.join >= 0) {
        if (entered[node.join] === 1) break;
        entered[node.join] = 1;
      }
      visitor.enter?.(node);
      if (node.kind !== 'sequence') n = step(node, facts, visitor);
      else {
        if (node.sequence.length > 0) {
          sequences.push(node);
          items.push(0);
        }
        n = NONE;
      }
    }
    // then the next item of the innermost sequence that has one
    const k = sequences.length - 1;
    if (k < 0) return;
    const sequence = sequences[k]!;
    const item = items[k]!;
    if (item + 1 < sequence.sequence.length) items[k] = item + 1;
    else {
      sequences.pop();
      items.pop();
    }
    visitor.branch?.(sequence, 'sequence', item);
    n = sequence.sequence[item]!;
  }
}

/** The next node of the path after `node` (negative: the path stops). Not for sequences. */
function step(node: ProgramNode, facts: Values, visitor: WalkVisitor): number {
  switch (node.kind) {
    case 'next':
      return take(node, 'next', 0, node.next, visitor);
    case 'switch': {
      const value = facts[node.slot];
      if (!isAnswered(value)) {
        visitor.open?.(node.slot, node);
        return take(node, 'unanswered', 0, node.unanswered, visitor);
      }
      // a list or a number takes no case; a switch lists a handful of values: a scan, no hashing
      if (typeof value === 'string' || typeof value === 'boolean') {
        const values = node.caseValues;
        for (let i = 0; i < values.length; i++) {
          if (values[i] === value) {
            const k = node.caseIndexes[i]!;
            return take(node, 'case', k, node.cases[k]!, visitor);
          }
        }
      }
      return take(node, 'otherwise', 0, node.otherwise, visitor);
    }
    case 'if': {
      const truth = node.condition!.test(facts);
      if (truth === true) return take(node, 'then', 0, node.then, visitor);
      if (truth === false) return take(node, 'else', 0, node.else, visitor);
      if (visitor.open) {
        const condition = node.condition!;
        // an unknown condition on one question is unknown for that question
        if (condition.slots.length === 1) visitor.open(condition.slots[0]!, node);
        else {
          const unknown: number[] = [];
          condition.unknownSlots(facts, unknown);
          for (const s of unknown) visitor.open(s, node);
        }
      }
      return take(node, 'unknown', 0, node.unknown, visitor);
    }
    default: // end
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
