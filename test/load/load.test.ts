// The loader: every problem located as file:line:col, all of them at once, in words a rule
// author understands; hostile input gives diagnostics, never an exception or a hang.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { loadRuleDir, loadRuleTexts, MAX_SYNTAX_ERRORS, RuleDirError } from '../../src/io/load.ts';
import { parseAnswersText } from '../../src/io/answers-file.ts';
import { ANSWERS_LIMITS } from '../../src/io/yaml-data.ts';
import { baseTexts } from '../lint/helpers.ts';

const BASE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'lint', 'base');
const HEADER = '# yaml-language-server: $schema=x\n';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'innoroute-load-'));
  dirs.push(d);
  return d;
}

const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.col} ${d.code}`;

describe('messages', () => {
  it('a missing key reads "`key` is required", at the mapping that lacks it', () => {
    const { diagnostics } = loadRuleTexts([
      {
        file: 'routes.yaml',
        text:
          HEADER +
          'kind: routes\nlast_reviewed: 2026-11-01\nroutes:\n' +
          '  - id: zvw.a\n    title: { nl: A, en: A }\n    steps: [{ nl: S, en: S }]\n    sources: [x]\n',
      },
    ]);
    expect(diagnostics.map(at)).toEqual(['routes.yaml:5:5 schema']);
    expect(diagnostics[0]!.message).toBe('routes[0]: `summary` is required');
  });

  it('a key without a value says so, at the key', () => {
    const { diagnostics } = loadRuleTexts([
      { file: 'r.yaml', text: `${HEADER}kind: ruleset\nlast_reviewed:\n` },
    ]);
    expect(diagnostics.map((d) => d.message)).toContain('`last_reviewed` has no value');
    expect(diagnostics.find((d) => d.message.includes('no value'))!.line).toBe(3);
  });

  it('YAML syntax messages drop the "at line X, column Y" that file:line:col already says', () => {
    const { diagnostics } = loadRuleTexts([{ file: 'a.yaml', text: `${HEADER}a: b: c\n` }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 2, col: 4 });
    expect(diagnostics[0]!.message).toBe(
      'Nested mappings are not allowed in compact mappings (a ": " inside unquoted text starts a new key: put the text in quotes or write it as a >- block)',
    );
    expect(diagnostics[0]!.message).not.toMatch(/at line \d+, column \d+/);
  });

  it('a value of the wrong type in a union names what would fit', () => {
    const { diagnostics } = loadRuleTexts([
      {
        file: 't.yaml',
        text: `${HEADER}kind: tests\nlast_reviewed: 2026-11-01\ncases:\n  - name: x\n    answers: { a: { b: 1 } }\n    expect: {}\n`,
      },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'cases[0].answers.a: expected string, number, boolean or array, found a mapping',
    ]);
  });

  it('a condition with the wrong shape is explained by the branch it resembles', () => {
    const { diagnostics } = loadRuleTexts([
      {
        file: 'zvw.yaml',
        text:
          HEADER +
          'kind: tree\nfamily: zvw\nlast_reviewed: 2026-11-01\ntitle: { nl: Z, en: Z }\nnodes:\n' +
          '  - id: a\n    if: { any: 3 }\n    then: b\n    else: b\n  - id: b\n    end: true\n',
      },
    ]);
    expect(diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual([
      '8 nodes[0].if.any: expected array, found number 3',
    ]);
  });

  it('enum values and dates say what is allowed', () => {
    const { diagnostics } = loadRuleTexts([
      {
        file: 'w.yaml',
        text: `${HEADER}kind: tree\nfamily: ggz\nlast_reviewed: 2026-02-30x\ntitle: { nl: Z, en: Z }\nnodes: [{ id: a, end: true }]\n`,
      },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'last_reviewed: must be a date as YYYY-MM-DD (for example 2026-11-27); found the text "2026-02-30x"',
      'family: must be one of "zvw", "wlz", "wmo", "werk-en-inkomen", "consumer", "preconditions", "cost-benefit"; found the text "ggz"',
    ]);
  });

  it('unknown keys point at the key and suggest lower case', () => {
    const { diagnostics } = loadRuleTexts([
      {
        file: 'w.yaml',
        text: `${HEADER}kind: warnings\nLast_reviewed: 2026-11-01\nwarnings: []\n`,
      },
    ]);
    const unknown = diagnostics.find((d) => d.code === 'unknown-key')!;
    expect(unknown).toMatchObject({ line: 3, col: 1 });
    expect(unknown.message).toBe(
      'unknown key "Last_reviewed" (keys are lower case: "last_reviewed"?)',
    );
  });
});

describe('all problems at once', () => {
  it('reports syntax and schema errors of every file, and several per file', () => {
    const { diagnostics, files } = loadRuleTexts([
      { file: 'a.yaml', text: `${HEADER}kind: warnings\nwarnings: [\n` },
      { file: 'b.yaml', text: `${HEADER}x: 1\nx: 2\n` },
      {
        file: 'c.yaml',
        text: `${HEADER}kind: warnings\nlast_reviewed: 2026-11-01\nwarnings:\n  - id: A\n    text: { nl: "" }\n    sources: []\n    extra: 1\n`,
      },
      ...baseTexts().filter((t) => t.file === 'ruleset.yaml'),
    ]);
    expect(diagnostics.map(at)).toEqual([
      'a.yaml:4:1 yaml-syntax',
      'b.yaml:3:1 duplicate-key',
      'c.yaml:5:9 schema',
      'c.yaml:6:17 missing-text',
      'c.yaml:6:11 missing-text',
      'c.yaml:7:14 missing-sources',
      'c.yaml:8:5 unknown-key',
    ]);
    expect(files.map((f) => f.file)).toEqual(['ruleset.yaml']);
  });

  it('caps the YAML errors of one file and says how many more there are', () => {
    const text = HEADER + Array.from({ length: 200 }, (_, i) => `k${i}: [\n`).join('');
    const broken = Array.from({ length: 120 }, (_, i) => `- a\nb${i}: 1\n`).join('');
    const { diagnostics } = loadRuleTexts([
      { file: 'a.yaml', text },
      { file: 'b.yaml', text: broken },
    ]);
    const b = diagnostics.filter((d) => d.file === 'b.yaml');
    expect(b).toHaveLength(MAX_SYNTAX_ERRORS + 1);
    expect(b[MAX_SYNTAX_ERRORS]!.message).toMatch(/^… and \d+ more YAML error\(s\) in this file/);
    expect(diagnostics.every((d) => d.line >= 1 && d.col >= 1)).toBe(true);
  });
});

describe('hostile input', () => {
  it('__proto__ and constructor keys are reported and never reach an object prototype', () => {
    const { diagnostics } = loadRuleTexts([
      {
        file: 'p.yaml',
        text: `${HEADER}kind: tests\nlast_reviewed: 2026-11-01\ncases:\n  - name: x\n    answers: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }\n    expect: {}\n`,
      },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['unsafe-key', 'unsafe-key', 'unsafe-key']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('an alias bomb is stopped; an alias inside its own anchor and one without an anchor too', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
      .concat(
        Array.from({ length: 8 }, (_, i) => {
          const p = String.fromCharCode(97 + i);
          const n = String.fromCharCode(98 + i);
          return `${n}: &${n} [${Array(10).fill(`*${p}`).join(', ')}]`;
        }),
      )
      .join('\n');
    const { diagnostics } = loadRuleTexts([
      { file: 'bomb.yaml', text: `${HEADER}${bomb}\n` },
      { file: 'loop.yaml', text: `${HEADER}a: &a { b: *a }\n` },
      { file: 'none.yaml', text: `${HEADER}a: *nothing\n` },
    ]);
    expect(diagnostics.map(at)).toEqual([
      'bomb.yaml:7:36 yaml-alias-limit',
      'loop.yaml:2:12 yaml-alias-limit',
      'none.yaml:2:4 yaml-syntax',
    ]);
  });

  it('deep nesting is one diagnostic, not thousands', () => {
    const { diagnostics } = loadRuleTexts([
      { file: 'deep.yaml', text: `${HEADER}x: ${'['.repeat(20_000)}\n` },
      { file: 'deep-map.yaml', text: `${HEADER}x: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n` },
    ]);
    // at the bracket that passes the 64 levels, the same on every run: not wherever the parser's
    // stack happened to run out (the 10,000-input fuzz run saw three columns for one file)
    expect(diagnostics.map(at)).toEqual([
      `deep.yaml:2:${4 + 64} yaml-nesting`,
      `deep-map.yaml:2:${4 + 64 * 4} yaml-nesting`,
    ]);
  });

  it('deep nesting in an answers file is reported at the same place on every run', () => {
    const text = `phase: explore\nx: ${'['.repeat(30_000)}\n`;
    const places = new Set(
      Array.from({ length: 3 }, () =>
        parseAnswersText(text, 'a.yaml')
          .problems.map((p) => `${p.line}:${p.col} ${p.message}`)
          .join('|'),
      ),
    );
    expect(places.size).toBe(1);
    expect([...places][0]).toMatch(new RegExp(`^2:${4 + ANSWERS_LIMITS.depth}\\b`));
  });

  it('a file over the size limit is not parsed', () => {
    const { diagnostics } = loadRuleTexts([{ file: 'big.yaml', text: 'x'.repeat(2000) }], {
      maxFileBytes: 1000,
    });
    expect(diagnostics.map(at)).toEqual(['big.yaml:1:1 file-too-large']);
  });

  it('links: a loop is followed once, a link to a file inside is not read twice, FIFOs are never opened', () => {
    const root = temp();
    cpSync(BASE, root, { recursive: true });
    symlinkSync(root, join(root, 'loop'));
    symlinkSync(join(root, 'warnings.yaml'), join(root, 'same-warnings.yaml'));
    mkdirSync(join(root, 'schema'));
    writeFileSync(join(root, 'schema', 'ignored.yaml'), 'not: [valid');
    const fifo = spawnSync('mkfifo', [join(root, 'pipe.yaml')]);
    // a FIFO that were opened would block here until the test times out
    const loaded = loadRuleDir(root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.files).toHaveLength(9);
    if (fifo.status !== 0) console.warn('mkfifo not available; FIFO case not exercised');
  });

  it('the directory itself missing is a RuleDirError (exit 2 in the CLI)', () => {
    expect(() => loadRuleDir(join(temp(), 'absent'))).toThrow(RuleDirError);
  });
});

describe('loading', () => {
  it('a byte order mark does not hide the schema header', () => {
    const texts = baseTexts().map((t) => ({ ...t, text: `\uFEFF${t.text}` }));
    expect(loadRuleTexts(texts).diagnostics).toEqual([]);
  });

  it('the directory and the in-memory loader agree, and the hash ignores test files', () => {
    const fromDir = loadRuleDir(BASE);
    const fromTexts = loadRuleTexts(baseTexts());
    expect(fromTexts.diagnostics).toEqual(fromDir.diagnostics);
    expect(fromTexts.files.map((f) => f.file).sort()).toEqual(
      fromDir.files.map((f) => f.file).sort(),
    );
    expect(fromTexts.hash).toBe(fromDir.hash);
    const changedTest = baseTexts().map((t) =>
      t.file === 'tests/cases.yaml' ? { ...t, text: `${t.text}\n# another comment\n` } : t,
    );
    expect(loadRuleTexts(changedTest).hash).toBe(fromDir.hash);
    const changedRule = baseTexts().map((t) =>
      t.file === 'routes.yaml' ? { ...t, text: `${t.text}\n# another comment\n` } : t,
    );
    expect(loadRuleTexts(changedRule).hash).not.toBe(fromDir.hash);
    expect(loadRuleDir(BASE, { includeTests: false }).files.map((f) => f.kind)).not.toContain(
      'tests',
    );
  });

  it('locate turns a YAML path into line and column, falling back to the nearest ancestor', () => {
    const loaded = loadRuleDir(BASE);
    const finding = (path: (string | number)[], atKey = false) =>
      loaded.locate({
        code: 'schema',
        severity: 'error',
        origin: { file: 'trees/zvw.yaml', path },
        message: 'm',
        atKey,
      });
    expect(finding(['nodes', 1, 'then'])).toMatchObject({ line: 24, col: 11 });
    expect(finding(['nodes', 1, 'then'], true)).toMatchObject({ line: 24, col: 5 });
    expect(finding(['nodes', 1, 'no-such-key'])).toMatchObject({ line: 22, col: 5 });
    expect(
      loaded.locate({
        code: 'schema',
        severity: 'error',
        origin: { file: '.', path: [] },
        message: 'm',
      }),
    ).toMatchObject({ file: '.', line: 1, col: 1 });
  });
});

describe('one YAML meaning', () => {
  it('reads YAML 1.2 core: 0b101 is text, not the number 5', () => {
    const texts = baseTexts().map((t) =>
      t.file === 'ruleset.yaml'
        ? { ...t, text: t.text.replace('name: lint fixture', 'name: 0b101') }
        : t,
    );
    const loaded = loadRuleTexts(texts);
    expect(loaded.diagnostics).toEqual([]);
    const ruleset = loaded.files.find((f) => f.kind === 'ruleset')?.data as { name: unknown };
    expect(ruleset.name).toBe('0b101');
  });
});
