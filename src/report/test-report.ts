// The report of `innoroute test`: text for a person (one line per case, expected against actual
// for each failure, coverage table), JSON and JUnit XML for CI. All three are deterministic: no
// timings, cases in file order, the same rules and cases give the same bytes.
import type { ChalkInstance } from 'chalk';
import type { Branch, Coverage, Counted } from '../core/coverage.ts';
import type { Origin } from '../core/ruleset.ts';
import type { CaseResult, TestRun } from '../core/testing.ts';

/** Line of an origin in its rule file (the loader's positions). */
export type Locate = (origin: Origin) => { readonly file: string; readonly line: number };

export interface CoverageReport {
  readonly coverage: Coverage;
  /** --min-coverage, as a percentage of branches. */
  readonly min?: number;
}

export interface TestReportInput {
  readonly run: TestRun;
  readonly locate: Locate;
  /** The default evaluation date of the run (a case's as_of overrides it). */
  readonly asOf: string;
  readonly ruleset: { readonly version: string; readonly hash: string };
  readonly coverage?: CoverageReport;
}

/** Floors to one decimal, so that 94.96% never shows as a passing "95.0%". */
export function formatPercent(p: number): string {
  return `${(Math.floor(p * 10 + 1e-9) / 10).toFixed(1)}%`;
}

export function coverageMet(c: CoverageReport): boolean {
  return c.min === undefined || c.coverage.branches.percent + 1e-9 >= c.min;
}

export function summaryLine(run: TestRun): string {
  return `${run.passed} passed, ${run.failed} failed`;
}

export function coverageVerdict(c: CoverageReport): string | undefined {
  if (c.min === undefined) return undefined;
  const pct = formatPercent(c.coverage.branches.percent);
  return coverageMet(c)
    ? `branch coverage ${pct} meets --min-coverage ${c.min}%`
    : `branch coverage ${pct} is below --min-coverage ${c.min}%`;
}

const where = (locate: Locate, origin: Origin) => {
  const { file, line } = locate(origin);
  return `${file}:${line}`;
};

// ---------------------------------------------------------------------------------------------
// text

export function renderText(input: TestReportInput, chalk: ChalkInstance): string {
  const { run, locate } = input;
  const out: string[] = [];
  for (const r of run.results) {
    if (r.status === 'passed') {
      out.push(`${chalk.green('✓')} ${r.name}`);
      continue;
    }
    out.push(`${chalk.red('✗')} ${r.name}  ${chalk.dim(`(${where(locate, r.origin)})`)}`);
    for (const f of r.failures) {
      out.push(`    ${chalk.bold(f.expectation)}  ${chalk.dim(where(locate, f.origin))}`);
      out.push(`      expected: ${chalk.green(f.expected)}`);
      out.push(`      actual:   ${chalk.red(f.actual)}`);
    }
  }
  if (input.coverage) {
    out.push('', ...coverageText(input.coverage, locate, chalk));
  }
  out.push('', summaryLine(run));
  return `${out.join('\n')}\n`;
}

function cell(c: Counted): string {
  return `${c.reached}/${c.total}`.padStart(7) + ` ${formatPercent(c.percent).padStart(6)}`;
}

function coverageText(report: CoverageReport, locate: Locate, chalk: ChalkInstance): string[] {
  const { coverage } = report;
  const out: string[] = [];
  const name = (s: string) => s.padEnd(16);
  out.push(
    `Coverage (${coverage.walks} case${coverage.walks === 1 ? '' : 's'})`,
    `${name('tree')} ${'nodes'.padStart(14)}   ${'branches'.padStart(14)}   ${'routes'.padStart(14)}`,
  );
  for (const t of coverage.trees) {
    out.push(`${name(t.family)} ${cell(t.nodes)}   ${cell(t.branches)}   ${cell(t.routes)}`);
  }
  out.push(
    `${name('total')} ${cell(coverage.nodes)}   ${cell(coverage.branches)}   ${cell(coverage.routes)}`,
  );

  // what no case reaches, tree by tree, in file order
  const missed: string[] = [];
  for (const t of coverage.trees) {
    const items = [
      ...t.missedNodes.map((n) => ({ at: locate(n.origin), what: `node ${t.family}/${n.node}` })),
      ...t.missedBranches.map((b) => ({ at: locate(b.origin), what: `branch ${branchName(b)}` })),
      ...t.missedRoutes.map((r) => ({
        at: locate(r.origin),
        what: `route ${r.route} (never awarded)`,
      })),
    ].sort((a, b) =>
      a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : a.at.line - b.at.line,
    );
    for (const { at, what } of items) missed.push(`  ${at.file}:${at.line}  ${what}`);
  }
  if (missed.length > 0) out.push('', 'Not reached:', ...missed);
  if (coverage.unawardable.length > 0) {
    out.push(
      '',
      'Routes in the registry that no tree awards:',
      ...coverage.unawardable.map((r) => `  ${where(locate, r.origin)}  ${r.route}`),
    );
  }
  const verdict = coverageVerdict(report);
  if (verdict) out.push('', coverageMet(report) ? chalk.green(verdict) : chalk.red(verdict));
  return out;
}

export function branchName(b: Branch): string {
  return `${b.family}/${b.node}: ${b.label}`;
}

// ---------------------------------------------------------------------------------------------
// JSON

const round = (p: number) => Math.round(p * 100) / 100;
const countedJson = (c: Counted) => ({
  reached: c.reached,
  total: c.total,
  percent: round(c.percent),
});

function caseJson(r: CaseResult, locate: Locate) {
  const at = locate(r.origin);
  return {
    name: r.name,
    file: at.file,
    line: at.line,
    asOf: r.asOf,
    status: r.status,
    failures: r.failures.map((f) => {
      const fa = locate(f.origin);
      return {
        expectation: f.expectation,
        expected: f.expected,
        actual: f.actual,
        file: fa.file,
        line: fa.line,
      };
    }),
  };
}

export function coverageJson(report: CoverageReport, locate: Locate) {
  const { coverage } = report;
  const loc = (o: Origin) => {
    const { file, line } = locate(o);
    return { file, line };
  };
  return {
    nodes: countedJson(coverage.nodes),
    branches: countedJson(coverage.branches),
    routes: countedJson(coverage.routes),
    ...(report.min !== undefined ? { min: report.min, met: coverageMet(report) } : {}),
    trees: coverage.trees.map((t) => ({
      family: t.family,
      file: t.file,
      nodes: countedJson(t.nodes),
      branches: countedJson(t.branches),
      routes: countedJson(t.routes),
      notReached: {
        nodes: t.missedNodes.map((n) => ({ node: n.node, ...loc(n.origin) })),
        branches: t.missedBranches.map((b) => ({
          node: b.node,
          branch: b.key,
          label: b.label,
          ...loc(b.origin),
        })),
        routes: t.missedRoutes.map((r) => ({ route: r.route, ...loc(r.origin) })),
      },
    })),
    unawardableRoutes: coverage.unawardable.map((r) => ({ route: r.route, ...loc(r.origin) })),
  };
}

export function renderJson(input: TestReportInput): string {
  const { run, locate } = input;
  const doc = {
    schemaVersion: 1,
    ruleset: { version: input.ruleset.version, hash: input.ruleset.hash, asOf: input.asOf },
    summary: { total: run.results.length, passed: run.passed, failed: run.failed },
    cases: run.results.map((r) => caseJson(r, locate)),
    ...(input.coverage ? { coverage: coverageJson(input.coverage, locate) } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Escapes element text: newlines stay newlines there. */
function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

export function renderJunit(input: TestReportInput): string {
  const { run, locate } = input;
  const byFile = new Map<string, CaseResult[]>();
  for (const r of run.results) {
    const file = locate(r.origin).file;
    const list = byFile.get(file) ?? [];
    list.push(r);
    byFile.set(file, list);
  }
  const suites: string[] = [];
  let tests = run.results.length;
  let failures = run.failed;
  for (const [file, results] of byFile) {
    const failed = results.filter((r) => r.status === 'failed').length;
    const cases = results.map((r) => {
      const at = locate(r.origin);
      const head = `    <testcase${attrs({ name: r.name, classname: file, file: at.file, line: at.line })}`;
      if (r.status === 'passed') return `${head}/>`;
      const body = r.failures
        .map(
          (f) =>
            `      <failure${attrs({
              message: `${f.expectation}: expected ${f.expected}, actual ${f.actual}`,
              type: f.expectation,
            })}>${xmlText(
              `${where(locate, f.origin)} ${f.expectation}\nexpected: ${f.expected}\nactual:   ${f.actual}`,
            )}</failure>`,
        )
        .join('\n');
      return `${head}>\n${body}\n    </testcase>`;
    });
    suites.push(
      `  <testsuite${attrs({ name: file, tests: results.length, failures: failed, errors: 0, skipped: 0 })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  if (input.coverage) {
    const c = input.coverage;
    const props = [
      ['nodes', c.coverage.nodes],
      ['branches', c.coverage.branches],
      ['routes', c.coverage.routes],
    ] as const;
    const properties = props
      .map(
        ([k, v]) =>
          `      <property${attrs({ name: `coverage.${k}`, value: `${v.reached}/${v.total} ${formatPercent(v.percent)}` })}/>`,
      )
      .join('\n');
    let testcase = '';
    let suiteFailures = 0;
    if (c.min !== undefined) {
      const verdict = coverageVerdict(c)!;
      const name = `branch coverage >= ${c.min}%`;
      tests += 1;
      if (coverageMet(c)) {
        testcase = `\n    <testcase${attrs({ name, classname: 'coverage' })}/>`;
      } else {
        suiteFailures = 1;
        failures += 1;
        const missed = c.coverage.trees
          .flatMap((t) =>
            t.missedBranches.map((b) => `${where(locate, b.origin)} ${branchName(b)}`),
          )
          .join('\n');
        testcase =
          `\n    <testcase${attrs({ name, classname: 'coverage' })}>\n` +
          `      <failure${attrs({ message: verdict, type: 'coverage' })}>${xmlText(`${verdict}\nbranches not reached:\n${missed}`)}</failure>\n` +
          `    </testcase>`;
      }
    }
    suites.push(
      `  <testsuite${attrs({ name: 'coverage', tests: c.min !== undefined ? 1 : 0, failures: suiteFailures, errors: 0, skipped: 0 })}>\n` +
        `    <properties>\n${properties}\n    </properties>${testcase}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites${attrs({ name: 'innoroute', tests, failures, errors: 0 })}>\n` +
    `${suites.join('\n')}\n` +
    `</testsuites>\n`
  );
}
