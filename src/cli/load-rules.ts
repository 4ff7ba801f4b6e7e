// The rule set for the commands that advise (advise, wizard, batch): from the compiled-rules cache
// when the files are unchanged, otherwise loaded, checked and compiled — and then cached. The YAML
// parser and the schema library are only imported on a cache miss, so a warm start stays fast.
import type { RuleSet } from '../core/ruleset.ts';
import { cacheDir, cacheKey, readCachedRuleSet, writeCachedRuleSet } from '../io/rule-cache.ts';
import type { CliContext } from './context.ts';

export async function loadRuleSet(ctx: CliContext, dir: string): Promise<RuleSet> {
  const cache = cacheDir(ctx.env);
  const key = cache ? cacheKey(dir) : undefined;
  if (cache && key) {
    const cached = readCachedRuleSet(cache, key);
    if (cached) return cached;
  }
  const { requireRuleSet } = await import('./rules.ts');
  const rules = requireRuleSet(dir);
  if (cache && key) writeCachedRuleSet(cache, key, rules);
  return rules;
}
