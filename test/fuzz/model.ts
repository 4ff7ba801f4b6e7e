// The shape of a fuzz input, shared by the generators (answers.ts, csv.ts, rules.ts), the runner
// of one input (check.ts) and the two entry points (fuzz.test.ts, run.ts).
import fc from 'fast-check';
import { shippedRulesDir } from '../../src/cli/options.ts';
import type { QuestionDef } from '../../src/core/ruleset.ts';
import { loadRuleSet } from '../../src/io/rules.ts';

export type Kind = 'answers' | 'csv' | 'rules';
export const KINDS: readonly Kind[] = ['answers', 'csv', 'rules'];

/** The date every run is advised at, so that two runs on different days give the same bytes. */
export const AS_OF = '2026-11-27';

/**
 * One run of the binary. In `args`, `{in}` is the directory holding the case's files and `{out}`
 * the run's own output file (each run of a pair has its own).
 */
export interface Command {
  readonly args: readonly string[];
  /** A file of the case (relative to `{in}`) written to stdin. */
  readonly stdin?: string;
  /** batch: the data records the input holds, known from how it was built. */
  readonly rows?: number;
  /** batch: the output format, to count the records written. */
  readonly format?: 'csv' | 'ndjson' | 'json';
  /** The exit codes this input must end in, when the generator knows (and why). */
  readonly expect?: { readonly codes: readonly number[]; readonly why: string };
}

export interface FuzzCase {
  readonly kind: Kind;
  /** A few words on what was built, for the report. */
  readonly label: string;
  /** Files of the input, relative to `{in}`; `rules/…` on top of a copy of the shipped rules. */
  readonly files: Readonly<Record<string, Uint8Array>>;
  /** Copy the shipped rules to `{in}/rules` before writing `files`. */
  readonly copyRules?: boolean;
  readonly commands: readonly Command[];
  /**
   * rules: the commands other than the first must exit 2 when the first (`validate`) finds
   * errors (exit 1) or cannot read the rules (exit 2): invalid rules stop every command.
   */
  readonly invalidRulesStopAll?: boolean;
}

/** How big the generators go: the vitest suite keeps inputs small, the nightly run does not. */
export interface Scale {
  /** Longest cell or answer text in "huge" inputs, in characters. */
  readonly huge: number;
  /** Most data rows in a CSV. */
  readonly rows: number;
  /** Deepest nesting in a mutated rule set. */
  readonly depth: number;
  /** Longest aliased list, and most aliases, in an answers file. */
  readonly aliasList: number;
  readonly aliases: number;
  /** Levels of aliases of aliases (ten each) in a mutated rule file. */
  readonly aliasLevels: number;
}

export const SMALL: Scale = {
  huge: 200_000,
  rows: 12,
  depth: 3_000,
  aliasList: 2_000,
  aliases: 100,
  aliasLevels: 3,
};
export const LARGE: Scale = {
  huge: 1_100_000,
  rows: 60,
  depth: 30_000,
  aliasList: 20_000,
  aliases: 2_000,
  aliasLevels: 5,
};

export const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

let questionsCache: readonly QuestionDef[] | undefined;

/**
 * Loads the vocabulary of the generators — the answerable questions of the shipped rules — once,
 * through the compiled-rules cache in `cacheDir` when there is one (compiling takes seconds).
 */
export async function loadVocabulary(cacheDir: string | undefined): Promise<void> {
  if (questionsCache) return;
  const rules = await loadRuleSet(shippedRulesDir(), {
    env: cacheDir ? { INNOROUTE_CACHE_DIR: cacheDir } : { INNOROUTE_NO_CACHE: '1' },
  });
  questionsCache = rules.questionOrder
    .map((id) => rules.questions.get(id)!)
    .filter((q) => !q.derived);
}

/** The answerable questions of the shipped rules (loadVocabulary first). */
export function questions(): readonly QuestionDef[] {
  if (!questionsCache) throw new Error('fuzz: loadVocabulary() was not called');
  return questionsCache;
}

/** `arb` now and then, null mostly: one input in `1 + weight`. */
export function rarely<T>(arb: fc.Arbitrary<T>, weight = 4): fc.Arbitrary<T | null> {
  return fc.oneof({ weight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/** Text a spreadsheet cell or an answer might hold that a formula-aware writer must not trust. */
export const formulaText = fc
  .tuple(
    fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', '\t=', '=-'),
    fc.constantFrom('1+1', 'SUM(A1:A9)', 'HYPERLINK("http://x","y")', "cmd|' /C calc'!A0", '2'),
  )
  .map(([a, b]) => a + b);

/** Strings from everywhere: unicode, controls, quotes, separators, lookalikes of the vocabulary. */
export const junkText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'null',
    '~',
    'NaN',
    '-0',
    '1e309',
    '0x1F',
    'yes',
    'Nee',
    '€ 1.250.000',
    '1,5',
    'Zorg, "thuis"; samen',
    'Twee\nregels',
    'a\r\nb',
    'Één café',
    '\u0000',
    '\uFEFF',
    '   ',
  ),
  formulaText,
);

/** A question id as a hand might write it: other case, spaces around. */
export function idVariant(id: string): fc.Arbitrary<string> {
  return fc
    .constantFrom<(s: string) => string>(
      (s) => s.toUpperCase(),
      (s) => s.charAt(0).toUpperCase() + s.slice(1),
      (s) => ` ${s} `,
    )
    .map((f) => f(id));
}
