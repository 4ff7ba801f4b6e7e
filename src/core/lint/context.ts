// What every lint check shares: the rule set, the options and the list of findings.
import { didYouMean } from '../answers.ts';
import type { DiagnosticCode, Finding } from '../diagnostics.ts';
import type { Origin, RuleSet } from '../ruleset.ts';

export interface LintOptions {
  /** The evaluation date, YYYY-MM-DD: expiry and staleness are measured against it. */
  readonly asOf: string;
  /** Line counts of the seed documents by file name; when given, cited lines are checked. */
  readonly seedLineCounts?: ReadonlyMap<string, number>;
}

export type Path = readonly (string | number)[];

/** Candidate comparisons spent on "did you mean" hints in one run. */
const HINT_BUDGET = 200_000;

export function sub(origin: Origin, ...path: (string | number)[]): Origin {
  return { file: origin.file, path: [...origin.path, ...path] };
}

export class LintContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly rules: RuleSet,
    readonly options: LintOptions,
  ) {}

  error(origin: Origin, code: DiagnosticCode, message: string, atKey = false): void {
    this.findings.push({ code, severity: 'error', origin, message, atKey });
  }

  warn(origin: Origin, code: DiagnosticCode, message: string, atKey = false): void {
    this.findings.push({ code, severity: 'warning', origin, message, atKey });
  }

  private hintBudget = HINT_BUDGET;

  /**
   * ` — did you mean "x"?` when a candidate is close enough, else the empty string. Each hint
   * compares against every candidate, so the comparisons are budgeted: a rule set with thousands
   * of broken references gets hints for the first ones only, and the run stays linear.
   */
  hint(input: string, candidates: Iterable<string>): string {
    if (this.hintBudget <= 0) return '';
    const list = [...candidates];
    this.hintBudget -= list.length;
    const best = didYouMean(input, list);
    return best ? ` — did you mean "${best}"?` : '';
  }
}

/** "a, b and c", at most `max` shown. */
export function list(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).map((s) => `"${s}"`);
  if (items.length > max) return `${shown.join(', ')} and ${items.length - max} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
