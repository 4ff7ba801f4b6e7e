// innoroute validate [dir]: static checks of a rule directory, the way a linter checks code.
// Reads and compiles the rules, runs the core's lint, and reports every diagnostic in the chosen
// format. Exit 0 when clean, 1 with findings (errors; warnings too with --fail-on warning),
// 2 when the check could not run at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { compareDiagnostics } from '../../core/diagnostics.ts';
import { lint } from '../../core/lint.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import type { ValidationReport, ValidationSummary } from '../../report/diagnostics.ts';
import {
  renderGithub,
  renderJson,
  renderSarif,
  renderText,
  summaryLine,
} from '../../report/diagnostics.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { UsageError } from '../errors.ts';
import { chalkFor } from '../colors.ts';
import { resolveAsOf, resolveRulesDir } from '../options.ts';
import { checkOutputFile, outputFile, writeOutputFile } from '../output.ts';
import { checkRuleSet } from '../../io/rules.ts';

/** What `innoroute validate` takes, as commander parses it (main.ts declares the flags). */
export interface ValidateOptions extends GlobalOptions {
  readonly format: 'text' | 'json' | 'sarif' | 'github';
  readonly failOn: 'error' | 'warning';
  readonly out?: string;
  readonly seeds?: string;
}

/** `--seeds <dir>` is read when the program offers it (see the validate command in main.ts). */
type Options = ValidateOptions & { readonly seeds?: string };

export async function run(
  dir: string | undefined,
  opts: Options,
  ctx: CliContext,
): Promise<number> {
  const asOf = resolveAsOf(opts.asOf);
  const root = resolveRulesDir(ctx, dir ?? opts.rules);
  const seedsDir = opts.seeds ? resolve(ctx.cwd, opts.seeds) : undefined;
  // checked before the work: never a rule file, anything in the rules or the seeds, an odd file
  const out =
    opts.out !== undefined
      ? outputFile(ctx, opts.out, 'en', { rulesDir: root, dirs: [seedsDir] })
      : undefined;
  if (out) checkOutputFile(out);
  const seedLineCounts = seedsDir ? readSeedLineCounts(seedsDir) : undefined;

  const read = await checkRuleSet(root);
  const { rules, loadFailed } = read;
  // When a file could not be read, everything declared in it would look like a dangling
  // reference: the checks across files wait until every file loads.
  const checked = rules !== undefined && !loadFailed;
  const lintDiagnostics =
    checked && rules
      ? lint(rules, seedLineCounts ? { asOf, seedLineCounts } : { asOf }).map(read.locate)
      : [];
  // An empty directory has no ruleset file either, and a ruleset file that does not load may be
  // the one "missing": then "there is no ruleset file" says nothing new, or something untrue.
  const noRuleset = (d: Diagnostic) => d.code === 'missing-ruleset' && d.file === '.';
  const diagnostics = dedupe(
    [...read.diagnostics, ...lintDiagnostics]
      .filter((d) => !(loadFailed && noRuleset(d)))
      .sort(compareDiagnostics),
  );

  const report: ValidationReport = {
    rulesDir: display(ctx.cwd, root),
    asOf,
    diagnostics,
    summary: summarize(diagnostics, read.fileCount, rules, checked),
    displayPath: (file) => display(ctx.cwd, file === '.' ? root : join(root, file)),
  };

  const output = render(report, opts, ctx);
  if (out) {
    writeOutputFile(out, output);
    ctx.stderr.write(`${summaryLine(report.summary)}\n`);
  } else {
    ctx.stdout.write(output);
  }

  const { errors, warnings } = report.summary;
  const failed = errors > 0 || (opts.failOn === 'warning' && warnings > 0);
  return failed ? 1 : 0;
}

function render(report: ValidationReport, opts: Options, ctx: CliContext): string {
  switch (opts.format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { name: 'innoroute', version: packageVersion() }, ctx.cwd);
    case 'github':
      return renderGithub(report);
    default:
      // colour only when the text goes to a terminal, never into a file
      return renderText(
        report,
        chalkFor(ctx, 'stdout', opts.out ? { ...opts, color: false } : opts),
      );
  }
}

function summarize(
  diagnostics: readonly Diagnostic[],
  files: number,
  rules: RuleSet | undefined,
  checked: boolean,
): ValidationSummary {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  let nodes = 0;
  for (const t of rules?.trees ?? []) nodes += t.nodes.size;
  let questions = 0;
  for (const q of rules?.questions.values() ?? []) if (q.owner !== 'parties') questions++;
  return {
    errors,
    warnings: diagnostics.length - errors,
    files,
    filesWithProblems: new Set(diagnostics.map((d) => d.file)).size,
    trees: rules?.trees.length ?? 0,
    nodes,
    questions,
    routes: rules?.routes.size ?? 0,
    checked,
  };
}

/** The same problem found twice (say by the compiler and a check) is shown once. */
function dedupe(sorted: readonly Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => i === 0 || compareDiagnostics(sorted[i - 1]!, d) !== 0);
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** Number of lines of every file in the seeds directory, by file name. */
function readSeedLineCounts(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new UsageError(`cannot read the seeds directory ${dir}: ${(e as Error).message}`);
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      counts.set(name, lines);
    } catch {
      // an unreadable seed is reported where it is cited, as missing
    }
  }
  return counts;
}

function packageVersion(): string {
  try {
    const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
