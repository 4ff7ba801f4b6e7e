// The renderers of `innoroute test`: text (expected against actual, the summary line alone on a
// line), JSON (deterministic) and JUnit XML (well-formed, escaped, parsed back here).
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { counted } from '../../src/core/coverage.ts';
import type { Coverage } from '../../src/core/coverage.ts';
import type { Origin } from '../../src/core/ruleset.ts';
import type { TestRun } from '../../src/core/testing.ts';
import {
  formatPercent,
  renderJson,
  renderJunit,
  renderText,
  xmlEscape,
} from '../../src/report/test-report.ts';
import type { TestReportInput } from '../../src/report/test-report.ts';
import { all, parseXml } from './xml.ts';

const nasty = `Tom & Jerry <"quoted"> 'apos' ]]> \u0001 end`;
const origin = (...path: (string | number)[]): Origin => ({ file: 'tests/a.yaml', path });
// a fake locator: the line is the first number in the path plus 10
const locate = (o: Origin) => ({
  file: o.file,
  line: 10 + Number(o.path.find((p) => typeof p === 'number') ?? 0),
});

const run: TestRun = {
  passed: 1,
  failed: 1,
  results: [
    {
      name: 'passes',
      file: 'tests/a.yaml',
      origin: origin('cases', 0),
      asOf: '2026-11-01',
      status: 'passed',
      failures: [],
    },
    {
      name: nasty,
      file: 'tests/b.yaml',
      origin: { file: 'tests/b.yaml', path: ['cases', 3] },
      asOf: '2026-11-01',
      status: 'failed',
      failures: [
        {
          expectation: 'top_route',
          expected: 'zvw.a & <b>',
          actual: 'wmo.c "quoted"',
          origin: { file: 'tests/b.yaml', path: ['cases', 3, 'expect', 'top_route'] },
        },
      ],
    },
  ],
};

const coverage: Coverage = {
  trees: [
    {
      family: 'zvw',
      file: 'trees/zvw.yaml',
      nodes: counted(6, 7),
      branches: counted(19, 20),
      routes: counted(2, 3),
      missedNodes: [
        {
          family: 'zvw',
          node: 'self-care',
          origin: { file: 'trees/zvw.yaml', path: ['nodes', 4] },
        },
      ],
      missedBranches: [
        {
          family: 'zvw',
          node: 'relation',
          key: 'else',
          kind: 'else',
          label: 'else → self-care',
          target: 'self-care',
          origin: { file: 'trees/zvw.yaml', path: ['nodes', 2, 'else'] },
        },
      ],
      awarded: ['zvw.a', 'zvw.b'],
      missedRoutes: [
        {
          route: 'zvw.c',
          origin: { file: 'trees/zvw.yaml', path: ['nodes', 4, 'effects', 'routes', 0] },
        },
      ],
    },
  ],
  nodes: counted(6, 7),
  branches: counted(19, 20),
  routes: counted(2, 3),
  unawardable: [{ route: 'zvw.d', origin: { file: 'registry/routes.yaml', path: ['routes', 7] } }],
  walks: 2,
};

const input = (extra: Partial<TestReportInput> = {}): TestReportInput => ({
  run,
  locate,
  asOf: '2026-11-01',
  ruleset: { version: '1.0.0', hash: 'sha256:abc' },
  ...extra,
});

const plain = new Chalk({ level: 0 });

describe('the text report', () => {
  it('shows each case, expected against actual with file:line, and the summary alone on the last line', () => {
    const text = renderText(input(), plain);
    expect(text).toContain('✓ passes\n');
    expect(text).toContain(`✗ ${nasty}  (tests/b.yaml:13)\n`);
    expect(text).toContain(
      '    top_route  tests/b.yaml:13\n      expected: zvw.a & <b>\n      actual:   wmo.c "quoted"\n',
    );
    expect(text.endsWith('\n1 passed, 1 failed\n')).toBe(true);
    expect(text.split('\n').filter((l) => /^\d+ passed, \d+ failed$/.test(l))).toHaveLength(1);
  });

  it('prints the coverage table, what is not reached, and the verdict against the minimum', () => {
    const text = renderText(input({ coverage: { coverage, min: 96 } }), plain);
    expect(text).toContain('Coverage (2 cases)');
    expect(text).toMatch(/^zvw\s+6\/7\s+85\.7%\s+19\/20\s+95\.0%\s+2\/3\s+66\.6%$/m);
    expect(text).toMatch(/^total\s+6\/7/m);
    expect(text).toContain('  trees/zvw.yaml:14  node zvw/self-care\n');
    expect(text).toContain('  trees/zvw.yaml:12  branch zvw/relation: else → self-care\n');
    expect(text).toContain('  trees/zvw.yaml:14  route zvw.c (never awarded)\n');
    expect(text).toContain(
      'Routes in the registry that no tree awards:\n  registry/routes.yaml:17  zvw.d\n',
    );
    expect(text).toContain('branch coverage 95.0% is below --min-coverage 96%');
    expect(renderText(input({ coverage: { coverage, min: 95 } }), plain)).toContain(
      'branch coverage 95.0% meets --min-coverage 95%',
    );
  });

  it('colours only through the chalk instance it is given', () => {
    expect(renderText(input(), plain)).not.toContain('\u001b[');
    expect(renderText(input(), new Chalk({ level: 1 }))).toContain('\u001b[');
  });
});

describe('formatPercent', () => {
  it('floors to one decimal so that a miss never shows as the minimum', () => {
    expect(formatPercent((949 / 1000) * 100 + 0.06)).toBe('94.9%');
    expect(formatPercent(95)).toBe('95.0%');
    expect(formatPercent((2 / 3) * 100)).toBe('66.6%');
    expect(formatPercent(100)).toBe('100.0%');
  });
});

describe('the JSON report', () => {
  it('holds the cases with status, failures and places, and no timings', () => {
    const doc = JSON.parse(renderJson(input({ coverage: { coverage, min: 95 } })));
    expect(doc.summary).toEqual({ total: 2, passed: 1, failed: 1 });
    expect(doc.ruleset).toEqual({ version: '1.0.0', hash: 'sha256:abc', asOf: '2026-11-01' });
    expect(doc.cases[1]).toEqual({
      name: nasty,
      file: 'tests/b.yaml',
      line: 13,
      asOf: '2026-11-01',
      status: 'failed',
      failures: [
        {
          expectation: 'top_route',
          expected: 'zvw.a & <b>',
          actual: 'wmo.c "quoted"',
          file: 'tests/b.yaml',
          line: 13,
        },
      ],
    });
    expect(doc.coverage.branches).toEqual({ reached: 19, total: 20, percent: 95 });
    expect(doc.coverage.min).toBe(95);
    expect(doc.coverage.met).toBe(true);
    expect(doc.coverage.trees[0].notReached.branches).toEqual([
      {
        node: 'relation',
        branch: 'else',
        label: 'else → self-care',
        file: 'trees/zvw.yaml',
        line: 12,
      },
    ]);
    expect(doc.coverage.unawardableRoutes).toEqual([
      { route: 'zvw.d', file: 'registry/routes.yaml', line: 17 },
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/time|duration/i);
    expect(renderJson(input())).toBe(renderJson(input()));
  });
});

describe('the JUnit report', () => {
  it('(the well-formedness check itself rejects broken XML)', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(() => parseXml(`${head}<a>x & y</a>`)).toThrow(/raw &/);
    expect(() => parseXml(`${head}<a b="1 < 2"/>`)).toThrow(/malformed/);
    expect(() => parseXml(`${head}<a><b></a></b>`)).toThrow(/closes/);
    expect(() => parseXml(`${head}<a>`)).toThrow(/unclosed/);
    expect(parseXml(`${head}<a b="&amp;">&lt;</a>`)).toMatchObject({
      attrs: { b: '&' },
      text: '<',
    });
  });

  it('is well-formed XML with a suite per file and escaped names and messages', () => {
    const xml = renderJunit(input());
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '2', failures: '1' });
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures])).toEqual([
      ['tests/a.yaml', '1', '0'],
      ['tests/b.yaml', '1', '1'],
    ]);
    const cases = all(root, 'testcase');
    // the control character is dropped (XML 1.0 cannot hold it); everything else survives
    expect(cases[1]!.attrs.name).toBe(nasty.replace('\u0001', ''));
    expect(cases[1]!.attrs.line).toBe('13');
    const [failure] = all(root, 'failure');
    expect(failure!.attrs.type).toBe('top_route');
    expect(failure!.attrs.message).toBe('top_route: expected zvw.a & <b>, actual wmo.c "quoted"');
    expect(failure!.text).toBe(
      'tests/b.yaml:13 top_route\nexpected: zvw.a & <b>\nactual:   wmo.c "quoted"',
    );
    expect(all(cases[0]!, 'failure')).toHaveLength(0);
  });

  it('adds a coverage suite whose test case fails below --min-coverage', () => {
    const below = parseXml(renderJunit(input({ coverage: { coverage, min: 96 } })));
    expect(below.attrs).toMatchObject({ tests: '3', failures: '2' });
    const suite = all(below, 'testsuite').find((s) => s.attrs.name === 'coverage')!;
    expect(all(suite, 'property').map((p) => [p.attrs.name, p.attrs.value])).toEqual([
      ['coverage.nodes', '6/7 85.7%'],
      ['coverage.branches', '19/20 95.0%'],
      ['coverage.routes', '2/3 66.6%'],
    ]);
    const [failure] = all(suite, 'failure');
    expect(failure!.attrs.message).toBe('branch coverage 95.0% is below --min-coverage 96%');
    expect(failure!.text).toContain('trees/zvw.yaml:12 zvw/relation: else → self-care');

    const met = parseXml(renderJunit(input({ coverage: { coverage, min: 95 } })));
    expect(met.attrs).toMatchObject({ tests: '3', failures: '1' });
    expect(
      all(
        all(met, 'testsuite').find((s) => s.attrs.name === 'coverage')!,
        'failure',
      ),
    ).toEqual([]);
  });

  it('escapes every markup character in attribute values', () => {
    expect(xmlEscape(`a&b<c>d"e'f\ng`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f&#10;g');
  });
});
