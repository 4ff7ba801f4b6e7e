// `innoroute site`: the site for the shipped rules — every page there, every link resolving, no
// request that could leave the site, the same bytes twice — and a rule change (a new route, a
// lapsed date) showing up on the next build with no template touched; bad output directories
// refused with exit 2 and what to do.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../advise/helpers.ts';
import { brokenLinks, readTree } from './links.ts';

const AS_OF = '2026-12-01';
/** A build takes a few CPU seconds; the machine may be busy (a bound, not a measure). */
const BUILD = 180_000;
let dir: string;
let site: Map<string, string>;
let first: { code: number; stderr: string };

beforeAll(async () => {
  dir = join(tempDir('innoroute-site-'), 'site');
  first = await run(['site', dir, '--as-of', AS_OF]);
  site = readTree(dir);
}, BUILD);

describe('innoroute site, shipped rules', () => {
  it('builds, and says how many pages it wrote where', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/\d+ pagina’s \([\d.]+ kB\) geschreven in .*site/);
  });

  it('has a page per route, party, bridge instrument, phase and example', () => {
    const pages = [...site.keys()].filter((p) => p.endsWith('.html'));
    const count = (prefix: string) => pages.filter((p) => p.startsWith(prefix)).length;
    // the shipped rules: 38 routes, 52 parties, 15 bridge instruments, 5 phases; 291 rule test
    // cases and the 5 worked cases of data/; each section has an index page
    expect(count('routes/')).toBe(38 + 1);
    expect(count('stakeholders/')).toBe(52 + 1);
    expect(count('bridge/')).toBe(15 + 1);
    expect(count('phases/')).toBe(5 + 1);
    expect(count('examples/')).toBe(291 + 5 + 1);
    for (const p of ['index.html', 'borders.html', 'wizard.html', 'pages.html'])
      expect(site.has(p), p).toBe(true);
    expect(pages.length).toBe(39 + 53 + 16 + 6 + 297 + 4);
    const manifest = JSON.parse(site.get('.innoroute-site.json')!);
    expect(manifest.pages).toBe(pages.length);
    expect(manifest.asOf).toBe(AS_OF);
  });

  it('marks an English test-case name as English on the Dutch site, its heading included', () => {
    const worked = [...site.keys()].filter((p) => p.startsWith('examples/') && p.endsWith('.html'));
    const tests = worked.map((p) => site.get(p)!).filter((html) => /<h1 lang="en">/.test(html));
    // every rule test case (named in English); the worked cases of data/ are named in Dutch
    expect(tests.length).toBe(291);
    expect(site.get('examples/cue2walk.html')).toMatch(/<h1>/);
  });

  it('resolves every internal link and fragment', () => {
    expect(brokenLinks(site)).toEqual([]);
  });

  it('loads nothing from outside the site: one stylesheet file, one script, no absolute path', () => {
    for (const [path, text] of site) {
      if (!path.endsWith('.html')) continue;
      expect(
        text.match(/<(link|script|img|iframe)\b[^>]*\s(href|src)="(https?:|\/)/),
        path,
      ).toBeNull();
      expect(text.match(/<link\b/g)?.length, path).toBe(1);
      expect(text, path).not.toContain(ROOT);
      expect(text, path).not.toContain('<style');
    }
    expect(site.get('assets/search.js')).not.toMatch(/fetch|XMLHttpRequest|import\(/);
  });

  it('shows the date and the rule set it was built from on every page', () => {
    for (const [path, text] of site) {
      if (!path.endsWith('.html')) continue;
      expect(text, path).toContain('peildatum 1 december 2026');
      expect(text, path).toMatch(/regelset innoroute-nl 1\.0\.0 \(sha256:[0-9a-f]{12}\)/);
    }
  });

  it('says a lapsed instrument lapsed, with the date', () => {
    const page = site.get('routes/zvw.veelbelovende-zorg.html')!;
    expect(page).toContain('Vervallen');
    expect(page).toContain('Deze regeling is vervallen per 1 februari 2025.');
    expect(site.get('bridge/veelbelovende-zorg.html')).toContain('vervallen per 1 februari 2025');
  });

  it('writes a route’s conditions as sentences, not as YAML', () => {
    const page = site.get('routes/wlz.provider-budget.html')!;
    expect(page).toContain(
      'bij „Voor wie is de innovatie bedoeld?” is „Mensen met een Wlz-indicatie” gekozen',
    );
    expect(page).not.toMatch(/includes_any|wlz_indication:|\{ question/);
    expect(page).toContain('<svg');
  });

  it(
    'gives the same bytes for the same rules and date',
    async () => {
      const again = join(tempDir('innoroute-site-'), 'site');
      expect((await run(['site', again, '--as-of', AS_OF])).code).toBe(0);
      const second = readTree(again);
      expect([...second.keys()]).toEqual([...site.keys()]);
      for (const [path, text] of site) expect(second.get(path) === text, path).toBe(true);
    },
    BUILD,
  );

  it(
    'replaces a site it wrote before',
    async () => {
      writeFileSync(join(dir, 'stale.html'), 'old');
      const ran = await run(['site', dir, '--as-of', AS_OF, '--lang', 'en']);
      expect(ran.code, ran.stderr).toBe(0);
      expect(existsSync(join(dir, 'stale.html'))).toBe(false);
      expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('<html lang="en">');
    },
    BUILD,
  );
});

describe('a rule change shows up on the next build', () => {
  it(
    'a new route gets its page and a listing; a lapsed date is shown as lapsed',
    async () => {
      const rules = join(tempDir('innoroute-site-rules-'), 'rules');
      cpSync(join(ROOT, 'rules'), rules, { recursive: true });
      const routes = join(rules, 'routes', 'consumer.yaml');
      const added = `
  - id: consumer.test-lending-library
    title: { nl: Uitleen via de bibliotheek, en: Lending through the library }
    summary: { nl: Een proefroute die alleen in deze test bestaat., en: A route that exists only in this test. }
    steps:
      - { nl: Vraag de bibliotheek., en: Ask the library. }
    sources: ["003_d622815a9b0847f4.txt:1444"]
`;
      writeFileSync(routes, readFileSync(routes, 'utf8').trimEnd() + '\n' + added);
      // the facultatieve prestatie lapses (a date added to its registry entry)
      const zvw = join(rules, 'routes', 'zvw.yaml');
      writeFileSync(
        zvw,
        readFileSync(zvw, 'utf8').replace(
          '  - id: zvw.facultatieve-prestatie\n',
          '  - id: zvw.facultatieve-prestatie\n    valid_until: 2026-06-30\n    keep_after_expiry: true\n',
        ),
      );
      const out = join(tempDir('innoroute-site-'), 'site');
      const ran = await run(['site', out, '--rules', rules, '--as-of', AS_OF]);
      expect(ran.code, ran.stderr).toBe(0);
      const files = readTree(out);
      // innoroute's worked cases (data/) were written for its own rules: not shown with others
      expect(ran.stderr).toMatch(/geen uitgewerkte cases .* geef --cases <map>/);
      expect(files.has('examples/cue2walk.html')).toBe(false);
      expect([...files.keys()].filter((p) => /^examples\/.*\.html$/.test(p))).toHaveLength(291 + 1);
      expect(files.get('routes/consumer.test-lending-library.html')).toContain(
        'Een proefroute die alleen in deze test bestaat.',
      );
      expect(files.get('routes/index.html')).toContain('routes/consumer.test-lending-library.html');
      expect(files.get('assets/search.js')).toContain('routes/consumer.test-lending-library.html');
      expect(files.get('routes/zvw.facultatieve-prestatie.html')).toContain(
        'Deze regeling is vervallen per 1 juli 2026.',
      );
      expect(brokenLinks(files)).toEqual([]);
    },
    BUILD,
  );
});

describe('output directories that are refused (exit 2, nothing written)', () => {
  it('a file', async () => {
    const file = join(tempDir('innoroute-site-'), 'site');
    writeFileSync(file, 'mine');
    const ran = await run(['site', file]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('dat is een bestand, geen map');
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it(
    'the rule directory, or a directory inside it',
    async () => {
      const rules = join(tempDir('innoroute-site-rules-'), 'rules');
      cpSync(join(ROOT, 'rules'), rules, { recursive: true });
      for (const target of [rules, join(rules, 'site')]) {
        const ran = await run(['site', target, '--rules', rules, '--lang', 'en']);
        expect(ran.code, target).toBe(2);
        expect(ran.stderr).toContain('it is the rule directory');
      }
      expect(existsSync(join(rules, 'site'))).toBe(false);
      expect(existsSync(join(rules, '.innoroute-site.json'))).toBe(false);
    },
    BUILD,
  );

  it('a directory with other content', async () => {
    const other = tempDir('innoroute-site-');
    mkdirSync(join(other, 'docs'));
    writeFileSync(join(other, 'docs', 'notes.txt'), 'keep');
    const ran = await run(['site', join(other, 'docs')]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('niet door innoroute gemaakt');
    expect(readTree(join(other, 'docs'))).toEqual(new Map([['notes.txt', 'keep']]));
  });
});
