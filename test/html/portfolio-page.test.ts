// The portfolio page of `innoroute batch --format html`: golden pages of the example portfolio in
// both languages, every row in the file accounted for on the page, the lists capped with a note,
// the error rows by their CSV line, and every cell of the file escaped. (That the page does not
// depend on the number of threads is in test/batch/jobs.test.ts.) Regenerate the golden pages
// after an intended change: UPDATE_GOLDEN=1 npx vitest run test/html
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PORTFOLIO_ROWS } from '../../src/io/batch.ts';
import { portfolioStrings } from '../../src/report/html/portfolio-strings.ts';
import { ROOT, run, tempDir } from '../batch/helpers.ts';
import { portfolioQuestions, writePortfolio } from '../batch/portfolio.ts';
import { shippedRules } from '../shipped-rules.ts';

const AS_OF = '2026-11-27';
const EXAMPLE = join(ROOT, 'data', 'portfolio-example.csv');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const path = join(ROOT, 'test', 'golden', name);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`no golden file ${name}; UPDATE_GOLDEN=1 to create it`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual, `differs from test/golden/${name} (UPDATE_GOLDEN=1 to accept)`).toBe(
    readFileSync(path, 'utf8'),
  );
}

/** The cells of a table's body rows, tags stripped, by the table's section id. */
function tableRows(html: string, section: string): string[][] {
  const start = html.indexOf(`id="${section}"`);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1]!.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      c[1]!.replace(/<[^>]+>/g, ''),
    ),
  );
}

describe('batch --format html: the example portfolio', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`gives the golden page (${lang}), exit 1 for the rows with errors`, async () => {
      const r = await run(['batch', EXAMPLE, '--format', 'html', '--as-of', AS_OF, '--lang', lang]);
      expect(r.code).toBe(1);
      golden(`portfolio-example${lang === 'en' ? '.en' : ''}.html`, r.stdout);
      expect(r.stderr).toContain(
        lang === 'nl'
          ? 'zie het deel "Rijen met fouten" van de pagina'
          : 'the part "Rows with errors"',
      );
      expect(r.stdout).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
      expect(r.stdout).not.toMatch(/<script|<link\b|<[a-z][^>]*\s(src|on[a-z]+)=/i);
    });
  }

  it('accounts for every row of the file: rows in = rows on the page', async () => {
    const r = await run(['batch', EXAMPLE, '--format', 'html', '--as-of', AS_OF]);
    const csv = await run(['batch', EXAMPLE, '--as-of', AS_OF]);
    const ids = csv.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!);
    const t = portfolioStrings('nl');
    expect(r.stdout).toContain(`<dd>${t.rows(35, 31, 4)}</dd>`);
    expect(ids).toHaveLength(35);
    // the row list: every row, in input order, with its line
    const rows = tableRows(r.stdout, 'rows');
    expect(rows.map((c) => c[1]!.split(' · ')[0])).toEqual(ids);
    expect(rows[0]![0]).toBe('2');
    // by family and fit: the assessed rows, nothing more or less
    const byFamily = tableRows(r.stdout, 'by-family');
    const total = byFamily.reduce((a, c) => a + Number(c.at(-1)), 0);
    expect(total).toBe(31);
    // the rows with errors, by their CSV line, with what is wrong
    const errors = tableRows(r.stdout, 'errors');
    expect(errors.map((c) => c[0])).toEqual(['33', '34', '35', '36']);
    expect(errors.map((c) => c[1])).toEqual(['BAD-32', 'BAD-33', 'BAD-34', 'BAD-35']);
    expect(errors[0]![2]).toContain('bedoel je &quot;prevention&quot;?');
    // the most frequent stakeholders, at most ten, most frequent first
    const top = tableRows(r.stdout, 'stakeholders').map((c) => Number(c[1]));
    expect(top.length).toBe(10);
    expect([...top].sort((a, b) => b - a)).toEqual(top);
    expect(r.stdout).not.toContain(t.rowsCapped(0, 0).slice(0, 10));
  });

  it('writes the page to --out, and --summary still prints the summary on stderr', async () => {
    const dir = tempDir();
    const r = await run(
      ['batch', EXAMPLE, '--format', 'html', '--as-of', AS_OF, '--out', 'p.html', '--summary'],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('35 rijen: 31 beoordeeld, 4 met fouten');
    const again = await run(['batch', EXAMPLE, '--format', 'html', '--as-of', AS_OF]);
    expect(readFileSync(join(dir, 'p.html'), 'utf8')).toBe(again.stdout);
  });
});

describe('batch --format html: larger and odder files', () => {
  it(`lists the first ${MAX_PORTFOLIO_ROWS} rows and says how many there are`, async () => {
    const dir = tempDir();
    const rows = MAX_PORTFOLIO_ROWS + 100;
    const rules = shippedRules;
    await writePortfolio(join(dir, 'p.csv'), rows, portfolioQuestions(rules));
    const r = await run(['batch', 'p.csv', '--format', 'html', '--as-of', AS_OF], { cwd: dir });
    const t = portfolioStrings('nl');
    const listed = tableRows(r.stdout, 'rows');
    expect(listed).toHaveLength(MAX_PORTFOLIO_ROWS);
    expect(listed.at(-1)![1]!.startsWith(`P-${MAX_PORTFOLIO_ROWS} `)).toBe(true);
    expect(r.stdout).toContain(t.rowsCapped(MAX_PORTFOLIO_ROWS, rows));
    // the counts are of every row
    const m = r.stdout.match(/<dd>(\d+) rijen: (\d+) beoordeeld, (\d+) met fouten<\/dd>/)!;
    expect(Number(m[1])).toBe(rows);
    expect(Number(m[2]) + Number(m[3])).toBe(rows);
    const byFamily = tableRows(r.stdout, 'by-family');
    expect(byFamily.reduce((a, c) => a + Number(c.at(-1)), 0)).toBe(Number(m[2]));
  }, 60_000);

  it('escapes every cell of the file', async () => {
    const dir = tempDir();
    const evil = '<script>alert(1)</script>';
    const attr = '"><img src=x onerror=alert(2)>';
    writeFileSync(
      join(dir, 'p.csv'),
      `id,innovation_name,innovation_type\r\n"${attr.replace(/"/g, '""')}",${evil},device\r\nX-2,ok,${evil}\r\n`,
    );
    const r = await run(['batch', 'p.csv', '--format', 'html', '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/<script|<img/i);
    expect(r.stdout).toContain(
      '&quot;>&lt;img src=x onerror=alert(2)> · &lt;script>alert(1)&lt;/script>',
    );
    // the bad cell's value, escaped, in the error row
    expect(tableRows(r.stdout, 'errors')[0]![2]).toContain('&lt;script>');
  });

  it('a file with a header and no rows: a page that says so, exit 0', async () => {
    const r = await run(['batch', '-', '--format', 'html', '--as-of', AS_OF], {
      stdin: 'id,innovation_type\r\n',
    });
    expect(r.code).toBe(0);
    const t = portfolioStrings('nl');
    expect(r.stdout).toContain(`<dd>${t.rows(0, 0, 0)}</dd>`);
    expect(r.stdout).toContain(t.noRows);
    expect(r.stdout).not.toContain('id="rows"');
  });

  it('names the page after the file, and says so for stdin', async () => {
    const r = await run(['batch', '-', '--format', 'html', '--as-of', AS_OF], {
      stdin: readFileSync(EXAMPLE),
    });
    expect(r.stdout).toContain(`<title>${portfolioStrings('nl').title('stdin')}</title>`);
  });
});
