// `explain`: the advice, why each route is where it is, and what would change it. The trace comes
// from a recorder of the one walk (explain-trace.ts), the counterfactuals from walking the rules
// again with changed answers (counterfactuals.ts). Pure: the same rules, answers and options give
// the same Explanation, byte for byte. docs/explain.md describes the JSON.
import type { Advice, Answers, EvaluateOptions } from './advice.ts';
import { searchCounterfactuals } from './counterfactuals.ts';
import type { Counterfactual, SearchReport } from './counterfactuals.ts';
import { evaluate } from './engine.ts';
import { recordWalk, stepsOf } from './explain-trace.ts';
import type { TraceStep, WalkRecord } from './explain-trace.ts';
import { factsOf } from './facts.ts';
import { FAMILIES } from './ids.ts';
import type { Family } from './ids.ts';
import { programOf } from './program.ts';
import type { Program } from './program.ts';
import type { RuleSet } from './ruleset.ts';
import type { Values } from './conditions.ts';

export type { Counterfactual, SearchReport, TraceStep };
export type { TraceComparison } from './explain-trace.ts';

/** A node the walk entered that awards, adjusts or excludes the route. */
export interface RouteEffectAt {
  readonly tree: string;
  readonly node: string;
  readonly effect: 'award' | 'adjust' | 'exclude';
  /** award: its score; adjust: what it adds. */
  readonly score?: number;
  readonly add?: number;
}

export interface RouteTrace {
  readonly route: string;
  readonly family: Family;
  /** first: the recommendation; advised; excluded (or lapsed); absent: no node named it. */
  readonly status: 'first' | 'advised' | 'excluded' | 'absent';
  readonly score?: number;
  readonly effects: readonly RouteEffectAt[];
  /**
   * The decisions on the way to those nodes; for a route no node named, every decision the walk
   * made in its family's tree.
   */
  readonly steps: readonly TraceStep[];
}

/** A family with no advised route. */
export interface FamilyTrace {
  readonly family: Family;
  /** excluded: some route of it is excluded; absent: none is named at all. */
  readonly status: 'excluded' | 'absent';
  /** Its excluded routes. */
  readonly excluded: readonly string[];
  /** Every decision the walk made in the family's tree. */
  readonly steps: readonly TraceStep[];
}

export interface ExplainTrace {
  /** The recommendation, or the route asked for. */
  readonly routes: readonly RouteTrace[];
  /** Every family that does not pay (none when one route was asked for). */
  readonly families: readonly FamilyTrace[];
}

export interface Explanation {
  /** The route asked for (explain --route), if one was. */
  readonly route?: string;
  readonly advice: Advice;
  readonly counterfactuals: readonly Counterfactual[];
  readonly trace: ExplainTrace;
  readonly search: SearchReport;
}

export interface ExplainOptions extends EvaluateOptions {
  /** Explain this route only (a route id of the rule set). */
  readonly route?: string;
  /** The counterfactual search walks the rules at most this many times. */
  readonly maxEvaluations?: number;
  /**
   * The advice for these rules, answers and options, when the caller has it already (advise, the
   * wizard): it is used as it is, which saves one evaluation.
   */
  readonly advice?: Advice;
}

export function explain(rules: RuleSet, answers: Answers, options: ExplainOptions): Explanation {
  const program = programOf(rules);
  const advice = options.advice ?? evaluate(rules, answers, options);
  const facts = factsOf(program, answers).values;
  const record = recordWalk(program, facts);
  const { counterfactuals, search } = searchCounterfactuals(program, answers, {
    asOf: options.asOf,
    ...(options.route !== undefined ? { route: options.route } : {}),
    ...(options.maxEvaluations !== undefined ? { maxEvaluations: options.maxEvaluations } : {}),
  });
  const ctx = { program, record, facts, advice };
  const asked = options.route ?? advice.routes[0]?.id;
  const routes = asked === undefined ? [] : [routeTrace(ctx, asked)];
  const families =
    options.route !== undefined
      ? []
      : FAMILIES.filter((f) => !advice.routes.some((r) => r.family === f)).map(
          (family): FamilyTrace => {
            const excluded = advice.excluded.filter((x) => x.family === family).map((x) => x.id);
            return {
              family,
              status: excluded.length > 0 ? 'excluded' : 'absent',
              excluded,
              steps: treeSteps(ctx, family),
            };
          },
        );
  const trace = { routes, families };
  return options.route !== undefined
    ? { route: options.route, advice, counterfactuals, trace, search }
    : { advice, counterfactuals, trace, search };
}

interface TraceContext {
  readonly program: Program;
  readonly record: WalkRecord;
  readonly facts: Values;
  readonly advice: Advice;
}

function treeSteps(ctx: TraceContext, family: string): TraceStep[] {
  const nodes = ctx.record.entered.filter((n) => {
    const node = ctx.program.nodes[n]!;
    return node.family === family && (node.kind === 'switch' || node.kind === 'if');
  });
  return stepsOf(ctx.program, ctx.record, nodes, ctx.facts);
}

function routeTrace(ctx: TraceContext, id: string): RouteTrace {
  const { program, record, advice } = ctx;
  const r = program.routeIds.indexOf(id);
  const family = (program.routeFamily[r] ?? id.slice(0, id.indexOf('.'))) as Family;
  const effects: RouteEffectAt[] = [];
  const at: number[] = [];
  for (const n of record.entered) {
    const node = program.nodes[n]!;
    const e = node.effects;
    if (e === null) continue;
    const mark = (x: Omit<RouteEffectAt, 'tree' | 'node'>) => {
      effects.push({ tree: node.family, node: node.id, ...x });
      if (!at.includes(n)) at.push(n);
    };
    for (const a of e.awards) if (a.route === r) mark({ effect: 'award', score: a.score });
    for (const a of e.adjusts) if (a.route === r) mark({ effect: 'adjust', add: a.add });
    for (const x of e.excludes) if (x.route === r) mark({ effect: 'exclude' });
  }
  const place = advice.routes.findIndex((x) => x.id === id);
  const status =
    place === 0
      ? 'first'
      : place > 0
        ? 'advised'
        : advice.excluded.some((x) => x.id === id)
          ? 'excluded'
          : 'absent';
  const steps =
    at.length > 0
      ? stepsOf(
          program,
          record,
          at.flatMap((n) => record.pathTo(n)),
          ctx.facts,
        )
      : treeSteps(ctx, family);
  return {
    route: id,
    family,
    status,
    ...(place >= 0 ? { score: advice.routes[place]!.score } : {}),
    effects,
    steps,
  };
}
