import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/cli/options.ts';
import { evaluate } from '../../src/core/engine.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { MAX_CACHE_ENTRIES, pruneCache } from '../../src/io/rule-cache.ts';
import { cacheDir, cacheKey, loadRuleSet, RuleSetError } from '../../src/io/rules.ts';

const answers = {
  innovation_type: 'device',
  treatment_relation: true,
  goal: ['daily_living_support'],
  has_figures: true,
  cost_bearers: ['gp'],
  beneficiaries: ['hospital'],
  cost_gp: 2_000_000,
  benefit_hospital: 20_000_000,
};

describe('compiled rule-set cache', () => {
  it('gives the same rule set, and the same advice, from the cache as from the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innoroute-cache-'));
    const options = { env: { INNOROUTE_CACHE_DIR: dir } };
    const fresh = requireRuleSet(shippedRulesDir());
    const first = await loadRuleSet(shippedRulesDir(), options);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const cached = await loadRuleSet(shippedRulesDir(), options);
    expect(cached).not.toBe(first);
    expect(cached).toEqual(fresh);
    const opts = { asOf: '2026-11-27', lang: 'nl' as const };
    expect(JSON.stringify(evaluate(cached, answers, opts))).toBe(
      JSON.stringify(evaluate(fresh, answers, opts)),
    );
  });

  it('misses when a rule file changes', () => {
    const rules = mkdtempSync(join(tmpdir(), 'innoroute-rules-'));
    cpSync(shippedRulesDir(), rules, { recursive: true });
    const before = cacheKey(rules);
    writeFileSync(join(rules, 'ruleset.yaml'), '\n', { flag: 'a' });
    expect(cacheKey(rules)).toBeDefined();
    expect(cacheKey(rules)).not.toBe(before);
  });

  it('is off with INNOROUTE_NO_CACHE and follows XDG_CACHE_HOME', () => {
    expect(cacheDir({ INNOROUTE_NO_CACHE: '1' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/innoroute');
    expect(cacheDir({ INNOROUTE_CACHE_DIR: '/y' })).toBe('/y');
  });

  it('never serves a rule set with errors: a broken file is reported again on the next run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innoroute-cache-'));
    const rules = mkdtempSync(join(tmpdir(), 'innoroute-rules-'));
    cpSync(shippedRulesDir(), rules, { recursive: true });
    writeFileSync(join(rules, 'broken.yaml'), 'kind: [\n');
    const options = { env: { INNOROUTE_CACHE_DIR: dir } };
    await expect(loadRuleSet(rules, options)).rejects.toThrow(RuleSetError);
    await expect(loadRuleSet(rules, options)).rejects.toThrow(/broken\.yaml:\d+:\d+/);
    expect(readdirSync(dir)).toHaveLength(0);
  });
});

// A cache entry is trusted only when it is a regular file whose checksum and shape hold; anything
// else is a miss, the rules come from the YAML, and the entry is written again. On the small
// advise fixture, so that each miss compiles quickly.
describe('how much the cache keeps', () => {
  const rulesDir = fileURLToPath(new URL('../fixtures/advise/rules', import.meta.url));
  const entryName = (i: number) => `${createHash('sha256').update(String(i)).digest('hex')}.json`;

  it('keeps the most recently used entries, and nothing but entries is touched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innoroute-prune-'));
    // 20 entries used one minute apart (the contents do not matter to pruning), and a user's own
    // files and a directory that happen to be there
    const minute = 60_000;
    const start = Date.now() - 30 * minute;
    for (let i = 0; i < 20; i++) {
      const path = join(dir, entryName(i));
      writeFileSync(path, 'x');
      utimesSync(path, new Date(start + i * minute), new Date(start + i * minute));
    }
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    mkdirSync(join(dir, `${'a'.repeat(64)}.json.d`));
    pruneCache(dir);
    const left = readdirSync(dir).sort();
    const kept = Array.from({ length: MAX_CACHE_ENTRIES }, (_, k) =>
      entryName(20 - MAX_CACHE_ENTRIES + k),
    );
    expect(left).toEqual([...kept, `${'a'.repeat(64)}.json.d`, 'notes.txt'].sort());
  });

  it('a hit marks its entry used, so the rule sets in use outlive new ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innoroute-prune-'));
    const options = { env: { INNOROUTE_CACHE_DIR: dir } };
    await loadRuleSet(rulesDir, options);
    const [entry] = readdirSync(dir);
    const path = join(dir, entry!);
    const old = new Date(Date.now() - 24 * 3600_000);
    utimesSync(path, old, old);
    // newer entries of other rule sets: more than the cache keeps, all used after it …
    for (let i = 0; i < MAX_CACHE_ENTRIES; i++) writeFileSync(join(dir, entryName(i)), 'x');
    // … but it is used again now, and a new entry prunes the others, not it
    await loadRuleSet(rulesDir, options);
    expect(lstatSync(path).mtimeMs).toBeGreaterThan(old.getTime() + 3600_000);
    pruneCache(dir);
    expect(readdirSync(dir)).toContain(entry);
    expect(readdirSync(dir)).toHaveLength(MAX_CACHE_ENTRIES);
  });

  it('a new entry prunes the cache to its size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innoroute-prune-'));
    const old = new Date(Date.now() - 3600_000);
    for (let i = 0; i < MAX_CACHE_ENTRIES + 5; i++) {
      writeFileSync(join(dir, entryName(i)), 'x');
      utimesSync(join(dir, entryName(i)), old, old);
    }
    await loadRuleSet(rulesDir, { env: { INNOROUTE_CACHE_DIR: dir } });
    expect(readdirSync(dir)).toHaveLength(MAX_CACHE_ENTRIES);
  });
});

describe('a damaged or foreign cache entry', () => {
  const rulesDir = fileURLToPath(new URL('../fixtures/advise/rules', import.meta.url));
  const fresh = requireRuleSet(rulesDir);
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A cache with a good entry for the fixture; the entry's path. */
  async function primed() {
    const dir = mkdtempSync(join(tmpdir(), 'innoroute-cache-'));
    temps.push(dir);
    const options = { env: { INNOROUTE_CACHE_DIR: dir } };
    await loadRuleSet(rulesDir, options);
    const entry = join(dir, `${cacheKey(rulesDir)}.json`);
    expect(lstatSync(entry).isFile()).toBe(true);
    return { dir, entry, load: () => loadRuleSet(rulesDir, options) };
  }

  /** Edits the JSON of an entry; with `resum`, its header's checksum and length are made right. */
  function edit(
    entry: string,
    change: (data: { rules: Record<string, unknown> }) => void,
    resum: boolean,
  ) {
    const text = readFileSync(entry, 'utf8');
    const newline = text.indexOf('\n');
    const [header, body] = text.startsWith('{')
      ? ['', text]
      : [text.slice(0, newline), text.slice(newline + 1)];
    const data = JSON.parse(body) as { rules: Record<string, unknown> };
    change(data);
    const changed = JSON.stringify(data);
    if (!header) return writeFileSync(entry, changed);
    const [format, sum, length] = header.split(' ');
    const newHeader = resum
      ? `${format} ${createHash('sha256').update(changed).digest('hex')} ${Buffer.byteLength(changed)}`
      : `${format} ${sum} ${length}`;
    writeFileSync(entry, `${newHeader}\n${changed}`);
  }

  /** The rules come from the YAML and the entry is a sound file again, served on the next run. */
  async function recovers(c: Awaited<ReturnType<typeof primed>>) {
    expect(await c.load()).toEqual(fresh);
    expect(lstatSync(c.entry).isFile()).toBe(true);
    expect(await c.load()).toEqual(fresh);
  }

  it('of the wrong shape (with a right checksum) is not used', async () => {
    const c = await primed();
    edit(c.entry, (d) => ((d.rules.trees as { root: string }[])[0]!.root = 'no-such-node'), true);
    await recovers(c);
    edit(c.entry, (d) => delete d.rules.questions, true);
    await recovers(c);
  });

  it('with tampered values in a valid shape is not used: the checksum does not match', async () => {
    const c = await primed();
    edit(c.entry, (d) => ((d.rules as { name: string }).name = 'Tampered'), false);
    await recovers(c);
  });

  it('cut short is not used', async () => {
    const c = await primed();
    const text = readFileSync(c.entry);
    writeFileSync(c.entry, text.subarray(0, text.length - 100));
    await recovers(c);
  });

  it('a directory in its place is removed and replaced', async () => {
    const c = await primed();
    rmSync(c.entry);
    mkdirSync(join(c.entry, 'inside'), { recursive: true });
    await recovers(c);
  });

  it('a symbolic link in its place is not followed (even to a good entry) but replaced', async () => {
    const c = await primed();
    const elsewhere = join(c.dir, 'elsewhere.json');
    renameSync(c.entry, elsewhere);
    symlinkSync(elsewhere, c.entry);
    await recovers(c);
  });

  it('a FIFO in its place is never opened (it would hang) but replaced', async () => {
    const c = await primed();
    rmSync(c.entry);
    if (spawnSync('mkfifo', [c.entry]).status !== 0) return; // no mkfifo: nothing to show
    await recovers(c);
  }, 30_000);
});
