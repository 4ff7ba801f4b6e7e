// Reading a rule directory all the way to a RuleSet: the files are read, parsed and checked
// (load.ts), compiled (core/compile.ts), and every problem is located as file:line:col.
// src/io/rules.ts is the entry the commands use; it adds the cache and imports this module only
// on a cache miss, because this one brings in the YAML parser and the schema library.
import { compileRuleSet } from '../core/compile.ts';
import type { Diagnostic, Finding } from '../core/diagnostics.ts';
import { compareDiagnostics } from '../core/diagnostics.ts';
import { lint } from '../core/lint.ts';
import type { LintOptions } from '../core/lint.ts';
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
  /** The checks across files (the linter) ran: every file loaded and made a rule set. */
  readonly checked: boolean;
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
    checked: false,
  };
}

/**
 * Every diagnostic `innoroute validate` reports: reading, compiling and, once every file loads,
 * the linter's checks across files. Throws RuleSetError when the directory is unusable.
 */
export function validateRuleSet(
  dir: string,
  includeTests: boolean,
  options: LintOptions,
  /** The linter's findings in test cases are left out: `innoroute test` reports them per case. */
  casesReported = false,
): RuleSetCheck {
  const read = readRuleSet(dir, includeTests);
  const { rules, loadFailed } = read;
  // When a file could not be read, everything declared in it would look like a dangling
  // reference: the checks across files wait until every file loads.
  const checked = rules !== undefined && !loadFailed;
  const testFiles = new Set(casesReported ? (rules?.tests ?? []).map((t) => t.file) : []);
  const linted =
    checked && rules
      ? lint(rules, options)
          .filter((f) => !testFiles.has(f.origin.file))
          .map(read.locate)
      : [];
  // An empty directory has no ruleset file either, and a ruleset file that does not load may be
  // the one "missing": then "there is no ruleset file" says nothing new, or something untrue.
  const noRuleset = (d: Diagnostic) => d.code === 'missing-ruleset' && d.file === '.';
  const sorted = [...read.diagnostics, ...linted]
    .filter((d) => !(loadFailed && noRuleset(d)))
    .sort(compareDiagnostics);
  // the same problem found twice (say by the compiler and a check) is shown once
  const diagnostics = sorted.filter(
    (d, i) => i === 0 || compareDiagnostics(sorted[i - 1]!, d) !== 0,
  );
  return { ...read, diagnostics, checked };
}

/** The check's rule set, or the RuleSetError (exit 2) with its diagnostics as validate shows them. */
export function requireValid(dir: string, check: RuleSetCheck, asOf: string): RuleSet {
  const { rules, diagnostics } = check;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (rules && errors.length === 0) return rules;
  const shown = errors
    .slice(0, 20)
    .map((d) => `  ${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`)
    .join('\n');
  const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
  throw new RuleSetError(
    `the rules in ${dir} have ${errors.length} error(s); run "innoroute validate ${dir}" for all of them:\n${shown}${more}`,
    { root: dir, asOf, ...check },
  );
}

/** Today in local time, YYYY-MM-DD: the date `validate` checks against by default. */
export function today(now: Date = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The rule set, or a RuleSetError with every diagnostic as `validate` prints them: any error —
 * reading, compiling or the linter's — stops every command that advises.
 */
export function requireRuleSet(dir: string, includeTests = false, asOf = today()): RuleSet {
  return requireValid(dir, validateRuleSet(dir, includeTests, { asOf }), asOf);
}
