// Tables fitted to the window (src/report/table-fit.ts): as cli-table3 draws them when they fit;
// otherwise no line wider than the window, every word kept, and a word broken only when even the
// narrowest columns do not fit.
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { fittedTable, fitWidths } from '../../src/report/table-fit.ts';
import type { FitCell } from '../../src/report/table-fit.ts';

const plain = { head: [], border: [] };
const widest = (s: string) => Math.max(...s.split('\n').map((l) => l.length));
/** The text of the cells, without borders and padding, as one string of words. */
const words = (s: string) =>
  s
    .replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');

const cause =
  'bridge funding iza-transformatiemiddelen lapsed (valid_until 2025-06-30) and a warning came into force';
const head = ['cause', 'where', 'inputs'];
const rows: FitCell[][] = [
  [cause, 'rules/registry/warnings-borders.yaml:143', 5],
  ['node zvw/med-where takes another branch', 'rules/trees/zvw.yaml:223', 12],
];

describe('fittedTable', () => {
  it('draws a table that fits exactly as cli-table3 does', () => {
    const small: FitCell[][] = [['a', 'b', 1]];
    const own = new Table({ head, style: plain });
    own.push(['a', 'b', 1]);
    expect(fittedTable({ head, rows: small, width: 80, plain: true })).toBe(own.toString());
    // no limit: as wide as its cells
    const wide = fittedTable({ head, rows, width: undefined, plain: true });
    expect(widest(wide)).toBeGreaterThan(140);
  });

  it('fits a wide table into the width, wrapping at spaces and keeping every word whole', () => {
    for (const width of [120, 100, 84]) {
      const out = fittedTable({ head, rows, width, plain: true });
      expect(widest(out)).toBeLessThanOrEqual(width);
      expect(words(out)).toContain('rules/registry/warnings-borders.yaml:143');
      for (const w of cause.split(' ')) expect(out).toContain(w);
    }
  });

  it('breaks a word only when even the longest words do not fit, and keeps all its letters', () => {
    const out = fittedTable({ head, rows, width: 40, plain: true });
    expect(widest(out)).toBeLessThanOrEqual(40);
    // the path is broken over lines of its column, its characters in order
    const path = 'rules/registry/warnings-borders.yaml:143';
    const column = out
      .split('\n')
      .map((l) => l.split('│')[2]?.trim() ?? '')
      .join('');
    expect(column).toContain(path);
  });

  it('measures the cells after a row span in their own columns', () => {
    // as diff's per-input table: the id spans the rows of its changes
    const spanned: FitCell[][] = [
      [{ rowSpan: 2, content: 'CASE-1' }, 'routes added', 'zvw.medicine-intramural (strong)'],
      ['why', `• ${cause}\n• node zvw/med-where takes another branch (then → else)`],
    ];
    const out = fittedTable({ head: ['input', '', ''], rows: spanned, width: 60, plain: true });
    expect(widest(out)).toBeLessThanOrEqual(60);
    const lines = out.split('\n');
    // the id stays in the first column; the second row's label in the second
    expect(lines.some((l) => /^│ CASE-1 +│ routes added/.test(l))).toBe(true);
    expect(lines.some((l) => /^│ +│ why +│ • bridge funding/.test(l))).toBe(true);
    // a bullet's wrapped lines are indented under its text
    const i = lines.findIndex((l) => l.includes('• bridge funding'));
    expect(lines[i + 1]).toMatch(/│ {3}\S/);
  });
});

describe('fitWidths', () => {
  it('leaves a table that fits alone, and narrows the widest column first', () => {
    expect(fitWidths([10, 10], [4, 4], 40)).toBeUndefined();
    // room 30 - 3 borders = 27: the 40-wide column gives up 23; the other keeps its 10
    expect(fitWidths([40, 10], [8, 8], 30)).toEqual([17, 10]);
    // both at their longest word and still too wide: they go below it, the widest first
    expect(fitWidths([30, 30], [25, 25], 40)).toEqual([18, 19]);
    // a heading's long word gives way before the cells' words: the data stays whole
    expect(fitWidths([20, 12], [14, 12], 25, [14, 3])).toEqual([14, 8]);
    expect(fitWidths([20, 12], [14, 12], 25)).toEqual([11, 11]);
  });
});
