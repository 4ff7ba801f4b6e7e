// Static checks of a compiled rule set, the way a linter checks code. Pure: the rule set and the
// options in, Findings (located by Origin) out; io turns them into file:line:col. Every check is
// linear in the size of the rule set (indexed maps, iterative graph walks), so that a rule set of
// tens of thousands of nodes validates in well under a second or two.
import { parseAnswer } from './answers.ts';
import type { Finding } from './diagnostics.ts';
import type { Origin, RuleSet, Tree, TreeNode } from './ruleset.ts';
import { checkCondition, checkSwitch } from './lint/conditions.ts';
import type { LintOptions } from './lint/context.ts';
import { LintContext, sub } from './lint/context.ts';
import { checkTreeGraph } from './lint/graph.ts';
import {
  checkBridgeRef,
  checkCitations,
  checkQuestionRefs,
  checkRegistries,
  checkRouteFamily,
  checkRouteRef,
  checkStakeholderRef,
  checkWarningRef,
  isExpired,
} from './lint/references.ts';

export type { LintOptions } from './lint/context.ts';

/** How long a file may go unreviewed before `validate` warns. */
export const REVIEW_MONTHS = 18;

export function lint(rules: RuleSet, options: LintOptions): Finding[] {
  const ctx = new LintContext(rules, options);
  checkRegistries(ctx);
  checkQuestions(ctx);
  for (const tree of rules.trees) checkTree(ctx, tree);
  checkTests(ctx);
  checkReviewDates(ctx);
  return ctx.findings;
}

function checkQuestions(ctx: LintContext): void {
  for (const q of ctx.rules.questions.values()) {
    // the generated cost_/benefit_ questions have no file to point at; their condition is the
    // engine's, not the rule author's
    if (q.owner === 'parties') continue;
    checkCitations(ctx, q.sources, sub(q.origin, 'sources'));
    if (q.ask_if) checkCondition(ctx, q.ask_if, sub(q.origin, 'ask_if'));
  }
}

function checkTree(ctx: LintContext, tree: Tree): void {
  const { reachable } = checkTreeGraph(ctx, tree);
  tree.nodeOrder.forEach((id, i) => {
    const node = tree.nodes.get(id)!;
    if (node.if) checkCondition(ctx, node.if, sub(node.origin, 'if'));
    checkSwitch(ctx, node);
    checkEffects(ctx, tree, node, reachable[i] ?? false);
  });
}

function checkEffects(ctx: LintContext, tree: Tree, node: TreeNode, reachable: boolean): void {
  const e = node.effects;
  if (!e) return;
  const o = sub(node.origin, 'effects');
  const { asOf } = ctx.options;
  const expired = (origin: Origin, what: string, id: string, until: string | undefined) =>
    ctx.warn(
      origin,
      'expired-reachable',
      `${what} "${id}" expired on ${until} (valid_until) but the ${tree.family} tree still reaches it at ${asOf}; from then on it is not advised: drop the reference once it helps no one, or correct the dates`,
    );

  e.routes?.forEach((award, k) => {
    const at = sub(o, 'routes', k);
    const route = checkRouteRef(ctx, award.route, sub(at, 'route'));
    checkRouteFamily(ctx, tree.family, award.route, sub(at, 'route'), 'awards');
    if (route && reachable && isExpired(route, asOf)) {
      expired(sub(at, 'route'), 'route', route.id, route.valid_until);
    }
    checkQuestionRefs(ctx, award.because, sub(at, 'because'));
    checkCitations(ctx, award.sources, sub(at, 'sources'));
  });
  e.adjust?.forEach((adj, k) => {
    const at = sub(o, 'adjust', k);
    checkRouteRef(ctx, adj.route, sub(at, 'route'));
    checkRouteFamily(ctx, tree.family, adj.route, sub(at, 'route'), 'adjusts');
    checkQuestionRefs(ctx, adj.because, sub(at, 'because'));
    checkCitations(ctx, adj.sources, sub(at, 'sources'));
  });
  e.exclude?.forEach((ex, k) => {
    const at = sub(o, 'exclude', k);
    checkRouteRef(ctx, ex.route, sub(at, 'route'));
    checkQuestionRefs(ctx, ex.because, sub(at, 'because'));
    checkCitations(ctx, ex.sources, sub(at, 'sources'));
  });
  e.stakeholders?.forEach((duty, k) => {
    const at = sub(o, 'stakeholders', k);
    checkStakeholderRef(ctx, duty.stakeholder, sub(at, 'stakeholder'));
    checkCitations(ctx, duty.sources, sub(at, 'sources'));
  });
  e.warnings?.forEach((id, k) => {
    const at = sub(o, 'warnings', k);
    const w = checkWarningRef(ctx, id, at) ? ctx.rules.warnings.get(id) : undefined;
    if (w && reachable && isExpired(w, asOf)) expired(at, 'warning', id, w.valid_until);
  });
  e.bridge?.forEach((id, k) => {
    const at = sub(o, 'bridge', k);
    const b = checkBridgeRef(ctx, id, at) ? ctx.rules.bridge.get(id) : undefined;
    if (b && reachable && isExpired(b, asOf)) expired(at, 'bridge item', id, b.valid_until);
  });
}

function checkTests(ctx: LintContext): void {
  const { rules } = ctx;
  for (const file of rules.tests) {
    for (const c of file.cases) {
      checkCitations(ctx, c.sources, sub(c.origin, 'sources'));
      checkTestAnswers(ctx, c.answers, sub(c.origin, 'answers'));
      const x = c.expect;
      const e = sub(c.origin, 'expect');
      const routes = (ids: readonly string[] | undefined, key: string) =>
        ids?.forEach((id, i) => checkRouteRef(ctx, id, sub(e, key, i)));
      if (x.top_route !== undefined) checkRouteRef(ctx, x.top_route, sub(e, 'top_route'));
      routes(x.routes, 'routes');
      routes(x.not_routes, 'not_routes');
      routes(x.excluded, 'excluded');
      for (const id of Object.keys(x.fit ?? {})) checkRouteRef(ctx, id, sub(e, 'fit', id));
      for (const key of ['stakeholders', 'not_stakeholders'] as const) {
        x[key]?.forEach((id, i) => checkStakeholderRef(ctx, id, sub(e, key, i)));
      }
      for (const key of ['warnings', 'not_warnings'] as const) {
        x[key]?.forEach((id, i) => checkWarningRef(ctx, id, sub(e, key, i)));
      }
      for (const key of ['bridge', 'not_bridge'] as const) {
        x[key]?.forEach((id, i) => checkBridgeRef(ctx, id, sub(e, key, i)));
      }
      checkQuestionRefs(ctx, x.open_questions, sub(e, 'open_questions'));
      checkQuestionRefs(ctx, x.not_open_questions, sub(e, 'not_open_questions'));
    }
  }
}

/**
 * A test case's answers go through the same normalisation as an answers file. Unlike in an
 * answers file, an unknown question, a derived fact or a value its question cannot take is an
 * error: the case would test something else than it says, and `innoroute test` fails it too.
 */
function checkTestAnswers(
  ctx: LintContext,
  answers: Readonly<Record<string, unknown>>,
  origin: Origin,
): void {
  for (const key of Object.keys(answers)) {
    const q = ctx.rules.questions.get(key) ?? ctx.rules.questions.get(key.trim().toLowerCase());
    if (!q) {
      ctx.error(
        sub(origin, key),
        'unknown-question',
        `question "${key}" does not exist${ctx.hint(key, ctx.rules.questions.keys())}`,
        true,
      );
      continue;
    }
    if (q.derived) {
      ctx.error(
        sub(origin, key),
        'invalid-answer',
        `"${key}" is computed by innoroute, not answered: remove it from the case`,
        true,
      );
      continue;
    }
    const parsed = parseAnswer(q, answers[key]);
    if ('problem' in parsed) {
      ctx.error(sub(origin, key), 'invalid-answer', parsed.problem.message);
    }
  }
}

/** The date `months` months before `date` (YYYY-MM-DD), the day clamped to the month's end. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function checkReviewDates(ctx: LintContext): void {
  const { asOf } = ctx.options;
  const limit = monthsBefore(asOf, REVIEW_MONTHS);
  for (const { file, date } of ctx.rules.reviewed) {
    if (date < limit) {
      ctx.warn(
        { file, path: ['last_reviewed'] },
        'stale-review',
        `last reviewed on ${date}, more than ${REVIEW_MONTHS} months before ${asOf}: check the file against its sources and update last_reviewed`,
      );
    }
  }
}
