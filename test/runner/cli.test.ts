// `innoroute test` in-process through main(argv, ctx): passing and failing fixture cases, every
// output format, coverage and --min-coverage, and the exit codes.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { all, parseXml } from './xml.ts';

const fixtures = fileURLToPath(new URL('../fixtures/runner', import.meta.url));
const basic = join(fixtures, 'basic');

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

async function cli(argv: string[], cwd = fixtures) {
  const stdout = new Capture();
  const stderr = new Capture();
  const ctx: CliContext = { cwd, env: { NO_COLOR: '1' }, stdout, stderr, stdin: process.stdin };
  const code = await main(argv, ctx);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/**
 * A working directory with a copy of the basic fixture rules in `rules/`, whose tests/ holds only
 * the given files. Returns the working directory.
 */
function withTests(files: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'innoroute-runner-'));
  temps.push(cwd);
  const rules = join(cwd, 'rules');
  cpSync(basic, rules, { recursive: true, filter: (src) => !src.startsWith(join(basic, 'tests')) });
  mkdirSync(join(rules, 'tests'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(rules, 'tests', name), text);
  return cwd;
}

const tests = (cases: string) =>
  `# yaml-language-server: $schema=../schema/tests.schema.json\nkind: tests\nlast_reviewed: 2026-11-01\ncases:\n${cases}`;

const device = `    as_of: 2026-11-01
    answers:
      innovation_type: device
      treatment_relation: true
      goal: [daily_living_support]
      willingness_to_pay: high
      cost_bearers: [health_insurer]
      beneficiaries: [health_insurer]
`;

describe('innoroute test', () => {
  it('passes the fixture cases: one line per case, the summary alone on the last line, exit 0', async () => {
    const { code, stdout, stderr } = await cli(['test', 'basic']);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        '✓ device in a treatment relation',
        '✓ self-care app, the patient pays and the insurer gains',
        '✓ nothing answered yet',
        '✓ a service with figures, the hospital pays',
        '',
        '4 passed, 0 failed',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  it('shows a failing expectation with expected, actual and its file:line, and exits 1', async () => {
    const dir = withTests({
      'zvw.yaml': tests(`  - name: device in a treatment relation
${device}    expect:
      top_route: zvw.hulpmiddelenzorg
      fit: { zvw.existing-prestatie: strong }
  - name: still right
${device}    expect:
      top_family: zvw
`),
    });
    const { code, stdout } = await cli(['test', 'rules'], dir);
    expect(stdout).toBe(
      [
        '✗ device in a treatment relation  (rules/tests/zvw.yaml:5)',
        '    top_route  rules/tests/zvw.yaml:15',
        '      expected: zvw.hulpmiddelenzorg',
        '      actual:   zvw.existing-prestatie (strong 85); zvw.hulpmiddelenzorg is advised, strong (score 80)',
        '✓ still right',
        '',
        '1 passed, 1 failed',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  it('fails each kind of expectation when it does not hold', async () => {
    const dir = withTests({
      'all.yaml': tests(`  - name: every expectation wrong
${device}    expect:
      top_route: consumer.direct-sale
      top_family: wmo
      routes: [zvw.facultatieve-prestatie]
      not_routes: [zvw.hulpmiddelenzorg]
      fit: { wmo.maatwerkvoorziening: strong }
      excluded: [zvw.hulpmiddelenzorg]
      stakeholders: [zorgkantoor]
      not_stakeholders: [nza]
      warnings: [technology-push]
      not_warnings: []
      bridge: [old-fund]
      open_questions: [phase]
      cost_benefit: { none: false, wrong_pocket: true, total: 1, arrangements: [shared-savings], transfers: [] }
`),
    });
    const { code, stdout } = await cli(['test', 'rules', '--format', 'json'], dir);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout).cases;
    expect(
      result.failures.map((f: { expectation: string; line: number }) => [f.expectation, f.line]),
    ).toEqual([
      ['top_route', 15],
      ['top_family', 16],
      ['routes.zvw.facultatieve-prestatie', 17],
      ['not_routes.zvw.hulpmiddelenzorg', 18],
      ['fit.wmo.maatwerkvoorziening', 19],
      ['excluded.zvw.hulpmiddelenzorg', 20],
      ['stakeholders.zorgkantoor', 21],
      ['not_stakeholders.nza', 22],
      ['warnings.technology-push', 23],
      ['bridge.old-fund', 25],
      ['open_questions.phase', 26],
      ['cost_benefit.none', 27],
      ['cost_benefit.wrong_pocket', 27],
      ['cost_benefit.total', 27],
      ['cost_benefit.arrangements.shared-savings', 27],
      ['cost_benefit.transfers', 27],
    ]);
    const byName = Object.fromEntries(
      result.failures.map((f: { expectation: string; actual: string }) => [
        f.expectation,
        f.actual,
      ]),
    );
    expect(byName['fit.wmo.maatwerkvoorziening']).toBe(
      'wmo.maatwerkvoorziening is advised, possible (score 60)',
    );
    expect(byName['excluded.zvw.hulpmiddelenzorg']).toMatch(/^zvw\.hulpmiddelenzorg is advised/);
    expect(byName['not_stakeholders.nza']).toMatch(/stakeholders: .*nza/);
    expect(byName['bridge.old-fund']).toBe('bridge funding: zonmw');
    expect(byName['cost_benefit.total']).toMatch(/costBenefit is null/);
  });

  it('fails a case whose answers are invalid, name unknown questions or set derived facts', async () => {
    const dir = withTests({
      'answers.yaml': tests(`  - name: bad answers
    as_of: 2026-11-01
    answers:
      innovation_type: gadget
      treatment_relations: true
      cb_total: 5
    expect: {}
  - name: empty expect still evaluates
    answers: { innovation_type: device }
    expect: {}
`),
    });
    const { code, stdout } = await cli(['test', 'rules'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ bad answers  (rules/tests/answers.yaml:5)\n');
    expect(stdout).toContain('    answers.innovation_type  rules/tests/answers.yaml:8\n');
    expect(stdout).toContain(
      '      expected: one of: device, digital, process, service, medicine\n',
    );
    expect(stdout).toContain(
      '      actual:   "gadget": "gadget" is not an option of innovation_type',
    );
    expect(stdout).toContain('    answers.treatment_relations  rules/tests/answers.yaml:9\n');
    expect(stdout).toContain('did you mean "treatment_relation"?');
    expect(stdout).toContain('    answers.cb_total  rules/tests/answers.yaml:10\n');
    expect(stdout).toContain('cb_total is computed by innoroute');
    expect(stdout).toContain('✓ empty expect still evaluates\n');
    expect(stdout.endsWith('\n1 passed, 1 failed\n')).toBe(true);
  });

  it("lets a case's as_of override --as-of, which is the default otherwise", async () => {
    const old = (asOf: string) => `  - name: old fund ${asOf || 'default'}
${asOf ? `    as_of: ${asOf}\n` : ''}    answers: { goal: [daily_living_support] }
    expect:
      bridge: [old-fund]
`;
    const dir = withTests({ 'dates.yaml': tests(old('2020-06-01') + old('')) });
    const later = await cli(['test', 'rules', '--as-of', '2026-11-01'], dir);
    expect(later.stdout).toContain('✓ old fund 2020-06-01\n');
    expect(later.stdout).toContain('✗ old fund default');
    expect(later.code).toBe(1);
    const earlier = await cli(['test', 'rules', '--as-of', '2020-12-31'], dir);
    expect(earlier.stdout).toContain('2 passed, 0 failed');
    expect(earlier.code).toBe(0);
    const json = JSON.parse(
      (await cli(['test', 'rules', '--as-of', '2020-12-31', '--format', 'json'], dir)).stdout,
    );
    expect(json.cases.map((c: { asOf: string }) => c.asOf)).toEqual(['2020-06-01', '2020-12-31']);
  });

  it('runs only the cases whose name contains --filter, case-insensitively', async () => {
    const { code, stdout } = await cli(['test', 'basic', '--filter', 'NOTHING']);
    expect(stdout).toBe('✓ nothing answered yet\n\n1 passed, 0 failed\n');
    expect(code).toBe(0);
  });

  it('writes deterministic JSON, and the summary to stderr', async () => {
    const a = await cli(['test', 'basic', '--format', 'json', '--coverage']);
    const b = await cli(['test', 'basic', '--format', 'json', '--coverage']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe('4 passed, 0 failed\n');
    const doc = JSON.parse(a.stdout);
    expect(doc.summary).toEqual({ total: 4, passed: 4, failed: 0 });
    expect(doc.cases[0]).toEqual({
      name: 'device in a treatment relation',
      file: 'basic/tests/cases.yaml',
      line: 6,
      asOf: '2026-11-01',
      status: 'passed',
      failures: [],
    });
    expect(doc.coverage.branches).toEqual({ reached: 23, total: 23, percent: 100 });
  });

  it('writes well-formed JUnit XML with a failure per failing expectation', async () => {
    const dir = withTests({
      'a.yaml': tests(`  - name: passes & <ok>
${device}    expect: { top_family: zvw }
`),
      'b.yaml': tests(`  - name: fails "twice"
${device}    expect: { top_family: wmo, warnings: [technology-push] }
`),
    });
    const { code, stdout, stderr } = await cli(['test', 'rules', '--format', 'junit'], dir);
    expect(code).toBe(1);
    expect(stderr).toBe('1 passed, 1 failed\n');
    const root = parseXml(stdout);
    expect(root.attrs).toMatchObject({ name: 'innoroute', tests: '2', failures: '1' });
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['rules/tests/a.yaml', 'rules/tests/b.yaml']);
    expect(all(suites[0]!, 'testcase')[0]!.attrs.name).toBe('passes & <ok>');
    const failing = all(suites[1]!, 'testcase')[0]!;
    expect(failing.attrs).toMatchObject({
      name: 'fails "twice"',
      file: 'rules/tests/b.yaml',
      line: '5',
    });
    expect(all(failing, 'failure').map((f) => f.attrs.type)).toEqual([
      'top_family',
      'warnings.technology-push',
    ]);
    expect(all(failing, 'failure')[0]!.text).toBe(
      'rules/tests/b.yaml:14 top_family\nexpected: wmo\nactual:   zvw (zvw.existing-prestatie)',
    );
  });

  it('writes the report to --out and the summary to stderr', async () => {
    const dir = withTests({
      'a.yaml': tests(`  - name: one\n${device}    expect: { top_family: zvw }\n`),
    });
    const { code, stdout, stderr } = await cli(['test', 'rules', '--out', 'report.txt'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('1 passed, 0 failed\n');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe('✓ one\n\n1 passed, 0 failed\n');
  });
});

describe('innoroute test --coverage', () => {
  it('reports nodes, branches and routes per tree, and what is not reached with file:line', async () => {
    const { code, stdout } = await cli(['test', 'basic', '--coverage', '--filter', 'device']);
    expect(code).toBe(0);
    expect(stdout).toContain('Coverage (1 case)\n');
    expect(stdout).toMatch(/^zvw\s+5\/7\s+71\.4%\s+4\/11\s+36\.3%\s+2\/3\s+66\.6%$/m);
    expect(stdout).toMatch(/^wmo\s+5\/5\s+100\.0%\s+5\/6\s+83\.3%\s+1\/1\s+100\.0%$/m);
    expect(stdout).toMatch(/^total\s+15\/18\s+83\.3%\s+12\/23\s+52\.1%\s+4\/5\s+80\.0%$/m);
    expect(stdout).toContain('Not reached:\n');
    expect(stdout).toContain(
      '  basic/trees/zvw.yaml:13  branch zvw/start: case [digital, process] → relation\n',
    );
    expect(stdout).toContain('  basic/trees/zvw.yaml:33  branch zvw/relation: else → self-care\n');
    expect(stdout).toContain('  basic/trees/zvw.yaml:49  node zvw/self-care\n');
    expect(stdout).toContain(
      '  basic/trees/zvw.yaml:52  route zvw.facultatieve-prestatie (never awarded)\n',
    );
    expect(stdout).toContain('  basic/trees/wmo.yaml:11  branch wmo/start: else → done\n');
    expect(stdout).toContain(
      'Routes in the registry that no tree awards:\n  basic/registry/routes.yaml:28  zvw.veelbelovende-zorg\n  basic/registry/routes.yaml:35  zvw.package-question\n',
    );
    expect(stdout.endsWith('\n1 passed, 0 failed\n')).toBe(true);
  });

  it('reaches every branch and route of the fixture with all its cases', async () => {
    const { code, stdout } = await cli(['test', 'basic', '--coverage', '--min-coverage', '100']);
    expect(stdout).toMatch(/^total\s+18\/18\s+100\.0%\s+23\/23\s+100\.0%\s+5\/5\s+100\.0%$/m);
    expect(stdout).not.toContain('Not reached');
    expect(stdout).toContain('branch coverage 100.0% meets --min-coverage 100%');
    expect(code).toBe(0);
  });

  it('exits 1 below --min-coverage (which implies --coverage), with a clear message', async () => {
    const below = await cli(['test', 'basic', '--filter', 'device', '--min-coverage', '53']);
    expect(below.stdout).toContain('Coverage (1 case)');
    expect(below.stdout).toContain('branch coverage 52.1% is below --min-coverage 53%\n');
    expect(below.stdout.endsWith('\n1 passed, 0 failed\n')).toBe(true);
    expect(below.code).toBe(1);
    const json = await cli([
      'test',
      'basic',
      '--filter',
      'device',
      '--min-coverage',
      '53%',
      '--format',
      'json',
    ]);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe(
      '1 passed, 0 failed\ninnoroute: branch coverage 52.1% is below --min-coverage 53%\n',
    );
    expect(JSON.parse(json.stdout).coverage).toMatchObject({ min: 53, met: false });
    const met = await cli(['test', 'basic', '--filter', 'device', '--min-coverage', '52.1']);
    expect(met.code).toBe(0);
  });

  it('counts the walks of failing cases, but not of cases whose answers are invalid', async () => {
    const dir = withTests({
      'a.yaml': tests(`  - name: fails but walks
${device}    expect: { top_family: wmo }
  - name: invalid answers
    answers: { innovation_type: digital, treatment_relation: maybe }
    expect: {}
`),
    });
    const { code, stdout } = await cli(['test', 'rules', '--coverage'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('Coverage (1 case)\n');
    expect(stdout).toMatch(/^total\s+15\/18\s+83\.3%\s+12\/23/m);
  });
});

describe('innoroute test: when the tests cannot run (exit 2)', () => {
  it('rejects a --min-coverage that is not a percentage', async () => {
    for (const bad of ['abc', '101', '-5', '']) {
      const { code, stderr, stdout } = await cli(['test', 'basic', '--min-coverage', bad]);
      expect(code).toBe(2);
      expect(stderr).toContain('--min-coverage takes a percentage from 0 to 100');
      expect(stdout).toBe('');
    }
  });

  it('says so when there are no test cases', async () => {
    const dir = withTests({});
    const { code, stderr } = await cli(['test', 'rules'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `innoroute: no test cases found in rules/tests: add a YAML file with "kind: tests" (see docs/testing.md)\n`,
    );
  });

  it('says so when --filter matches no case', async () => {
    const { code, stderr } = await cli(['test', 'basic', '--filter', 'no such case']);
    expect(code).toBe(2);
    expect(stderr).toContain('no test case name contains "no such case"');
  });

  it('stops on rule errors, located, and points at validate', async () => {
    const dir = withTests({ 'broken.yaml': tests('  - name: no answers\n    expect: {}\n') });
    const { code, stderr } = await cli(['test', 'rules', '--lang', 'en'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'the rules in rules have 1 error; nothing was done. Fix it and check with "innoroute validate rules"',
    );
    // as validate prints it
    expect(stderr).toMatch(/^ {2}rules\/tests\/broken\.yaml:5:\d+ +error +schema /m);
  });

  it('stops when --out cannot be written', async () => {
    const { code, stderr } = await cli([
      'test',
      'basic',
      '--out',
      'no/such/dir/report.txt',
      '--lang',
      'en',
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'innoroute: cannot write no/such/dir/report.txt: the directory no/such/dir does not exist\n',
    );
    expect(existsSync(join(fixtures, 'no'))).toBe(false);
  });
});
