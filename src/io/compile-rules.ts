// Reading a rule directory all the way to a RuleSet: the files are read, parsed and checked
// (load.ts), compiled (core/compile.ts), and every problem is located as file:line:col.
// src/io/rules.ts is the entry the commands use; it adds the cache and imports this module only
// on a cache miss, because this one brings in the YAML parser and the schema library.
import { compileRuleSet } from '../core/compile.ts';
import type { Diagnostic, Finding } from '../core/diagnostics.ts';
import { compareDiagnostics } from '../core/diagnostics.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { RuleSetError } from './errors.ts';
import { loadRuleDir } from './load.ts';

export interface RuleSetCheck {
  /** Undefined when the files do not make a rule set at all (no ruleset file). */
  readonly rules: RuleSet | undefined;
  /** Load, schema and compile diagnostics, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * A file could not be read, parsed or checked against its schema: whatever was declared in it
   * is missing, so checks across files would report things that are not wrong.
   */
  readonly loadFailed: boolean;
  /** Rule files that loaded (test files included when asked for). */
  readonly fileCount: number;
  /** Locates a finding of the linter or the test runner in the files read. */
  readonly locate: (finding: Finding) => Diagnostic;
}

/** Every diagnostic of a rule directory. Throws RuleSetError when the directory is unusable. */
export function readRuleSet(dir: string, includeTests = true): RuleSetCheck {
  const loaded = loadRuleDir(dir, { includeTests });
  const { rules, findings } = compileRuleSet(loaded.files, loaded.hash);
  const diagnostics = [...loaded.diagnostics, ...findings.map(loaded.locate)].sort(
    compareDiagnostics,
  );
  return {
    rules,
    diagnostics,
    loadFailed: loaded.diagnostics.some((d) => d.severity === 'error'),
    fileCount: loaded.files.length,
    locate: loaded.locate,
  };
}

/** The rule set, or a RuleSetError listing its errors as `validate` prints them. */
export function requireRuleSet(dir: string, includeTests = false): RuleSet {
  const { rules, diagnostics } = readRuleSet(dir, includeTests);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!rules || errors.length > 0) {
    const shown = errors
      .slice(0, 20)
      .map((d) => `  ${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`)
      .join('\n');
    const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
    throw new RuleSetError(
      `the rules in ${dir} have ${errors.length} error(s); run "innoroute validate ${dir}" for all of them:\n${shown}${more}`,
    );
  }
  return rules;
}
