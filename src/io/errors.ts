// The rules cannot be used: the rule directory cannot be read, or the rule set has errors. The
// message says what to do; the CLI prints it and ends with exit 2. It lives in a module of its own
// so that main.ts can recognise it without loading the loader.
import type { Diagnostic } from '../core/diagnostics.ts';
import type { RuleSet } from '../core/ruleset.ts';

/** What `validate` would report on the rules: for printing the refusal in its format. */
export interface RuleSetProblems {
  readonly root: string;
  readonly asOf: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly fileCount: number;
  readonly rules: RuleSet | undefined;
  readonly checked: boolean;
}

export class RuleSetError extends Error {
  constructor(
    message: string,
    readonly problems?: RuleSetProblems,
  ) {
    super(message);
    this.name = 'RuleSetError';
  }
}
