// Loading a rule set for the commands that use it (advise, wizard, batch, test). A rule set with
// errors cannot advise: the command stops with exit 2 and the located diagnostics.
import { compileRuleSet } from '../core/compile.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { compareDiagnostics } from '../core/diagnostics.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { loadRuleDir, RuleDirError } from '../io/load.ts';
import type { LoadedRules } from '../io/load.ts';
import { UsageError } from './errors.ts';

export interface LoadedRuleSet {
  readonly loaded: LoadedRules;
  readonly rules: RuleSet | undefined;
  /** Load, schema and compile diagnostics, sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

export function readRuleSet(dir: string, includeTests = true): LoadedRuleSet {
  let loaded: LoadedRules;
  try {
    loaded = loadRuleDir(dir, { includeTests });
  } catch (e) {
    if (e instanceof RuleDirError) throw new UsageError(e.message);
    throw e;
  }
  const { rules, findings } = compileRuleSet(loaded.files, loaded.hash);
  const diagnostics = [...loaded.diagnostics, ...findings.map(loaded.locate)].sort(
    compareDiagnostics,
  );
  return { loaded, rules, diagnostics };
}

/** The rule set, or a UsageError listing its errors. */
export function requireRuleSet(dir: string, includeTests = false): RuleSet {
  const { rules, diagnostics } = readRuleSet(dir, includeTests);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!rules || errors.length > 0) {
    const shown = errors
      .slice(0, 20)
      .map((d) => `  ${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`)
      .join('\n');
    const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
    throw new UsageError(
      `the rules in ${dir} have ${errors.length} error(s); run "innoroute validate ${dir}" for all of them:\n${shown}${more}`,
    );
  }
  return rules;
}
