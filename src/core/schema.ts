// The rule-file model. One zod schema per file kind; every object is strict so that a typo in a
// key is an error, not a silently ignored setting. The JSON Schema in rules/schema/ is generated
// from these (npm run schema) and CI fails when it is stale.
import { z } from 'zod';

export * from './ids.ts';
export { Citation, Text, WEB_ADDRESS, WebAddress } from './schema-base.ts';
import {
  ARRANGEMENTS,
  FAMILIES,
  FITS,
  PHASES,
  PARTIES,
  QUESTION_KINDS,
  TREE_FAMILIES,
} from './ids.ts';
import { COMPARISON_OPERATORS, OPERATORS } from './conditions.ts';
import { id, isoDate, Sources, Text, Validity, Verify, WebAddress } from './schema-base.ts';
import type {
  Comparison as ComparisonType,
  ComparisonOperator,
  Condition as ConditionType,
  OperandKind,
} from './conditions.ts';

// ---------------------------------------------------------------------------------------------
// Conditions: structured data, never code. Three-valued: a comparison on an unanswered question
// is "unknown", and all/any/not follow Kleene logic.

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

// The operand of each kind of comparison, from the operator table in conditions.ts.
const OPERAND = {
  scalar: Scalar,
  scalars: z.array(Scalar).min(1),
  option: z.string(),
  options: z.array(z.string()).min(1),
  number: z.number(),
  boolean: z.boolean(),
} satisfies Record<OperandKind, z.ZodType>;

export const Comparison = z.strictObject({
  question: id,
  ...(Object.fromEntries(
    COMPARISON_OPERATORS.map((name) => [name, OPERAND[OPERATORS[name].operand].optional()]),
  ) as unknown as {
    [O in ComparisonOperator]: z.ZodOptional<z.ZodType<NonNullable<ComparisonType[O]>>>;
  }),
});
export type Comparison = ComparisonType;
export type Condition = ConditionType;
export { COMPARISON_OPERATORS };
export type { ComparisonOperator };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    Comparison.superRefine((c, ctx) => {
      const ops = COMPARISON_OPERATORS.filter((op) => c[op] !== undefined);
      if (ops.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: `a comparison has exactly one operator (${COMPARISON_OPERATORS.join(', ')}); found ${ops.length === 0 ? 'none' : ops.join(', ')}`,
        });
      }
    }),
  ]),
);

// ---------------------------------------------------------------------------------------------
// Questions

export const Option = z.strictObject({
  id,
  label: Text,
  help: Text.optional(),
});
export type Option = z.infer<typeof Option>;

export const Question = z
  .strictObject({
    id,
    kind: z.enum(QUESTION_KINDS),
    /** Core questions come first in the wizard, in file order. */
    core: z.boolean().optional(),
    /** Set by the engine (cost/benefit facts); never asked. */
    derived: z.boolean().optional(),
    text: Text,
    help: Text.optional(),
    sources: Sources.optional(),
    options: z.array(Option).optional(),
    /** `many`/`one` questions whose options are the parties of the contract. */
    options_from: z.literal('parties').optional(),
    /** Only asked (and only counted as open) when this holds. */
    ask_if: Condition.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === 'one' || q.kind === 'many';
    if (choice && !q.options && !q.options_from) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a "${q.kind}" question needs options or options_from`,
      });
    }
    if (!choice && (q.options || q.options_from)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a "${q.kind}" question has no options`,
      });
    }
  });
export type Question = z.infer<typeof Question>;

export const Party = z.strictObject({ id: z.enum(PARTIES), label: Text });

// ---------------------------------------------------------------------------------------------
// Effects: what a tree node adds to the advice when the walk passes it.

export const RouteAward = z.strictObject({
  route: id,
  /** 0..100; the fit follows from the ruleset's thresholds. */
  score: z.number().int().min(0).max(100),
  reason: Text,
  /** The questions whose answers caused this award (echoed with their values in the advice). */
  because: z.array(id).optional(),
  sources: Sources.min(1),
});
export type RouteAward = z.infer<typeof RouteAward>;

export const RouteAdjust = z.strictObject({
  route: id,
  /** Added to the route's score when the route is awarded elsewhere; clamped to 0..100. */
  add: z.number().int().min(-100).max(100),
  reason: Text,
  because: z.array(id).optional(),
  sources: Sources.min(1),
});
export type RouteAdjust = z.infer<typeof RouteAdjust>;

export const RouteExclusion = z.strictObject({
  route: id,
  why: Text,
  because: z.array(id).optional(),
  sources: Sources.min(1),
});
export type RouteExclusion = z.infer<typeof RouteExclusion>;

export const StakeholderDuty = z.strictObject({
  stakeholder: id,
  phase: z.enum(PHASES),
  why: Text,
  sources: Sources.min(1),
});
export type StakeholderDuty = z.infer<typeof StakeholderDuty>;

export const Effects = z.strictObject({
  routes: z.array(RouteAward).optional(),
  adjust: z.array(RouteAdjust).optional(),
  exclude: z.array(RouteExclusion).optional(),
  stakeholders: z.array(StakeholderDuty).optional(),
  warnings: z.array(id).optional(),
  bridge: z.array(id).optional(),
  arrangements: z.array(z.enum(ARRANGEMENTS)).optional(),
});
export type Effects = z.infer<typeof Effects>;

// ---------------------------------------------------------------------------------------------
// Trees

export const Case = z.strictObject({
  /** Option ids of the switch question (for a boolean question: true / false). */
  when: z.array(z.union([z.string(), z.boolean()])).min(1),
  next: id,
});

export const Node = z
  .strictObject({
    id,
    note: z.string().optional(),
    effects: Effects.optional(),
    // exactly one of the following five shapes
    next: id.optional(),
    end: z.literal(true).optional(),
    switch: id.optional(),
    cases: z.array(Case).optional(),
    otherwise: id.optional(),
    unanswered: id.optional(),
    if: Condition.optional(),
    then: id.optional(),
    else: id.optional(),
    unknown: id.optional(),
    sequence: z.array(id).min(1).optional(),
  })
  .superRefine((n, ctx) => {
    const shapes = [
      n.next !== undefined && 'next',
      n.end !== undefined && 'end',
      n.switch !== undefined && 'switch',
      n.if !== undefined && 'if',
      n.sequence !== undefined && 'sequence',
    ].filter(Boolean);
    if (shapes.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a node has exactly one of next, end, switch, if, sequence; found ${shapes.length === 0 ? 'none' : shapes.join(', ')}`,
      });
      return;
    }
    const need = (cond: boolean, key: string, msg: string) => {
      if (cond) ctx.addIssue({ code: 'custom', path: [key], message: msg });
    };
    need(n.switch !== undefined && !n.cases, 'cases', 'a switch node needs cases');
    need(n.switch === undefined && n.cases !== undefined, 'cases', 'cases belong to a switch node');
    need(
      n.switch === undefined && n.otherwise !== undefined,
      'otherwise',
      'otherwise belongs to a switch node',
    );
    need(n.if !== undefined && !n.then, 'then', 'an if node needs then');
    need(n.if !== undefined && !n.else, 'else', 'an if node needs else');
    need(n.if === undefined && n.then !== undefined, 'then', 'then belongs to an if node');
    need(n.if === undefined && n.else !== undefined, 'else', 'else belongs to an if node');
    need(n.if === undefined && n.unknown !== undefined, 'unknown', 'unknown belongs to an if node');
    need(
      n.switch === undefined && n.unanswered !== undefined,
      'unanswered',
      'unanswered belongs to a switch node',
    );
  });
export type Node = z.infer<typeof Node>;

const FileHeader = {
  /** Date the content was last checked against its sources. */
  last_reviewed: isoDate,
};

export const TreeFile = z.strictObject({
  kind: z.literal('tree'),
  ...FileHeader,
  family: z.enum(TREE_FAMILIES),
  title: Text,
  description: Text.optional(),
  /** Follow-up questions this tree asks; core questions live in the questions file. */
  questions: z.array(Question).optional(),
  /** The first node is the root. */
  nodes: z.array(Node).min(1),
});
export type TreeFile = z.infer<typeof TreeFile>;

// ---------------------------------------------------------------------------------------------
// Registries

export const RouteStakeholder = z.strictObject({
  stakeholder: id,
  phase: z.enum(PHASES),
  role: Text,
  sources: Sources.min(1),
});

export const Route = z.strictObject({
  id,
  title: Text,
  summary: Text,
  who_decides: Text.optional(),
  steps: z.array(Text).min(1),
  evidence: z.array(Text).optional(),
  pitfalls: z.array(Text).optional(),
  stakeholders: z.array(RouteStakeholder).optional(),
  sources: Sources.min(1),
  ...Verify,
  ...Validity,
});
export type Route = z.infer<typeof Route>;

export const RoutesFile = z.strictObject({
  kind: z.literal('routes'),
  ...FileHeader,
  routes: z.array(Route).min(1),
});

/**
 * How to reach a stakeholder: the desk, team or role to ask for, and the organisation's own site
 * only where it is certain (never for a generic party such as "a health insurer"; say in `ask`
 * how to find the right one instead).
 */
export const Contact = z.strictObject({
  ask: Text,
  site: WebAddress.optional(),
  sources: Sources.min(1),
  ...Verify,
});
export type Contact = z.infer<typeof Contact>;

export const Stakeholder = z.strictObject({
  id,
  name: Text,
  role: Text,
  when: Text.optional(),
  bring: z.array(Text).optional(),
  contact: Contact.optional(),
  sources: Sources.min(1),
  ...Verify,
});
export type Stakeholder = z.infer<typeof Stakeholder>;

export const StakeholdersFile = z.strictObject({
  kind: z.literal('stakeholders'),
  ...FileHeader,
  stakeholders: z.array(Stakeholder).min(1),
});

export const Source = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/),
  title: z.string().min(1),
  publisher: z.string().optional(),
  year: z.number().int().optional(),
  /** For documents outside seeds: where to find the official text. Not fetched. */
  url: WebAddress.optional(),
  /** A seed file: citations with line numbers are checked against it when the seeds are present. */
  seed: z.boolean().optional(),
});
export type Source = z.infer<typeof Source>;

export const SourcesFile = z.strictObject({
  kind: z.literal('sources'),
  ...FileHeader,
  sources: z.array(Source).min(1),
});

export const Warning = z.strictObject({
  id,
  text: Text,
  sources: Sources.min(1),
  ...Verify,
  ...Validity,
});
export type Warning = z.infer<typeof Warning>;

export const WarningsFile = z.strictObject({
  kind: z.literal('warnings'),
  ...FileHeader,
  warnings: z.array(Warning).min(1),
});

export const Bridge = z.strictObject({
  id,
  title: Text,
  why: Text,
  /** The structural route families the bridge leads to. */
  leads_to: z.array(z.enum(FAMILIES)).optional(),
  sources: Sources.min(1),
  ...Verify,
  ...Validity,
});
export type Bridge = z.infer<typeof Bridge>;

export const BridgeFile = z.strictObject({
  kind: z.literal('bridge'),
  ...FileHeader,
  bridge: z.array(Bridge).min(1),
});

/** The help of the generated amount questions: cost_<party> and benefit_<party>. */
export const AmountHelp = z.strictObject({
  /** The help of every cost_<party> question: what counts as a cost, with an example amount. */
  cost: Text,
  /** The help of every benefit_<party> question: what counts as a saving, with an example. */
  benefit: Text,
  sources: Sources.optional(),
});
export type AmountHelp = z.infer<typeof AmountHelp>;

export const QuestionsFile = z.strictObject({
  kind: z.literal('questions'),
  ...FileHeader,
  parties: z.array(Party).optional(),
  amount_help: AmountHelp.optional(),
  questions: z.array(Question).min(1),
});

export const RulesetFile = z.strictObject({
  kind: z.literal('ruleset'),
  ...FileHeader,
  name: z.string().min(1),
  /** Semantic version of the rule content. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as 1.0.0'),
  /** Score thresholds that turn a route's score into its fit. */
  fit: z
    .strictObject({
      strong: z.number().int().min(0).max(100),
      possible: z.number().int().min(0).max(100),
    })
    .refine((f) => f.strong > f.possible, 'strong must be above possible'),
  disclaimer: Text,
});
export type RulesetFile = z.infer<typeof RulesetFile>;

// ---------------------------------------------------------------------------------------------
// Test cases (kept in rules/tests/, run by `innoroute test`)

const AnswerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const TestCase = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  sources: Sources.optional(),
  as_of: isoDate.optional(),
  answers: z.record(z.string(), AnswerValue),
  expect: z.strictObject({
    top_route: id.optional(),
    top_family: z.enum(FAMILIES).optional(),
    routes: z.array(id).optional(),
    fit: z.record(z.string(), z.enum(FITS)).optional(),
    excluded: z.array(id).optional(),
    not_routes: z.array(id).optional(),
    stakeholders: z.array(id).optional(),
    not_stakeholders: z.array(id).optional(),
    warnings: z.array(id).optional(),
    not_warnings: z.array(id).optional(),
    bridge: z.array(id).optional(),
    not_bridge: z.array(id).optional(),
    open_questions: z.array(id).optional(),
    not_open_questions: z.array(id).optional(),
    cost_benefit: z
      .strictObject({
        wrong_pocket: z.boolean().optional(),
        total: z.number().optional(),
        arrangements: z.array(z.enum(ARRANGEMENTS)).optional(),
        transfers: z
          .array(z.strictObject({ from: z.string(), to: z.string(), amount: z.number() }))
          .optional(),
        none: z.boolean().optional(),
      })
      .optional(),
  }),
});
export type TestCase = z.infer<typeof TestCase>;

export const TestsFile = z.strictObject({
  kind: z.literal('tests'),
  ...FileHeader,
  cases: z.array(TestCase).min(1),
});

export const FILE_KINDS = {
  ruleset: RulesetFile,
  questions: QuestionsFile,
  tree: TreeFile,
  routes: RoutesFile,
  stakeholders: StakeholdersFile,
  sources: SourcesFile,
  warnings: WarningsFile,
  bridge: BridgeFile,
  tests: TestsFile,
} as const;
export type FileKind = keyof typeof FILE_KINDS;
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as FileKind[];
