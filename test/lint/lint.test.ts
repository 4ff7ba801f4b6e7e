// The core lint on rule sets built in memory: the cases the fixtures do not show — very long
// chains, large cycles, dates at the boundary, and what is deliberately not reported.
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/core/compile.ts';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { lint, monthsBefore } from '../../src/core/lint.ts';
import type { RuleText } from '../../src/io/load.ts';
import { loadRuleTexts } from '../../src/io/load.ts';
import { AS_OF, baseTexts } from './helpers.ts';

/** A tree file written as JSON (which YAML reads as it is). */
function treeText(family: string, nodes: unknown[]): string {
  return `# yaml-language-server: $schema=x\n${JSON.stringify({
    kind: 'tree',
    family,
    last_reviewed: '2026-11-01',
    title: { nl: 'Boom', en: 'Tree' },
    nodes,
  })}\n`;
}

function check(extra: RuleText[], asOf = AS_OF): Diagnostic[] {
  const loaded = loadRuleTexts([...baseTexts(), ...extra]);
  expect(loaded.diagnostics).toEqual([]);
  const { rules, findings } = compileRuleSet(loaded.files, loaded.hash);
  expect(findings).toEqual([]);
  return lint(rules!, { asOf }).map(loaded.locate);
}

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);

describe('monthsBefore', () => {
  it('counts back calendar months, clamping the day to the month', () => {
    expect(monthsBefore('2026-11-27', 18)).toBe('2025-05-27');
    expect(monthsBefore('2026-08-31', 18)).toBe('2025-02-28');
    expect(monthsBefore('2025-08-29', 18)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 18)).toBe('2024-07-15');
    expect(monthsBefore('2026-06-30', 6)).toBe('2025-12-30');
  });
});

describe('long and large trees', () => {
  const N = 30_000;

  it('a chain of 30,000 nodes: no stack overflow, nothing to report', () => {
    const nodes = Array.from({ length: N }, (_, i) =>
      i === N - 1 ? { id: `n${i}`, end: true } : { id: `n${i}`, next: `n${i + 1}` },
    );
    // how fast is the bench's business (npm run bench: validate 20,000 nodes); this pins behaviour
    expect(check([{ file: 'trees/wlz.yaml', text: treeText('wlz', nodes) }])).toEqual([]);
  });

  it('a cycle through 30,000 nodes is one finding, its path shortened', () => {
    const nodes = Array.from({ length: N }, (_, i) => ({
      id: `n${i}`,
      next: `n${(i + 1) % N}`,
    }));
    const found = check([{ file: 'trees/wlz.yaml', text: treeText('wlz', nodes) }]);
    expect(codes(found)).toEqual(['cycle']);
    expect(found[0]!.message).toMatch(
      /^nodes form a cycle: "n0" → "n1" → .* → "n9" → … → "n0"; .*no node of the cycle leads to an end/,
    );
  });

  it('a long chain ending in a dangling next: one finding, not one per node upstream', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({
      id: `n${i}`,
      next: i === 4999 ? 'missing' : `n${i + 1}`,
    }));
    const found = check([{ file: 'trees/wlz.yaml', text: treeText('wlz', nodes) }]);
    expect(codes(found)).toEqual(['dangling-reference']);
  });
});

describe('many broken references', () => {
  // how long validate takes on large rule sets is `npm run bench -- validate`'s to measure; 2,000
  // references against 2,000 nodes are twenty times the comparisons the hints may spend
  // (HINT_BUDGET in src/core/lint/context.ts), enough to show that they stop
  it('2,000 dangling references are all reported (hints only for the first)', () => {
    const n = 2_000;
    const nodes = Array.from({ length: n }, (_, i) =>
      i === n - 1
        ? { id: `n${i}`, end: true }
        : {
            id: `n${i}`,
            if: { question: 'treatment_relation', equals: true },
            then: `n${i + 1}`,
            else: `gone${i}`,
          },
    );
    const found = check([{ file: 'trees/wlz.yaml', text: treeText('wlz', nodes) }]);
    expect(found).toHaveLength(n - 1);
    expect(new Set(codes(found))).toEqual(new Set(['dangling-reference']));
    expect(found.filter((d) => d.message.includes('did you mean')).length).toBeLessThanOrEqual(20);
  });
});

describe('reachability and outcomes', () => {
  it('sequence items are reachable, and a sequence reaches an end only when all items do', () => {
    const found = check([
      {
        file: 'trees/wlz.yaml',
        text: treeText('wlz', [
          { id: 'start', sequence: ['a', 'b'] },
          { id: 'a', end: true },
          { id: 'b', switch: 'innovation_type', cases: [], unanswered: 'c' },
          { id: 'c', switch: 'treatment_relation', cases: [] },
        ]),
      },
    ]);
    // b has a way on (unanswered) but it leads to c, which has none: only c is the cause
    expect(found.map((d) => `${d.code} ${d.line}`).sort()).toEqual(
      ['no-outcome 2', 'switch-gap 2', 'switch-gap 2'].sort(),
    );
    expect(found.find((d) => d.code === 'no-outcome')!.message).toMatch(/node "c" leads nowhere/);
  });

  it('an expired instrument that no walk reaches is only unreachable, not expired-reachable', () => {
    const found = check(
      [
        {
          file: 'trees/wlz.yaml',
          text: treeText('wlz', [
            { id: 'start', end: true },
            { id: 'orphan', effects: { bridge: ['stoz'] }, next: 'start' },
          ]),
        },
      ],
      '2026-11-27',
    );
    expect(codes(found)).toEqual(['unreachable-node']);
  });
});

describe('families', () => {
  it.each(['cost-benefit', 'preconditions'])(
    'the %s tree may exclude a route but not award or adjust one',
    (family) => {
      const reason = { nl: 'Reden.', en: 'Reason.' };
      const found = check([
        {
          file: `trees/${family}.yaml`,
          text: treeText(family, [
            {
              id: 'start',
              effects: {
                routes: [
                  { route: 'zvw.existing-prestatie', score: 10, reason, sources: ['nza-regels'] },
                ],
                adjust: [
                  { route: 'zvw.existing-prestatie', add: -5, reason, sources: ['nza-regels'] },
                ],
                exclude: [
                  { route: 'zvw.facultatieve-prestatie', why: reason, sources: ['nza-regels'] },
                ],
                arrangements: ['shared-savings'],
              },
              next: 'done',
            },
            { id: 'done', end: true },
          ]),
        },
      ]);
      expect(codes(found)).toEqual(['family-mismatch', 'family-mismatch']);
      expect(found[0]!.message).toMatch(
        new RegExp(
          `^the ${family} tree awards .*routes are awarded and adjusted by the tree of their own family`,
        ),
      );
    },
  );
});

describe('what is not the rule author’s', () => {
  it('the generated cost_/benefit_ questions are not linted', () => {
    // base has has_figures and cost_bearers; drop has_figures: the generated questions' ask_if
    // then names a question that does not exist, which is the engine's business, not a file's
    const texts = baseTexts().map((t) =>
      t.file === 'questions.yaml'
        ? {
            ...t,
            text: t.text
              .replace(/ {2}- id: has_figures\n(?: {4}.*\n)+/, '')
              .replace('ask_if: { question: has_figures, equals: true }', 'core: false'),
          }
        : t,
    );
    const loaded = loadRuleTexts(texts);
    expect(loaded.diagnostics).toEqual([]);
    const { rules } = compileRuleSet(loaded.files, loaded.hash);
    expect(rules!.questions.has('cost_hospital')).toBe(true);
    expect(lint(rules!, { asOf: AS_OF })).toEqual([]);
  });
});
