// The bounded YAML reader (src/io/yaml-data.ts) shared by rule files, answers files and the
// wizard's session: aliases cost one lookup each (never yaml's resolve, which visits the whole
// document per alias), and the work stops at the first limit passed, with a located problem.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alias, parseDocument } from 'yaml';
import { shippedRulesDir } from '../../src/cli/options.ts';
import { parseAnswersText } from '../../src/io/answers-file.ts';
import { loadRuleTexts } from '../../src/io/load.ts';
import { ANSWERS_LIMITS, yamlTextData } from '../../src/io/yaml-data.ts';
import { MAX_ALIASES, MAX_RULE_VALUES, readYaml } from '../../src/io/yaml-source.ts';

const HEADER = '# yaml-language-server: $schema=x\n';
const at = (d: { file: string; line: number; col: number; code: string }) =>
  `${d.file}:${d.line}:${d.col} ${d.code}`;

/** Counts yaml's own alias resolution: every call visits the whole document. */
function countResolves() {
  return vi.spyOn(Alias.prototype, 'resolve');
}
afterEach(() => vi.restoreAllMocks());

describe('rule files', () => {
  it('6000 aliases (the repro of issue 15) stop at the limit, at the alias past it, without resolving any', () => {
    const lines = [`${HEADER}kind: questions\nx: &a [1,2,3]`];
    for (let i = 0; i < 6000; i++) lines.push(`k${i}: *a`);
    const resolves = countResolves();
    const { diagnostics } = loadRuleTexts([{ file: 'zz.yaml', text: `${lines.join('\n')}\n` }]);
    // line 4 holds the first alias; the one past the limit is MAX_ALIASES lines further
    expect(diagnostics.map(at)).toEqual([`zz.yaml:${4 + MAX_ALIASES}:8 yaml-alias-limit`]);
    expect(diagnostics[0]!.message).toMatch(/more than 1,000 aliases/);
    expect(resolves).not.toHaveBeenCalled();
  }, 60_000);

  it('data expanded past the limit is stopped at the alias that passes it', () => {
    // 1,001 values, 999 aliases to it: just over MAX_RULE_VALUES once expanded
    const list = `[${Array(1000).fill('x').join(',')}]`;
    const lines = [`${HEADER}kind: questions\nx: &a ${list}`];
    for (let i = 0; i < 999; i++) lines.push(`k${i}: *a`);
    const { diagnostics } = loadRuleTexts([{ file: 'big.yaml', text: `${lines.join('\n')}\n` }]);
    // 3 + 1,000 values before the first alias, 1,001 more per alias: k997 (line 1001) passes
    expect(MAX_RULE_VALUES).toBe(1_000_000);
    expect(diagnostics.map(at)).toEqual(['big.yaml:1001:7 yaml-alias-limit']);
    expect(diagnostics[0]!.message).toMatch(/expand to more than 1,000,000 values/);
  });

  it('every shipped rule file with anchors reads to the data yaml gives, shared anchors and all', () => {
    const files = readdirSync(shippedRulesDir(), { recursive: true, encoding: 'utf8' });
    const yamlFiles = files.filter((f) => f.endsWith('.yaml'));
    expect(yamlFiles.length).toBeGreaterThan(30);
    const texts = yamlFiles.map((file) => ({
      file,
      text: readFileSync(join(shippedRulesDir(), file), 'utf8'),
    }));
    const anchored = texts.filter((t) => /&[a-z]/.test(t.text));
    expect(anchored.length).toBeGreaterThan(0);
    for (const { file, text } of anchored) {
      const { data } = readYaml(file, text, (f, pos, code) => {
        throw new Error(`${f}:${pos.line}:${pos.col} ${code}`);
      });
      const doc = parseDocument(text, { version: '1.2', schema: 'core', merge: false });
      expect(isDeepStrictEqual(data, doc.toJS()), file).toBe(true);
    }
  });

  it('nesting deeper than the limit is one located diagnostic', () => {
    const deep = `${HEADER}kind: questions\nx: ${'['.repeat(70)}1${']'.repeat(70)}\n`;
    const { diagnostics } = loadRuleTexts([{ file: 'deep.yaml', text: deep }]);
    // the root mapping is level 1, the first list (column 4) level 2: the one at column 67 is 65
    expect(diagnostics.map(at)).toEqual(['deep.yaml:3:67 yaml-nesting']);
  });
});

describe('answers files', () => {
  it('aliases to a long list, over and over, stop at the values limit without resolving any', () => {
    const lines = [`goal: &a [${Array(2000).fill('prevention').join(', ')}]`];
    for (let i = 0; i < 3000; i++) lines.push(`k${i}: *a`);
    const resolves = countResolves();
    const r = parseAnswersText(lines.join('\n'), 'a.yaml');
    const errors = r.problems.filter((p) => p.severity === 'error');
    // 2,002 values before the first alias, 2,001 more per alias: k48 (line 50) passes 100,000
    expect(ANSWERS_LIMITS.values).toBe(100_000);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 50,
        col: 6,
        message: expect.stringMatching(/expand to more than 100,000 values/),
      }),
    ]);
    expect(resolves).not.toHaveBeenCalled();
  }, 60_000);

  it('an alias gives the same answer as its anchor, and lists are located item by item', () => {
    const r = parseAnswersText('goal: &g [prevention, cure]\nother: *g\n', 'a.yaml');
    expect(r.problems).toEqual([]);
    expect(r.raw.other).toBe(r.raw.goal);
    expect(r.raw.goal).toEqual(['prevention', 'cure']);
    expect(r.locate('goal', (v) => v === 'cure')).toEqual({ line: 1, col: 23 });
  });
});

describe('whole texts (the wizard session)', () => {
  it('reads data and says where a bomb or an error is', () => {
    expect(yamlTextData('a: [1, 2]\nb: { c: x }\n', ANSWERS_LIMITS)).toEqual({
      data: { a: [1, 2], b: { c: 'x' } },
    });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 6; i++) {
      const [p, n] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
      bomb.push(`${n}: &${n} [${Array(10).fill(`*${p}`).join(', ')}]`);
    }
    expect(yamlTextData(bomb.join('\n'), ANSWERS_LIMITS)).toEqual({
      error: expect.stringMatching(/^line 5, column 36: the aliases in this file expand/),
    });
    expect(yamlTextData('a: [1\n', ANSWERS_LIMITS)).toEqual({
      error: expect.stringMatching(/^line \d+, column \d+: /),
    });
  });
});
