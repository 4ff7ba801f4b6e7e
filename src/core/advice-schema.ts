// The Advice JSON of docs/interface.md (JSON) as a zod schema, for property tests and the test
// runner: every advice the engine produces must pass it. Strict objects, so that a field the
// engine emits but the contract (or advice.ts) does not know is caught; when you add an optional
// field to advice.ts, add it here too. Beyond the shapes it checks the invariants a consumer may
// rely on: routes best first, scores 0..100, whole euros, net = benefit − cost, total = Σ net,
// transfers only with a positive total, unique ids in every list.
import { z } from 'zod';
import { ARRANGEMENTS, FAMILIES, FITS, PHASES, WEB_ADDRESS } from './schema.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/);
const citation = z.string().min(1);
const euro = z.number().int();

export const AnswerValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
]);

export const ReasonSchema = z.strictObject({
  text: z.string().min(1),
  because: z.record(z.string(), AnswerValueSchema),
  sources: z.array(citation),
});

export const AdvisedRouteSchema = z.strictObject({
  id,
  family: z.enum(FAMILIES),
  fit: z.enum(FITS),
  score: z.number().int().min(0).max(100),
  title: z.string().min(1),
  summary: z.string().optional(),
  whoDecides: z.string().optional(),
  reasons: z.array(ReasonSchema),
  steps: z.array(z.string()),
  evidence: z.array(z.string()),
  pitfalls: z.array(z.string()).optional(),
  sources: z.array(citation).optional(),
  verify: z.boolean(),
  verifyNote: z.string().optional(),
});

export const ExcludedRouteSchema = z.strictObject({
  id,
  family: z.enum(FAMILIES),
  title: z.string().optional(),
  why: z.string().min(1),
  because: z.record(z.string(), AnswerValueSchema).optional(),
  sources: z.array(citation).optional(),
});

export const StakeholderItemSchema = z.strictObject({
  id,
  name: z.string().min(1),
  phase: z.enum(PHASES),
  when: z.enum(['now', 'next', 'later']).optional(),
  why: z.string().min(1),
  bring: z.array(z.string()).optional(),
  sources: z.array(citation).optional(),
  contact: z
    .strictObject({ ask: z.string().min(1), site: z.string().regex(WEB_ADDRESS).optional() })
    .optional(),
});

export const CostBenefitSchema = z
  .strictObject({
    parties: z
      .array(z.strictObject({ party: z.string(), cost: euro, benefit: euro, net: euro }))
      .min(1),
    total: euro,
    wrongPocket: z.boolean(),
    transfers: z.array(z.strictObject({ from: z.string(), to: z.string(), amount: euro.min(1) })),
    arrangements: z.array(z.enum(ARRANGEMENTS)),
  })
  .superRefine((cb, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    let sum = 0;
    for (const p of cb.parties) {
      if (p.net !== p.benefit - p.cost) issue(`net of ${p.party} is not benefit − cost`);
      sum += p.net;
    }
    if (sum !== cb.total) issue('total is not the sum of the nets');
    const losers = cb.parties.some((p) => p.net < 0);
    if (cb.wrongPocket !== (cb.total > 0 && losers)) {
      issue('wrongPocket must be true exactly when some net < 0 and the total > 0');
    }
    if (cb.total <= 0 && cb.transfers.length > 0)
      issue('no transfers when the total is not positive');
    const after = new Map(cb.parties.map((p) => [p.party, p.net]));
    for (const t of cb.transfers) {
      if (!after.has(t.from) || !after.has(t.to)) issue(`transfer between unlisted parties`);
      after.set(t.from, (after.get(t.from) ?? 0) - t.amount);
      after.set(t.to, (after.get(t.to) ?? 0) + t.amount);
    }
    if (cb.wrongPocket && [...after.values()].some((v) => v < 0)) {
      issue('after the transfers a party is still below zero');
    }
  });

export const BridgeItemSchema = z.strictObject({
  id,
  title: z.string().min(1),
  why: z.string().min(1),
  leadsTo: z.array(z.enum(FAMILIES)).optional(),
  sources: z.array(citation).optional(),
  verify: z.boolean().optional(),
  verifyNote: z.string().optional(),
});

export const WarningItemSchema = z.strictObject({
  id,
  text: z.string().min(1),
  sources: z.array(citation).optional(),
  verify: z.boolean().optional(),
  verifyNote: z.string().optional(),
});

const unique = <T extends z.ZodType>(item: T, key: (x: z.infer<T>) => string, what: string) =>
  z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const x of list) {
      const k = key(x);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `${what} "${k}" is listed twice` });
      seen.add(k);
    }
  });

export const AdviceSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    ruleset: z.strictObject({
      version: z.string().min(1),
      hash: z.string().min(1),
      asOf: z.string(),
    }),
    input: z.record(z.string(), z.string()),
    routes: unique(AdvisedRouteSchema, (r) => r.id, 'route'),
    excluded: unique(ExcludedRouteSchema, (r) => r.id, 'excluded route'),
    stakeholders: unique(StakeholderItemSchema, (s) => s.id, 'stakeholder'),
    costBenefit: CostBenefitSchema.nullable(),
    bridgeFunding: unique(BridgeItemSchema, (b) => b.id, 'bridge item'),
    warnings: unique(WarningItemSchema, (w) => w.id, 'warning'),
    openQuestions: unique(id, (q) => q, 'open question'),
    arrangements: z.array(z.enum(ARRANGEMENTS)).optional(),
  })
  .superRefine((a, ctx) => {
    for (let i = 1; i < a.routes.length; i++) {
      if (a.routes[i]!.score > a.routes[i - 1]!.score) {
        ctx.addIssue({ code: 'custom', path: ['routes', i], message: 'routes are not best first' });
      }
    }
    const advised = new Set(a.routes.map((r) => r.id));
    for (const x of a.excluded) {
      if (advised.has(x.id)) {
        ctx.addIssue({ code: 'custom', message: `route "${x.id}" is both advised and excluded` });
      }
    }
    const phases = a.stakeholders.map((s) => PHASES.indexOf(s.phase));
    for (let i = 1; i < phases.length; i++) {
      if (phases[i]! < phases[i - 1]!) {
        ctx.addIssue({
          code: 'custom',
          path: ['stakeholders', i],
          message: 'not ordered by phase',
        });
      }
    }
  });

export type AdviceJson = z.infer<typeof AdviceSchema>;
