import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  awardedRoutes,
  computeCoverage,
  traceFacts,
  treeBranches,
} from '../../src/core/coverage.ts';
import type { TraceEvent } from '../../src/core/coverage.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { readRuleSet } from '../../src/io/compile-rules.ts';

const basic = fileURLToPath(new URL('../fixtures/runner/basic', import.meta.url));

function load(dir: string): RuleSet {
  const { rules, diagnostics } = readRuleSet(dir);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return rules!;
}

const tree = (rules: RuleSet, family: string) => rules.trees.find((t) => t.family === family)!;

/** The trace of one tree's walk over these facts. */
function walkTree(rules: RuleSet, family: string, facts: Record<string, unknown>): TraceEvent[] {
  return traceFacts(rules, facts as never).filter((e) => e.family === family);
}

const full = {
  innovation_type: 'device',
  treatment_relation: true,
  goal: ['daily_living_support'],
  willingness_to_pay: 'high',
  cb_wrong_pocket: true,
};

describe('treeBranches', () => {
  it('counts every case, otherwise, unanswered, then/else/unknown, sequence item and next', () => {
    const rules = load(basic);
    expect(treeBranches(tree(rules, 'zvw')).map((b) => `${b.node}:${b.key}`)).toEqual([
      'start:case:0',
      'start:case:1',
      'start:case:2',
      'start:unanswered',
      'device:next',
      'relation:then',
      'relation:else',
      'relation:unknown',
      'prestatie:next',
      'self-care:next',
      'maybe:next',
    ]);
    expect(treeBranches(tree(rules, 'wmo')).map((b) => `${b.node}:${b.key}`)).toEqual([
      'start:then',
      'start:else',
      'both:sequence:0',
      'both:sequence:1',
      'support:next',
      'funds:next',
    ]);
    const [first] = treeBranches(tree(rules, 'zvw'));
    expect(first!.label).toBe('case [device] → device');
    expect(first!.origin).toEqual({ file: 'trees/zvw.yaml', path: ['nodes', 0, 'cases', 0] });
  });
});

describe('the trace of the walk', () => {
  it('follows the answered case, the if outcome and each sequence item', () => {
    const rules = load(basic);
    const events = walkTree(rules, 'zvw', full);
    expect(events.map((e) => (e.branch ? `${e.node}->${e.branch}` : e.node))).toEqual([
      'start',
      'start->case:0',
      'device',
      'device->next',
      'relation',
      'relation->then',
      'prestatie',
      'prestatie->next',
      'done',
    ]);
    const wmo = walkTree(rules, 'wmo', full).map((e) =>
      e.branch ? `${e.node}->${e.branch}` : e.node,
    );
    expect(wmo).toEqual([
      'start',
      'start->then',
      'both',
      'both->sequence:0',
      'support',
      'support->next',
      'done',
      'both->sequence:1',
      'funds',
      'funds->next',
      // done was entered once already: the branch to it is taken, the node not entered again
    ]);
  });

  it('takes unanswered / unknown when given, and stops where they are missing', () => {
    const rules = load(basic);
    const events = traceFacts(rules, {});
    const seen = events.map((e) => `${e.family}:${e.branch ? `${e.node}->${e.branch}` : e.node}`);
    expect(seen).toEqual([
      'zvw:start',
      'zvw:start->unanswered',
      'zvw:relation',
      'zvw:relation->unknown',
      'zvw:maybe',
      'zvw:maybe->next',
      'zvw:done',
      'wmo:start',
      'consumer:start',
      'cost-benefit:start',
    ]);
    expect(awardedRoutes(rules, events)).toEqual(['zvw.existing-prestatie']);
  });

  it('takes otherwise when no case holds the answer', () => {
    const rules = load(basic);
    const events = walkTree(rules, 'consumer', { willingness_to_pay: 'low' });
    expect(events.filter((e) => e.branch).map((e) => e.branch)).toEqual(['otherwise']);
  });
});

describe('computeCoverage', () => {
  it('counts nodes, branches and routes reached over all walks, and lists what is not', () => {
    const rules = load(basic);
    const coverage = computeCoverage(rules, [
      traceFacts(rules, full as never),
      traceFacts(rules, {}),
    ]);
    const zvw = coverage.trees.find((t) => t.family === 'zvw')!;
    expect(zvw.nodes).toMatchObject({ reached: 6, total: 7 });
    expect(zvw.branches).toMatchObject({ reached: 7, total: 11 });
    expect(zvw.routes).toMatchObject({ reached: 2, total: 3 });
    expect(zvw.missedNodes.map((n) => n.node)).toEqual(['self-care']);
    expect(zvw.missedBranches.map((b) => `${b.node}:${b.key}`)).toEqual([
      'start:case:1',
      'start:case:2',
      'relation:else',
      'self-care:next',
    ]);
    expect(zvw.missedRoutes).toEqual([
      {
        route: 'zvw.facultatieve-prestatie',
        origin: { file: 'trees/zvw.yaml', path: ['nodes', 4, 'effects', 'routes', 0] },
      },
    ]);
    expect(zvw.awarded).toEqual(['zvw.hulpmiddelenzorg', 'zvw.existing-prestatie']);

    const byFamily = Object.fromEntries(
      coverage.trees.map((t) => [
        t.family,
        [t.nodes.reached, t.nodes.total, t.branches.reached, t.branches.total],
      ]),
    );
    expect(byFamily).toEqual({
      zvw: [6, 7, 7, 11],
      wmo: [5, 5, 5, 6],
      consumer: [3, 3, 2, 3],
      'cost-benefit': [3, 3, 2, 3],
    });
    expect(coverage.branches).toEqual({ reached: 16, total: 23, percent: (16 / 23) * 100 });
    expect(coverage.nodes).toMatchObject({ reached: 17, total: 18 });
    expect(coverage.routes).toMatchObject({ reached: 4, total: 5 });
    expect(coverage.unawardable.map((r) => r.route)).toEqual([
      'zvw.veelbelovende-zorg',
      'zvw.package-question',
    ]);
    expect(coverage.walks).toBe(2);
  });

  it('is 100% of nothing when there are no branches, and 0% with no walks', () => {
    const rules = load(basic);
    const none = computeCoverage(rules, []);
    expect(none.branches).toEqual({ reached: 0, total: 23, percent: 0 });
    expect(none.trees.every((t) => t.missedNodes.length === t.nodes.total)).toBe(true);
  });
});
