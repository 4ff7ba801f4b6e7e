// Running the rule test cases (`kind: tests`): each case's answers go through normalizeAnswers
// exactly like an answers file, the advice comes from the same `evaluate` every command uses, and
// every expectation is compared with the advice. Pure: the evaluator is passed in, nothing is read
// or written, and the results are deterministic (no timings).
import type { AnswerProblem } from './answers.ts';
import { normalizeAnswers } from './answers.ts';
import type { Advice, Answers, EvaluateOptions, Lang, Transfer } from './advice.ts';
import type { Origin, RuleSet, TestFile, WithOrigin } from './ruleset.ts';
import type { TestCase } from './schema.ts';

export type Evaluate = (rules: RuleSet, answers: Answers, options: EvaluateOptions) => Advice;

/** One expectation that did not hold. `expected` and `actual` are short, human-readable. */
export interface CaseFailure {
  /** The expectation: `top_route`, `fit.zvw.hulpmiddelenzorg`, `cost_benefit.total`, `answers.goal`, … */
  readonly expectation: string;
  readonly expected: string;
  readonly actual: string;
  /** Where the expectation (or the offending answer) is written. */
  readonly origin: Origin;
}

export type CaseStatus = 'passed' | 'failed';

export interface CaseResult {
  readonly name: string;
  readonly file: string;
  readonly origin: Origin;
  readonly asOf: string;
  readonly status: CaseStatus;
  readonly failures: readonly CaseFailure[];
  /** The normalized answers, when they were valid (coverage walks them again). */
  readonly answers?: Answers;
  /** The advice, when the case could be evaluated. */
  readonly advice?: Advice;
}

export interface TestRun {
  readonly results: readonly CaseResult[];
  readonly passed: number;
  readonly failed: number;
}

export interface RunOptions {
  readonly evaluate: Evaluate;
  /** The default evaluation date; a case's `as_of` overrides it. */
  readonly asOf: string;
  readonly lang: Lang;
  /** Only cases whose name contains this text (case-insensitive). */
  readonly filter?: string;
}

export type LoadedCase = WithOrigin<TestCase> & { readonly file: string };

/** The cases of the rule set in file order, narrowed by `filter`. */
export function selectCases(
  files: readonly TestFile[],
  filter: string | undefined,
): readonly LoadedCase[] {
  const needle = filter?.trim().toLowerCase();
  return files.flatMap((f) =>
    f.cases
      .filter((c) => !needle || c.name.toLowerCase().includes(needle))
      .map((c) => ({ ...c, file: f.file })),
  );
}

export function runTests(rules: RuleSet, options: RunOptions): TestRun {
  const results = selectCases(rules.tests, options.filter).map((c) => runCase(rules, c, options));
  const passed = results.filter((r) => r.status === 'passed').length;
  return { results, passed, failed: results.length - passed };
}

export function runCase(
  rules: RuleSet,
  testCase: LoadedCase,
  options: Omit<RunOptions, 'filter'>,
): CaseResult {
  const asOf = testCase.as_of ?? options.asOf;
  const base = { name: testCase.name, file: testCase.file, origin: testCase.origin, asOf };
  const at = (...path: (string | number)[]): Origin => ({
    file: testCase.origin.file,
    path: [...testCase.origin.path, ...path],
  });

  // A test must be precise: an invalid value, an unknown question or a derived fact all fail.
  const { answers, problems } = normalizeAnswers(rules, testCase.answers);
  if (problems.length > 0) {
    return {
      ...base,
      status: 'failed',
      failures: problems.map((p) => answerFailure(p, at('answers', p.question))),
    };
  }

  let advice: Advice;
  try {
    advice = options.evaluate(rules, answers, { asOf, lang: options.lang });
  } catch (e) {
    return {
      ...base,
      status: 'failed',
      answers,
      failures: [
        {
          expectation: 'evaluate',
          expected: 'an advice',
          actual: `the engine failed: ${(e as Error)?.message ?? String(e)}`,
          origin: at('answers'),
        },
      ],
    };
  }

  const failures = checkExpectations(testCase.expect, advice, (...p) => at('expect', ...p));
  return {
    ...base,
    status: failures.length === 0 ? 'passed' : 'failed',
    failures,
    answers,
    advice,
  };
}

function answerFailure(p: AnswerProblem, origin: Origin): CaseFailure {
  const unknownQuestion = p.message.startsWith('unknown question');
  return {
    expectation: `answers.${p.question}`,
    expected: unknownQuestion
      ? `a question of the rule set${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}`
      : p.validOptions
        ? `one of: ${p.validOptions.join(', ')}`
        : 'a valid answer',
    actual: `${JSON.stringify(p.value)}: ${p.message}`,
    origin,
  };
}

// ---------------------------------------------------------------------------------------------
// Expectations

type Expect = TestCase['expect'];
type At = (...path: (string | number)[]) => Origin;

const NONE = '(none)';

function list(items: readonly string[]): string {
  return items.length === 0 ? NONE : items.join(', ');
}

function routeState(advice: Advice, id: string): string {
  const r = advice.routes.find((x) => x.id === id);
  if (r) return `advised, ${r.fit} (score ${r.score})`;
  const x = advice.excluded.find((e) => e.id === id);
  if (x) return `excluded: ${x.why}`;
  return 'not advised';
}

function advisedList(advice: Advice): string {
  return list(advice.routes.map((r) => `${r.id} (${r.fit} ${r.score})`));
}

function money(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function transferKey(t: Transfer): string {
  return `${t.from} → ${t.to}: ${money(t.amount)}`;
}

const sameAmount = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** Compares the expectations with the advice; one failure per expectation that does not hold. */
export function checkExpectations(expect: Expect, advice: Advice, at: At): CaseFailure[] {
  const failures: CaseFailure[] = [];
  const fail = (expectation: string, expected: string, actual: string, origin: Origin) =>
    failures.push({ expectation, expected, actual, origin });

  const top = advice.routes[0];
  if (expect.top_route !== undefined && top?.id !== expect.top_route) {
    fail(
      'top_route',
      expect.top_route,
      top
        ? `${top.id} (${top.fit} ${top.score}); ${expect.top_route} is ${routeState(advice, expect.top_route)}`
        : 'no route advised',
      at('top_route'),
    );
  }
  if (expect.top_family !== undefined && top?.family !== expect.top_family) {
    fail(
      'top_family',
      expect.top_family,
      top ? `${top.family} (${top.id})` : 'no route advised',
      at('top_family'),
    );
  }

  const advised = new Set(advice.routes.map((r) => r.id));
  expect.routes?.forEach((id, i) => {
    if (!advised.has(id)) {
      fail(
        `routes.${id}`,
        `${id} advised`,
        `${id} is ${routeState(advice, id)}; advised: ${advisedList(advice)}`,
        at('routes', i),
      );
    }
  });
  expect.not_routes?.forEach((id, i) => {
    if (advised.has(id)) {
      fail(
        `not_routes.${id}`,
        `${id} not advised`,
        `${id} is ${routeState(advice, id)}`,
        at('not_routes', i),
      );
    }
  });
  for (const [id, fit] of Object.entries(expect.fit ?? {})) {
    const r = advice.routes.find((x) => x.id === id);
    if (r?.fit !== fit) {
      fail(
        `fit.${id}`,
        `${id} advised, ${fit}`,
        `${id} is ${routeState(advice, id)}`,
        at('fit', id),
      );
    }
  }
  const excluded = new Set(advice.excluded.map((x) => x.id));
  expect.excluded?.forEach((id, i) => {
    if (!excluded.has(id)) {
      fail(
        `excluded.${id}`,
        `${id} excluded`,
        `${id} is ${routeState(advice, id)}; excluded: ${list(advice.excluded.map((x) => x.id))}`,
        at('excluded', i),
      );
    }
  });

  const present = (
    key: string,
    wanted: readonly string[] | undefined,
    actual: readonly string[],
    noun: string,
    must: boolean,
  ) => {
    const have = new Set(actual);
    wanted?.forEach((id, i) => {
      if (have.has(id) !== must) {
        fail(
          `${key}.${id}`,
          `${id} ${must ? '' : 'not '}in the ${noun}`,
          `${noun}: ${list(actual)}`,
          at(key, i),
        );
      }
    });
  };
  const stakeholderIds = advice.stakeholders.map((s) => s.id);
  const warningIds = advice.warnings.map((w) => w.id);
  present('stakeholders', expect.stakeholders, stakeholderIds, 'stakeholders', true);
  present('not_stakeholders', expect.not_stakeholders, stakeholderIds, 'stakeholders', false);
  present('warnings', expect.warnings, warningIds, 'warnings', true);
  present('not_warnings', expect.not_warnings, warningIds, 'warnings', false);
  const bridgeIds = advice.bridgeFunding.map((b) => b.id);
  present('bridge', expect.bridge, bridgeIds, 'bridge funding', true);
  present('not_bridge', expect.not_bridge, bridgeIds, 'bridge funding', false);
  present('open_questions', expect.open_questions, advice.openQuestions, 'open questions', true);
  present(
    'not_open_questions',
    expect.not_open_questions,
    advice.openQuestions,
    'open questions',
    false,
  );

  const cbExpect = expect.cost_benefit;
  if (cbExpect) {
    const cb = advice.costBenefit;
    const noSplit = 'no cost/benefit split (costBenefit is null: no cost_/benefit_ figures)';
    const cbAt = (...p: (string | number)[]) => at('cost_benefit', ...p);
    if (cbExpect.none !== undefined && (cb === null) !== cbExpect.none) {
      fail(
        'cost_benefit.none',
        cbExpect.none ? 'no cost/benefit split (costBenefit null)' : 'a cost/benefit split',
        cb ? `a cost/benefit split with total ${money(cb.total)}` : noSplit,
        cbAt('none'),
      );
    }
    if (cbExpect.wrong_pocket !== undefined && cb?.wrongPocket !== cbExpect.wrong_pocket) {
      fail(
        'cost_benefit.wrong_pocket',
        `wrongPocket ${cbExpect.wrong_pocket}`,
        cb ? `wrongPocket ${cb.wrongPocket}` : noSplit,
        cbAt('wrong_pocket'),
      );
    }
    if (cbExpect.total !== undefined && !(cb && sameAmount(cb.total, cbExpect.total))) {
      fail(
        'cost_benefit.total',
        `total ${money(cbExpect.total)}`,
        cb ? `total ${money(cb.total)}` : noSplit,
        cbAt('total'),
      );
    }
    // arrangements come from the cost-benefit tree; without figures the advice still lists them
    const arrangements = cb ? cb.arrangements : advice.arrangements;
    cbExpect.arrangements?.forEach((id, i) => {
      if (!arrangements?.includes(id)) {
        fail(
          `cost_benefit.arrangements.${id}`,
          `${id} among the arrangements`,
          arrangements ? `arrangements: ${list(arrangements)}` : noSplit,
          cbAt('arrangements', i),
        );
      }
    });
    if (cbExpect.transfers !== undefined) {
      const want = cbExpect.transfers.map(transferKey).sort();
      const have = cb ? cb.transfers.map(transferKey).sort() : undefined;
      const equal = cb !== null && sameMultiset(cbExpect.transfers, cb.transfers);
      if (!equal) {
        fail(
          'cost_benefit.transfers',
          `transfers: ${list(want)}`,
          have ? `transfers: ${list(have)}` : noSplit,
          cbAt('transfers'),
        );
      }
    }
  }
  return failures;
}

function sameMultiset(a: readonly Transfer[], b: readonly Transfer[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...b];
  for (const t of a) {
    const i = left.findIndex(
      (u) => u.from === t.from && u.to === t.to && sameAmount(u.amount, t.amount),
    );
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}
