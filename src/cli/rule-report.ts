// The report of `innoroute validate` on a rule directory, and the same report when a command
// refuses rules with errors: advise, wizard, batch and test print the diagnostics exactly as
// validate prints them (same lines, same format), to stderr, and end with exit 2.
import { join, relative, sep } from 'node:path';
import type { Lang } from '../core/advice.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { RuleSetProblems } from '../io/errors.ts';
import type { ValidationReport, ValidationSummary } from '../report/diagnostics.ts';
import { renderText } from '../report/diagnostics.ts';
import { chalkFor } from './colors.ts';
import type { CliContext } from './context.ts';

/** The validation report of a rule directory (`root` absolute) as the user should see it. */
export function validationReport(cwd: string, problems: RuleSetProblems): ValidationReport {
  const { root, diagnostics } = problems;
  return {
    rulesDir: display(cwd, root),
    asOf: problems.asOf,
    diagnostics,
    summary: summarize(problems),
    displayPath: (file) => display(cwd, file === '.' ? root : join(root, file)),
  };
}

/**
 * What a command prints when the rules have errors: one line in the user's language, then
 * validate's report (in English, as a linter's).
 */
export function refusalText(problems: RuleSetProblems, ctx: CliContext, lang: Lang = 'en'): string {
  const report = validationReport(ctx.cwd, problems);
  const { errors } = report.summary;
  const shown = report.rulesDir;
  return `${REFUSAL[lang](shown, errors)}\n${renderText(report, chalkFor(ctx, 'stderr', {}))}`;
}

const REFUSAL: Record<Lang, (dir: string, errors: number) => string> = {
  nl: (dir, n) =>
    `innoroute: de regels in ${dir} hebben ${n} ${n === 1 ? 'fout' : 'fouten'}; er is niets gedaan. ` +
    `Herstel ${n === 1 ? 'de fout' : 'ze'} en controleer met "innoroute validate ${dir}" (het rapport hieronder is in het Engels):`,
  en: (dir, n) =>
    `innoroute: the rules in ${dir} have ${n} error${n === 1 ? '' : 's'}; nothing was done. ` +
    `Fix ${n === 1 ? 'it' : 'them'} and check with "innoroute validate ${dir}":`,
};

function summarize(problems: RuleSetProblems): ValidationSummary {
  const { diagnostics, rules } = problems;
  const errors = diagnostics.filter((d: Diagnostic) => d.severity === 'error').length;
  let nodes = 0;
  for (const t of rules?.trees ?? []) nodes += t.nodes.size;
  let questions = 0;
  for (const q of rules?.questions.values() ?? []) if (q.owner !== 'parties') questions++;
  return {
    errors,
    warnings: diagnostics.length - errors,
    files: problems.fileCount,
    filesWithProblems: new Set(diagnostics.map((d) => d.file)).size,
    trees: rules?.trees.length ?? 0,
    nodes,
    questions,
    routes: rules?.routes.size ?? 0,
    checked: problems.checked,
  };
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}
