// The report formats of `innoroute validate`, its options and its exit codes, run in-process.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics.ts';
import type { JsonReport } from './helpers.ts';
import { AS_OF, cleanup, fixtureDir, runCli, tempDir } from './helpers.ts';

afterAll(cleanup);

const ESC = '\u001b[';

/** A rule directory with two broken files: an unknown key and a dangling node. */
function brokenDir(): string {
  return fixtureDir('switch-overlap');
}

describe('text', () => {
  it('groups by file, each line file:line:col severity code message, then a summary', async () => {
    const dir = fixtureDir('vocabulary');
    const r = await runCli(['validate', '.', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const routesHeader = lines.indexOf('routes-extra.yaml');
    const treeHeader = lines.indexOf('trees/wlz.yaml');
    expect(routesHeader).toBeGreaterThanOrEqual(0);
    expect(treeHeader).toBeGreaterThan(routesHeader);
    expect(lines[routesHeader + 1]).toMatch(
      /^ {2}routes-extra\.yaml:5:9 +error +vocabulary +route id "care\.pilot"/,
    );
    expect(lines[treeHeader + 1]).toMatch(/^ {2}trees\/wlz\.yaml:10:18 +error +vocabulary /);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('✖ 4 errors, 0 warnings in 2 files');
    expect(r.stdout).not.toContain(ESC);
  });

  it('paths are shown relative to the working directory', async () => {
    const dir = fixtureDir('vocabulary');
    const r = await runCli(['validate', 'rules', '--as-of', AS_OF], { cwd: join(dir, '..') });
    expect(r.stdout).toContain('\n  rules/trees/wlz.yaml:10:18 ');
  });

  it('a clean run says so, with the size of the rule set', async () => {
    const r = await runCli(['validate', fixtureDir(), '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ rules valid: 9 files, 1 tree, 7 nodes, 7 questions, 2 routes\n');
  });

  it('warnings only: exit 0, and the summary names them', async () => {
    const r = await runCli(['validate', fixtureDir('stale-review'), '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/⚠ 1 warning in 1 file, no errors: 11 files/);
  });

  it('is coloured on a terminal only, and never with NO_COLOR or --no-color', async () => {
    const dir = brokenDir();
    const tty = await runCli(['validate', dir, '--as-of', AS_OF], { isTTY: true });
    expect(tty.stdout).toContain(ESC);
    expect(stripVTControlCharacters(tty.stdout)).toContain('switch-overlap');
    const noColor = await runCli(['validate', dir, '--as-of', AS_OF], {
      isTTY: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).not.toContain(ESC);
    const flag = await runCli(['validate', dir, '--as-of', AS_OF, '--no-color'], { isTTY: true });
    expect(flag.stdout).not.toContain(ESC);
    expect(flag.stdout).toBe(noColor.stdout);
  });

  it('when a file cannot be read, says the checks across files wait for it', async () => {
    const dir = fixtureDir('yaml-syntax');
    const r = await runCli(['validate', dir, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The checks across files (references, trees, tests) run once');
  });
});

describe('json', () => {
  it('holds every diagnostic with file, path, line, col, severity, code and message', async () => {
    const dir = fixtureDir('switch-overlap');
    const r = await runCli(['validate', dir, '--format', 'json', '--as-of', AS_OF], {
      cwd: join(dir, '..'),
    });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport & { rules: string; asOf: string };
    expect(report.schemaVersion).toBe(1);
    expect(report.rules).toBe('rules');
    expect(report.asOf).toBe(AS_OF);
    expect(report.summary).toMatchObject({ errors: 2, warnings: 0, checked: true, nodes: 10 });
    expect(report.diagnostics[0]).toEqual({
      file: 'trees/wlz.yaml',
      path: 'rules/trees/wlz.yaml',
      line: 11,
      col: 18,
      severity: 'error',
      code: 'switch-overlap',
      message: '"digital" is handled by case 1 and again by case 2; an option belongs to one case',
    });
  });
});

interface Sarif {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: { id: string; shortDescription: { text: string } }[];
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
    }[];
  }[];
}

describe('sarif', () => {
  it('is SARIF 2.1.0 with a rule per code and located results', async () => {
    const dir = fixtureDir('expired-reachable');
    const cwd = join(dir, '..');
    const r = await runCli(['validate', 'rules', '--format', 'sarif', '--as-of', AS_OF], { cwd });
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout) as Sarif;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('innoroute');
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(Object.keys(DIAGNOSTIC_CODES));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toBe(
        DIAGNOSTIC_CODES[rule.id as keyof typeof DIAGNOSTIC_CODES],
      );
    }
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`file://${cwd}/`);
    expect(run.results).toHaveLength(3);
    const first = run.results[0]!;
    expect(first).toMatchObject({
      ruleId: 'expired-reachable',
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'rules/trees/wlz.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 10, startColumn: 18 },
          },
        },
      ],
    });
    expect(run.tool.driver.rules[first.ruleIndex]!.id).toBe('expired-reachable');
    expect(first.message.text).toMatch(/wlz\.old-scheme/);
  });
});

describe('github', () => {
  it('prints one workflow annotation per diagnostic, escaped, then the summary', async () => {
    const dir = fixtureDir();
    writeFileSync(
      join(dir, 'odd,name.yaml'),
      [
        '# yaml-language-server: $schema=x',
        'kind: warnings',
        'last_reviewed: 2026-11-01',
        'warnings:',
        '  - id: extra',
        '    text: { nl: Tekst, en: Text }',
        '    sources: ["nza-regels"]',
        '    "50%": x',
        '',
      ].join('\n'),
    );
    const r = await runCli(['validate', '.', '--format', 'github', '--as-of', AS_OF], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=odd%2Cname.yaml,line=8,col=5,title=unknown-key::unknown key "50%25" in warnings[0]',
      '✖ 1 error, 0 warnings in 1 file',
    ]);
  });

  it('warnings become ::warning', async () => {
    const r = await runCli(['validate', '.', '--format', 'github', '--as-of', AS_OF], {
      cwd: fixtureDir('stale-review'),
    });
    expect(r.stdout).toMatch(
      /^::warning file=warnings-old\.yaml,line=3,col=16,title=stale-review::last reviewed on 2025-05-26/,
    );
  });
});

describe('--out', () => {
  it('writes the report to a file, atomically, and the summary to stderr', async () => {
    const dir = fixtureDir('switch-gap');
    const outDir = tempDir();
    const out = join(outDir, 'report.json');
    writeFileSync(out, 'old content');
    const r = await runCli(['validate', dir, '--format', 'json', '--out', out, '--as-of', AS_OF], {
      isTTY: true,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('✖ 2 errors, 0 warnings in 1 file\n');
    const report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
    expect(report.diagnostics.map((d) => d.code)).toEqual(['switch-gap', 'switch-gap']);
    expect(readdirSync(outDir)).toEqual(['report.json']);
  });

  it('text written to a file has no colour, even from a terminal', async () => {
    const out = join(tempDir(), 'report.txt');
    await runCli(['validate', brokenDir(), '--out', out, '--as-of', AS_OF], { isTTY: true });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('switch-overlap');
    expect(text).not.toContain(ESC);
  });

  it('a directory that does not exist: exit 2, no partial file', async () => {
    const out = join(tempDir(), 'missing', 'report.json');
    const r = await runCli(['validate', fixtureDir(), '--out', out, '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^innoroute: cannot write .*report\.json/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('exit codes', () => {
  it('2 when the rule directory does not exist', async () => {
    const r = await runCli(['validate', join(tempDir(), 'nope'), '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rule directory not found/);
    expect(r.stdout).toBe('');
  });

  it('2 when the rule directory is a file', async () => {
    const dir = fixtureDir();
    const r = await runCli(['validate', join(dir, 'ruleset.yaml'), '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a directory/);
  });

  it('2 for a bad --as-of or --format', async () => {
    const dir = fixtureDir();
    expect((await runCli(['validate', dir, '--as-of', '2026-02-30'])).code).toBe(2);
    const format = await runCli(['validate', dir, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/xml/);
  });

  it('--rules works as well as the argument', async () => {
    const r = await runCli(['validate', '--rules', fixtureDir('cycle'), '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/nodes form a cycle/);
  });
});
