import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/cli/options.ts';
import { evaluate } from '../../src/core/engine.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
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
