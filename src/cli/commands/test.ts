// innoroute test [dir]: runs the rule test cases (kind: tests, usually in <dir>/tests) through the
// same evaluate every command uses, reports expected against actual, and with --coverage which
// nodes, branches and routes of each tree the cases reach. Exit 0 all pass (and coverage meets
// --min-coverage), 1 failures or coverage below the minimum, 2 the tests could not run.
import { join, relative, sep } from 'node:path';
import { evaluate } from '../../core/engine.ts';
import type { Coverage } from '../../core/coverage.ts';
import { computeCoverage, traceCase } from '../../core/coverage.ts';
import type { Origin } from '../../core/ruleset.ts';
import { runTests, selectCases } from '../../core/testing.ts';
import type { CoverageReport, Locate, TestReportInput } from '../../report/test-report.ts';
import {
  coverageMet,
  coverageVerdict,
  renderJson,
  renderJunit,
  renderText,
  summaryLine,
} from '../../report/test-report.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { UsageError } from '../errors.ts';
import { chalkFor } from '../colors.ts';
import { resolveAsOf, resolveLang, resolveRulesDir } from '../options.ts';
import { checkOutputFile, outputFile, writeOutputFile } from '../output.ts';
import { checkValidRuleSet } from '../../io/rules.ts';

/** What `innoroute test` takes, as commander parses it (main.ts declares the flags). */
export interface TestOptions extends GlobalOptions {
  readonly format: 'text' | 'json' | 'junit';
  readonly coverage?: boolean;
  readonly minCoverage?: string;
  readonly allRoutes?: boolean;
  readonly filter?: string;
  readonly out?: string;
}

/** "95", "95.5" or "95%": a percentage from 0 to 100. */
export function parseMinCoverage(raw: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(raw);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) {
    throw new UsageError(
      `--min-coverage takes a percentage from 0 to 100, such as 95 or 97.5; got "${raw}"`,
    );
  }
  return n;
}

export async function run(
  dir: string | undefined,
  opts: TestOptions,
  ctx: CliContext,
): Promise<number> {
  const given = dir ?? opts.rules;
  const root = resolveRulesDir(ctx, given);
  const shown = (given ?? root).replace(/(.)\/+$/, '$1');
  const lang = resolveLang(ctx, opts.lang);
  const asOf = resolveAsOf(opts.asOf);
  const min = opts.minCoverage !== undefined ? parseMinCoverage(opts.minCoverage) : undefined;
  const withCoverage = Boolean(opts.coverage) || min !== undefined || Boolean(opts.allRoutes);
  // checked before the work: never a rule or test file, anything in the rules, an odd file
  const out =
    opts.out !== undefined ? outputFile(ctx, opts.out, lang, { rulesDir: root }) : undefined;
  if (out) checkOutputFile(out);

  // files as validate shows them: relative to the working directory (rules/tests/zvw.yaml)
  const display = (file: string) => {
    const rel = relative(ctx.cwd, file === '.' ? root : join(root, file));
    return rel === '' ? '.' : rel.split(sep).join('/');
  };

  // rules with errors (the linter's too) are refused as every command refuses them: exit 2
  // with validate's report, not cases run on rules that are known to be wrong
  const read = await checkValidRuleSet(root, asOf);
  const { rules } = read;
  if (rules.tests.every((f) => f.cases.length === 0)) {
    throw new UsageError(
      `no test cases found in ${shown}/tests: add a YAML file with "kind: tests" (see docs/testing.md)`,
    );
  }
  if (selectCases(rules.tests, opts.filter).length === 0) {
    throw new UsageError(`no test case name contains "${opts.filter}" (--filter)`);
  }

  const testRun = runTests(rules, { evaluate, asOf, lang, filter: opts.filter });

  let coverage: CoverageReport | undefined;
  if (withCoverage) {
    const walks = testRun.results.flatMap((r) => (r.answers ? [traceCase(rules, r.answers)] : []));
    const c: Coverage = computeCoverage(rules, walks);
    coverage = { coverage: c, ...(min !== undefined ? { min } : {}) };
  }

  const locate: Locate = (origin: Origin) => {
    const d = read.locate({ code: 'schema', severity: 'error', origin, message: '' });
    return { file: display(d.file), line: d.line };
  };
  const input: TestReportInput = {
    run: testRun,
    locate,
    asOf,
    ruleset: { version: rules.version, hash: rules.hash },
    ...(coverage ? { coverage } : {}),
  };
  const report =
    opts.format === 'json'
      ? renderJson(input)
      : opts.format === 'junit'
        ? renderJunit(input)
        : renderText(input, chalkFor(ctx, 'stdout', opts.out ? { ...opts, color: false } : opts));

  if (out) {
    writeOutputFile(out, report);
  } else {
    ctx.stdout.write(report);
  }
  // The summary (and a failed coverage minimum) also go to stderr when stdout does not show them.
  if (opts.out || opts.format !== 'text') ctx.stderr.write(`${summaryLine(testRun)}\n`);
  const met = coverage ? coverageMet(coverage) : true;
  if (!met && coverage && (opts.out || opts.format !== 'text')) {
    ctx.stderr.write(`innoroute: ${coverageVerdict(coverage)}\n`);
  }
  // --all-routes: a route that a tree can award but no case reaches is advice nobody has checked
  const missedRoutes = coverage ? coverage.coverage.trees.flatMap((t) => t.missedRoutes) : [];
  if (opts.allRoutes && missedRoutes.length > 0) {
    ctx.stderr.write(
      `innoroute: ${missedRoutes.length} route(s) are reached by no test case (--all-routes): ` +
        `${missedRoutes.map((r) => r.route).join(', ')}; add cases that reach them\n`,
    );
  }
  const routesMet = !opts.allRoutes || missedRoutes.length === 0;
  return testRun.failed > 0 || !met || !routesMet ? 1 : 0;
}
