// Property: whatever text is fed to the loader — random strings, random YAML values, or a valid
// rule set with one file mangled — loading, compiling and linting only ever return located
// diagnostics. No exception, no hang.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileRuleSet } from '../../src/core/compile.ts';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics.ts';
import { lint } from '../../src/core/lint.ts';
import { FILE_KIND_NAMES } from '../../src/core/schema.ts';
import type { RuleText } from '../../src/io/load.ts';
import { loadRuleTexts } from '../../src/io/load.ts';
import { baseTexts } from '../lint/helpers.ts';

const BASE_TEXTS = baseTexts();
const CODES = new Set(Object.keys(DIAGNOSTIC_CODES));

/** The whole validate pipeline, without the CLI. Throws only if something is wrong. */
function validate(texts: readonly RuleText[]): Diagnostic[] {
  const loaded = loadRuleTexts(texts);
  const { rules, findings } = compileRuleSet(loaded.files, loaded.hash);
  const lintFindings = rules ? lint(rules, { asOf: '2026-11-27' }) : [];
  const diagnostics = [...loaded.diagnostics, ...[...findings, ...lintFindings].map(loaded.locate)];
  const files = new Set(['.', ...texts.map((t) => t.file)]);
  for (const d of diagnostics) {
    if (!CODES.has(d.code)) throw new Error(`unknown code ${d.code}`);
    if (!files.has(d.file)) throw new Error(`unknown file ${d.file}`);
    if (!(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.col) && d.col >= 1)) {
      throw new Error(`bad position ${d.line}:${d.col}`);
    }
    if (typeof d.message !== 'string' || d.message === '') throw new Error('empty message');
  }
  return diagnostics;
}

/** One edit of a text: the kinds of damage a hurried hand or a bad merge does. */
const edit = fc.oneof(
  // insert characters, YAML punctuation included
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        ':',
        '- ',
        '[',
        ']',
        '{',
        '}',
        '&a ',
        '*a',
        '!!',
        '"',
        "'",
        '\t',
        '\n',
        '#',
        '|',
        '>',
        '? ',
        '---\n',
      ),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('indent' as const),
    line: fc.nat(),
    by: fc.integer({ min: -4, max: 4 }),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, e: Edit): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (e.kind) {
    case 'insert': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case 'delete': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + e.length);
    }
    case 'duplicate-line':
      lines.splice(e.line % n, 0, lines[e.line % n]!);
      return lines.join('\n');
    case 'delete-line':
      lines.splice(e.line % n, 1);
      return lines.join('\n');
    case 'swap-lines': {
      const a = e.a % n;
      const b = e.b % n;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const i = e.line % n;
      const line = lines[i]!;
      lines[i] =
        e.by >= 0 ? ' '.repeat(e.by) + line : line.replace(new RegExp(`^ {0,${-e.by}}`), '');
      return lines.join('\n');
    }
  }
}

describe('the loader never throws', () => {
  // nor prints anything of its own: a library warning on stderr would garble the report
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  beforeAll(() => {
    process.on('warning', onWarning);
  });
  afterAll(() => {
    process.off('warning', onWarning);
  });

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        validate([{ file: 'random.yaml', text }]);
      }),
      { numRuns: 300 },
    );
  });

  it('on random YAML values under a real kind', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const keys = fc.constantFrom(
      'last_reviewed',
      'nodes',
      'routes',
      'questions',
      'cases',
      'sources',
      'family',
      'title',
      'id',
      'if',
      'switch',
      'next',
      'effects',
      '__proto__',
      'constructor',
      'toString',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...FILE_KIND_NAMES),
        fc.dictionary(keys, value, { maxKeys: 6 }),
        (kind, rest) => {
          const text = `# yaml-language-server: $schema=x\n${stringify({ kind, ...rest })}`;
          validate([...BASE_TEXTS, { file: 'extra.yaml', text }]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on a valid rule set with one file damaged by a few edits', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: BASE_TEXTS.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          const texts = BASE_TEXTS.map((t, i) =>
            i === which ? { ...t, text: edits.reduce(apply, t.text) } : t,
          );
          validate(texts);
        },
      ),
      { numRuns: 400 },
    );
    // 400 validations: generous on a shared machine; a hang still ends in a failure
  }, 60_000);

  it('and never makes the process print a warning', async () => {
    validate([{ file: 'complex-key.yaml', text: '? { a: 1 }\n: x\n[1]: 2\n' }]);
    await new Promise((r) => setTimeout(r, 10));
    expect(warnings).toEqual([]);
  });

  it('and an undamaged rule set stays clean (the property above is not vacuous)', () => {
    expect(validate(BASE_TEXTS)).toEqual([]);
    const damaged = BASE_TEXTS.map((t) =>
      t.file === 'trees/zvw.yaml'
        ? { ...t, text: apply(t.text, { kind: 'delete-line', line: 18 }) }
        : t,
    );
    expect(validate(damaged).length).toBeGreaterThan(0);
  });
});
