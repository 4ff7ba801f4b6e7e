// One input assessed on both sides of a diff and compared: the same decisions as every command
// (engine.ts `decide`), kept as a Verdict with the facts they came from, so that the causes of a
// change can be read from the walks (diff-causes.ts) without assessing again.
import type { Answers, Lang } from './advice.ts';
import { normalizeAnswers } from './answers.ts';
import type { Changes, InputChange, Outcome } from './diff.ts';
import { compareOutcomes } from './diff.ts';
import { attribute, refusalCauses } from './diff-causes.ts';
import type { DiffSide, RuleChanges } from './diff-causes.ts';
import { decide, verdictFrom } from './engine.ts';
import { factsOf } from './facts.ts';
import type { Facts } from './facts.ts';

/** An outcome, with the facts of an assessed input. */
export interface Judged {
  readonly outcome: Outcome;
  readonly facts?: Facts;
  /** With an error: the questions whose answers this side's rules refused. */
  readonly refused?: readonly string[];
}

/** The verdict on facts already read. */
export function judgeFacts(side: DiffSide, facts: Facts): Judged {
  const d = decide(side.program, facts, side.asOf);
  return { outcome: { verdict: verdictFrom(side.program, facts, d) }, facts };
}

/**
 * Answers as a file or a test case writes them, checked against this side's rule set as
 * `advise` checks them: an answer the rules do not accept makes the input unassessed here.
 */
export function judgeAnswers(
  side: DiffSide,
  raw: Readonly<Record<string, unknown>>,
  lang: Lang,
): Judged {
  const { answers, problems } = normalizeAnswers(side.program.rules, raw, lang);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    return {
      outcome: { error: errors.map((p) => p.message).join(' | ') },
      refused: errors.map((p) => p.question),
    };
  }
  return judgeFacts(side, factsOf(side.program, answers as Answers));
}

/** The change of one input between two judgements, with its causes; undefined: no change. */
export function diffJudged(
  id: string,
  line: number | undefined,
  a: DiffSide,
  ja: Judged,
  b: DiffSide,
  jb: Judged,
  rules: RuleChanges,
): InputChange | undefined {
  const changes: Changes | undefined = compareOutcomes(ja.outcome, jb.outcome);
  if (!changes) return undefined;
  const causes =
    ja.facts && jb.facts
      ? attribute(a, ja.facts, b, jb.facts, changes, rules)
      : refusalCauses(a, ja.refused ?? [], b, jb.refused ?? [], rules);
  return { id, ...(line !== undefined ? { line } : {}), ...changes, causes };
}
