// The trace of an explanation: what the walk decided on the way to each route, and in each family
// tree, with the question and the answer. A visitor of the one walk (walk.ts) records the nodes
// entered and the branch by which each was reached; the trace is read back from that record,
// never by interpreting a tree or a condition again (a condition says which of its comparisons
// decided it: CompiledCondition.deciding). docs/explain.md describes the shape.
import type { AnswerValue } from './advice.ts';
import { comparisons, isAnswered, operatorOf } from './conditions.ts';
import type { Truth, Values } from './conditions.ts';
import type { Program, ProgramNode } from './program.ts';
import type { TreeFamily } from './schema.ts';
import { walk } from './walk.ts';
import type { BranchKind, WalkVisitor } from './walk.ts';

/** One comparison of a condition that decided it, with the answer it read. */
export interface TraceComparison {
  readonly question: string;
  /** The operator (`equals`, `includes`, …); `none` for a comparison without one. */
  readonly test: string;
  readonly operand?: unknown;
  /** Absent when unanswered. */
  readonly answer?: AnswerValue;
  /** null: unknown (unanswered). */
  readonly holds: boolean | null;
}

/** A decision the walk made: a switch on a question, or an if on a condition. */
export type TraceStep =
  | {
      readonly tree: TreeFamily;
      readonly node: string;
      readonly question: string;
      /** Absent when unanswered. */
      readonly answer?: AnswerValue;
      /** The branch taken; null when the node has no branch for it (the path stopped there). */
      readonly branch: BranchKind | null;
    }
  | {
      readonly tree: TreeFamily;
      readonly node: string;
      /** The condition's truth; null: unknown. */
      readonly holds: boolean | null;
      readonly branch: BranchKind | null;
      /** The comparisons that decided it. */
      readonly comparisons: readonly TraceComparison[];
    };

/** What the walk did: the nodes entered in order, and how each was reached. */
export class WalkRecord implements WalkVisitor {
  /** Node indexes in walk order. */
  readonly entered: number[] = [];
  /** By node index: the node whose branch led to it (-1: a root), and the branch kind. */
  private readonly parent: Int32Array;
  private readonly taken: (BranchKind | undefined)[];
  private pending = -1;

  constructor(private readonly program: Program) {
    this.parent = new Int32Array(program.nodes.length).fill(-1);
    this.taken = new Array<BranchKind | undefined>(program.nodes.length);
  }

  enter(node: ProgramNode): void {
    // the pending branch led here only if it names this node (a branch to a node entered before,
    // or to a missing one, enters nothing: the next node entered may be another tree's root)
    if (this.pending >= 0 && targetsOf(this.program.nodes[this.pending]!).includes(node.index)) {
      this.parent[node.index] = this.pending;
    }
    this.pending = -1;
    this.entered.push(node.index);
  }

  branch(node: ProgramNode, kind: BranchKind): void {
    this.pending = node.index;
    if (kind !== 'sequence') this.taken[node.index] = kind;
  }

  /** The node whose branch led to `node`; -1 for a root, or a node the walk did not enter. */
  parentOf(node: number): number {
    return this.parent[node]!;
  }

  /** The branch the walk left `node` by; null when it stopped there. */
  branchOf(node: number): BranchKind | null {
    return this.taken[node] ?? null;
  }

  /** The decision nodes from the root to `node` (itself included when it is one). */
  pathTo(node: number): number[] {
    const path: number[] = [];
    for (let n = node; n >= 0; n = this.parent[n]!) {
      const kind = this.program.nodes[n]!.kind;
      if (kind === 'switch' || kind === 'if') path.push(n);
    }
    return path.reverse();
  }
}

function targetsOf(n: ProgramNode): number[] {
  return [n.next, ...n.cases, n.otherwise, n.unanswered, n.then, n.else, n.unknown, ...n.sequence];
}

/** Walks with a recorder. */
export function recordWalk(program: Program, facts: Values): WalkRecord {
  const record = new WalkRecord(program);
  walk(program, facts, record);
  return record;
}

function answerOf(v: AnswerValue | undefined): { answer?: AnswerValue } {
  if (!isAnswered(v)) return {};
  return { answer: Array.isArray(v) ? v.slice() : v };
}

const holds = (t: Truth): boolean | null => (t === undefined ? null : t);

/** The step of a decision node the walk entered. */
export function stepOf(program: Program, record: WalkRecord, n: number, facts: Values): TraceStep {
  const node = program.nodes[n]!;
  const branch = record.branchOf(n);
  if (node.kind === 'switch') {
    return {
      tree: node.family,
      node: node.id,
      question: node.question,
      ...answerOf(facts[node.slot]),
      branch,
    };
  }
  const condition = node.condition!;
  const deciding: { leaf: number; truth: Truth }[] = [];
  condition.deciding(facts, deciding);
  const leaves = [...comparisons(node.source.if!)];
  return {
    tree: node.family,
    node: node.id,
    holds: holds(condition.test(facts)),
    branch,
    comparisons: deciding.map(({ leaf, truth }) => {
      const c = leaves[leaf]!.comparison;
      const op = operatorOf(c);
      const slot = program.slots.get(c.question);
      const value = slot === undefined ? undefined : facts[slot];
      return {
        question: c.question,
        test: op ?? 'none',
        ...(op !== undefined ? { operand: c[op] } : {}),
        ...answerOf(value),
        holds: holds(truth),
      };
    }),
  };
}

/** The steps of several decision nodes, each once, in walk order. */
export function stepsOf(
  program: Program,
  record: WalkRecord,
  nodes: Iterable<number>,
  facts: Values,
): TraceStep[] {
  const order = new Map(record.entered.map((n, i) => [n, i]));
  return [...new Set(nodes)]
    .filter((n) => order.has(n))
    .sort((a, b) => order.get(a)! - order.get(b)!)
    .map((n) => stepOf(program, record, n, facts));
}
