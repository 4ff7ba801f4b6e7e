// The golden advice files (test/golden/advice/): answer sets with the advice the engine gave them,
// written by the engine and reviewed, then held byte for byte. Each entry carries its own answers,
// so a change in the generators of answer-sets.ts never changes what is checked; the entries are
// regenerated only on purpose (`npm run golden`), and the diff of the golden files is the review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Advice, Answers, EvaluateOptions, Lang } from '../../src/core/advice.ts';
import { normalizeAnswers } from '../../src/core/answers.ts';
import { computeCoverage, traceCase } from '../../src/core/coverage.ts';
import type { Coverage } from '../../src/core/coverage.ts';
import { evaluate } from '../../src/core/engine.ts';
import { nextQuestion, relevantQuestions } from '../../src/core/next-question.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { AS_OF_DATES, dataAnswers, oddAnswers, randomAnswers, ROOT } from './answer-sets.ts';

export const GOLDEN_DIR = join(ROOT, 'test/golden/advice');

/** One checked evaluation. */
export interface GoldenEntry {
  readonly name: string;
  readonly lang: Lang;
  readonly asOf: string;
  readonly input?: Record<string, string>;
  readonly answers: Answers;
  readonly advice: Advice;
  /** What the wizard would ask next, and which questions matter (random sets only). */
  readonly next?: unknown;
  readonly relevant?: readonly string[];
}

export interface GoldenGroup {
  /** File name under test/golden/advice/. */
  readonly file: string;
  /** Pretty JSON (read by people) or one compact line per entry (many entries). */
  readonly layout: 'pretty' | 'lines';
  readonly rulesDir: string;
  readonly entries: (rules: RuleSet) => Omit<GoldenEntry, 'advice'>[];
}

const DEFAULT_AS_OF = AS_OF_DATES[2];

/** The rule test cases of `dir`, each at its own date (or the default), in Dutch. */
function ruleCases() {
  return (rules: RuleSet) => {
    const out: Omit<GoldenEntry, 'advice'>[] = [];
    for (const file of rules.tests) {
      for (const c of file.cases) {
        out.push({
          name: `${file.file}: ${c.name}`,
          lang: 'nl',
          asOf: c.as_of ?? DEFAULT_AS_OF,
          answers: normalizeAnswers(rules, c.answers).answers,
        });
      }
    }
    return out;
  };
}

function examples(rules: RuleSet): Omit<GoldenEntry, 'advice'>[] {
  const names = ['baas', 'cue2walk', 'cva-portaal', 'healthy-chronos', 'peri-operatief'];
  const sets = dataAnswers(rules);
  return sets.flatMap((answers, i) =>
    (['nl', 'en'] as const).map((lang) => ({
      name: `data/${names[i] ?? i}.yaml (${lang})`,
      lang,
      asOf: DEFAULT_AS_OF,
      answers,
    })),
  );
}

/** Seeded sets, languages and dates in rotation; every third echoes an input as batch does. */
function generated(kind: 'random' | 'odd', n: number, seed: number, wizard: boolean) {
  return (rules: RuleSet) => {
    const sets = kind === 'random' ? randomAnswers(rules, n, seed) : oddAnswers(rules, n, seed);
    return sets.map((answers, i) => {
      const entry: Omit<GoldenEntry, 'advice'> = {
        name: `${kind} ${i}`,
        lang: i % 2 === 0 ? 'nl' : 'en',
        asOf: AS_OF_DATES[i % AS_OF_DATES.length]!,
        ...(i % 3 === 0 ? { input: { id: `row-${i}` } } : {}),
        answers,
      };
      if (!wizard) return entry;
      return {
        ...entry,
        next: nextOf(rules, answers),
        relevant: relevantQuestions(rules, answers),
      };
    });
  };
}

const RULES = join(ROOT, 'rules');
const ENGINE_FIXTURE = join(ROOT, 'test/fixtures/engine/basic');
const RUNNER_FIXTURE = join(ROOT, 'test/fixtures/runner/basic');

export const GROUPS: readonly GoldenGroup[] = [
  { file: 'rule-cases.json', layout: 'pretty', rulesDir: RULES, entries: ruleCases() },
  { file: 'examples.json', layout: 'pretty', rulesDir: RULES, entries: examples },
  {
    file: 'random.ndjson',
    layout: 'lines',
    rulesDir: RULES,
    entries: generated('random', 300, 20261204, true),
  },
  {
    file: 'odd.ndjson',
    layout: 'lines',
    rulesDir: RULES,
    entries: generated('odd', 100, 4242, false),
  },
  {
    file: 'fixture-engine.ndjson',
    layout: 'lines',
    rulesDir: ENGINE_FIXTURE,
    entries: (rules) => [
      ...generated('random', 150, 7, true)(rules),
      ...generated('odd', 50, 8, false)(rules),
    ],
  },
  {
    file: 'fixture-runner.ndjson',
    layout: 'lines',
    rulesDir: RUNNER_FIXTURE,
    entries: (rules) => [...ruleCases()(rules), ...generated('random', 100, 9, true)(rules)],
  },
];

/** The wizard's next question, by id. */
export function nextOf(rules: RuleSet, answers: Answers): unknown {
  const next = nextQuestion(rules, answers);
  return next.done ? next : { ...next, question: next.question.id };
}

export function optionsOf(e: Omit<GoldenEntry, 'advice'>): EvaluateOptions {
  return { asOf: e.asOf, lang: e.lang, ...(e.input ? { input: e.input } : {}) };
}

/** The text of a golden file for these entries. */
export function render(group: GoldenGroup, entries: readonly GoldenEntry[]): string {
  if (group.layout === 'pretty') return JSON.stringify(entries, replacer, 2) + '\n';
  return entries.map((e) => JSON.stringify(e, replacer) + '\n').join('');
}

/** The entries of a golden file. */
export function readGolden(group: GoldenGroup): GoldenEntry[] {
  const text = readFileSync(join(GOLDEN_DIR, group.file), 'utf8');
  if (group.layout === 'pretty') return JSON.parse(text, reviver) as GoldenEntry[];
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l, reviver) as GoldenEntry);
}

/** Fresh entries for a group, from the generators and the engine as it is now. */
export function generate(group: GoldenGroup, rules: RuleSet): GoldenEntry[] {
  return group.entries(rules).map((e) => ({
    ...e,
    advice: adviceOf(group, evaluate(rules, e.answers, optionsOf(e))),
  }));
}

// Registry texts copied into an advice by id: the same for every advice that names the id.
const ROUTE_COPIES = ['title', 'summary', 'whoDecides', 'steps', 'evidence', 'pitfalls', 'sources'];
const COPIES: Record<string, readonly string[]> = {
  routes: ROUTE_COPIES,
  excluded: ['title'],
  stakeholders: ['name', 'bring'],
  bridgeFunding: ['title', 'why'],
  warnings: ['text'],
};

/**
 * What a golden file holds of an advice. The pretty files (rule cases, examples) hold it whole;
 * the line files, hundreds of generated sets, hold every decision — ids, order, scores, fits, the
 * reasons and their answers, exclusions, whys, phases, open questions, cost/benefit — but not the
 * registry texts that are copied in by id (a route's steps, a stakeholder's name, …), which the
 * pretty files already pin and which would make them ten times the size.
 */
export function adviceOf(group: GoldenGroup, advice: Advice): Advice {
  if (group.layout === 'pretty') return advice;
  const out: Record<string, unknown> = { ...advice };
  for (const [list, drop] of Object.entries(COPIES)) {
    out[list] = (advice[list as keyof Advice] as unknown as Record<string, unknown>[]).map((item) =>
      Object.fromEntries(Object.entries(item).filter(([k]) => !drop.includes(k))),
    );
  }
  return out as unknown as Advice;
}

// The odd answer sets hold values JSON has no word for (NaN, ±Infinity): written as tagged objects.
const NONFINITE = '$nonfinite';

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { [NONFINITE]: String(value) };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && NONFINITE in value) {
    return Number((value as Record<string, string>)[NONFINITE]);
  }
  return value;
}

/**
 * The coverage of each rule set's trees by its rule test cases (as `innoroute test --coverage`
 * computes it), and for the engine fixture by its random sets: which nodes, branches and awards
 * the walks reach. Pinned so that a new walk reaches exactly what the old one did.
 */
export const COVERAGE_FILE = 'coverage.json';

export function coverageOf(loadRules: (dir: string) => RuleSet): Record<string, Coverage> {
  const out: Record<string, Coverage> = {};
  for (const [name, dir] of [
    ['rules', RULES],
    ['fixture-runner', RUNNER_FIXTURE],
  ] as const) {
    const rules = loadRules(dir);
    const walks = rules.tests.flatMap((f) =>
      f.cases.map((c) => traceCase(rules, normalizeAnswers(rules, c.answers).answers)),
    );
    out[name] = computeCoverage(rules, walks);
  }
  const fixture = loadRules(ENGINE_FIXTURE);
  const sets = randomAnswers(fixture, 150, 7);
  out['fixture-engine'] = computeCoverage(
    fixture,
    sets.map((a) => traceCase(fixture, a)),
  );
  return out;
}
