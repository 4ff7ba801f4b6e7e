// The one way the commands get their rules. `loadRuleSet` gives the compiled RuleSet for advising
// (advise, wizard, batch), from a cache of compiled rule sets when the rule files are unchanged;
// `checkRuleSet` gives every located diagnostic too (validate, test) and never uses the cache.
// Reading, parsing and compiling live in compile-rules.ts, imported only when there is no cached
// copy: a warm start loads neither the YAML parser nor the schema library.
//
// The cache key is a hash of every rule file's name and bytes, the innoroute version and the build
// of the loader, compiler and linter; a changed rule file, upgrade or rebuild misses the cache.
// Only rule sets without errors (the linter's included) are cached. An entry is checked before it
// is used (rule-cache.ts: a regular file, its checksum, its shape, and the engine's program
// compiles from it); an entry that fails is removed and the rules are read from the YAML again.
// A cache that cannot be read or written is ignored: it only ever saves time, never changes an
// answer.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintOptions } from '../core/lint.ts';
import type { RuleSet, Tree } from '../core/ruleset.ts';
import { programOf } from '../core/program.ts';
import {
  CACHE_FORMAT,
  discard,
  looksLikeCachedRuleSet,
  markUsed,
  pruneCache,
  readCacheBody,
  writeCacheBody,
} from './rule-cache.ts';
import type { RuleSetCheck } from './compile-rules.ts';
import { findYamlFiles } from './files.ts';

export type { RuleSetCheck } from './compile-rules.ts';
export { RuleSetError } from './errors.ts';

export interface CacheEnv {
  readonly INNOROUTE_CACHE_DIR?: string | undefined;
  readonly INNOROUTE_NO_CACHE?: string | undefined;
  readonly XDG_CACHE_HOME?: string | undefined;
}

export interface RuleSetOptions {
  /** Says where the cache is (INNOROUTE_CACHE_DIR, INNOROUTE_NO_CACHE, XDG_CACHE_HOME); without it, no cache. */
  readonly env?: CacheEnv;
}

/** The rule set of `dir`, or a RuleSetError (exit 2) that lists its errors. */
export async function loadRuleSet(dir: string, options: RuleSetOptions = {}): Promise<RuleSet> {
  const cache = options.env ? cacheDir(options.env) : undefined;
  const key = cache ? cacheKey(dir) : undefined;
  if (cache && key) {
    const cached = readCachedRuleSet(cache, key);
    if (cached) return cached;
  }
  const { requireRuleSet } = await import('./compile-rules.ts');
  const rules = requireRuleSet(dir);
  if (cache && key) writeCachedRuleSet(cache, key, rules);
  return rules;
}

/**
 * The rule set with its test files and every diagnostic (the linter's too when given its
 * options, as `validate` reports them); RuleSetError when `dir` is unusable.
 */
export async function checkRuleSet(dir: string, lint?: LintOptions): Promise<RuleSetCheck> {
  const { readRuleSet, validateRuleSet } = await import('./compile-rules.ts');
  return lint ? validateRuleSet(dir, true, lint) : readRuleSet(dir, true);
}

/**
 * `validate`'s check of `dir`, test files included, for `innoroute test`: a RuleSetError (exit 2)
 * when it has errors. What the linter finds in a test case (answers that do not fit, an unknown
 * id in an expectation) is not an error of the rules: the test run reports it as a failing case.
 */
export async function checkValidRuleSet(
  dir: string,
  asOf: string,
): Promise<RuleSetCheck & { readonly rules: RuleSet }> {
  const { requireValid, validateRuleSet } = await import('./compile-rules.ts');
  const check = validateRuleSet(dir, true, { asOf }, true);
  return { ...check, rules: requireValid(dir, check, asOf) };
}

const here = dirname(fileURLToPath(import.meta.url));

export function cacheDir(env: CacheEnv): string | undefined {
  if (env.INNOROUTE_NO_CACHE && env.INNOROUTE_NO_CACHE !== '0') return undefined;
  if (env.INNOROUTE_CACHE_DIR) return env.INNOROUTE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'innoroute');
}

/** The modules whose code decides what a compiled rule set looks like. */
function buildStamp(): string {
  const parts: string[] = [];
  for (const rel of [
    '../core/compile',
    '../core/schema',
    // the schema's comparison operators and vocabularies come from these
    '../core/conditions',
    '../core/ids',
    './load',
    './yaml-source',
    './schema-issues',
    './compile-rules',
    './yaml-data',
    './rule-cache',
    '../core/lint',
  ]) {
    for (const ext of ['.js', '.ts']) {
      try {
        const st = statSync(join(here, rel + ext));
        parts.push(`${rel}${ext}:${st.size}:${st.mtimeMs}`);
      } catch {
        /* the other extension is the one in use */
      }
    }
  }
  try {
    const pkg = readFileSync(join(here, '..', '..', 'package.json'), 'utf8');
    parts.push((JSON.parse(pkg) as { version?: string }).version ?? '');
  } catch {
    parts.push('?');
  }
  return parts.join('|');
}

/** The cache key of a rule directory, or undefined when it should not be cached. */
export function cacheKey(root: string): string | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  let problem = false;
  const files = findYamlFiles(realRoot, () => (problem = true));
  if (problem || files.length === 0) return undefined;
  const hash = createHash('sha256')
    .update(CACHE_FORMAT)
    .update('\0')
    .update(buildStamp())
    .update('\0');
  try {
    for (const { abs, file } of files) {
      hash.update(file).update('\0').update(readFileSync(abs)).update('\0');
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

// JSON has no Map: the RuleSet's maps are stored as lists of entries and rebuilt by name on reading,
// because a JSON.parse reviver (called for every value) costs more than the rest of a warm start.
type Entries<M> = M extends ReadonlyMap<infer K, infer V> ? [K, V][] : never;
interface CachedRuleSet extends Omit<
  RuleSet,
  'parties' | 'questions' | 'routes' | 'stakeholders' | 'sources' | 'warnings' | 'bridge' | 'trees'
> {
  readonly parties: Entries<RuleSet['parties']>;
  readonly questions: Entries<RuleSet['questions']>;
  readonly routes: Entries<RuleSet['routes']>;
  readonly stakeholders: Entries<RuleSet['stakeholders']>;
  readonly sources: Entries<RuleSet['sources']>;
  readonly warnings: Entries<RuleSet['warnings']>;
  readonly bridge: Entries<RuleSet['bridge']>;
  readonly trees: (Omit<Tree, 'nodes'> & { readonly nodes: Entries<Tree['nodes']> })[];
}

function toCached(r: RuleSet): CachedRuleSet {
  return {
    ...r,
    parties: [...r.parties],
    questions: [...r.questions],
    routes: [...r.routes],
    stakeholders: [...r.stakeholders],
    sources: [...r.sources],
    warnings: [...r.warnings],
    bridge: [...r.bridge],
    trees: r.trees.map((t) => ({ ...t, nodes: [...t.nodes] })),
  };
}

function fromCached(c: CachedRuleSet): RuleSet {
  return {
    ...c,
    parties: new Map(c.parties),
    questions: new Map(c.questions),
    routes: new Map(c.routes),
    stakeholders: new Map(c.stakeholders),
    sources: new Map(c.sources),
    warnings: new Map(c.warnings),
    bridge: new Map(c.bridge),
    trees: c.trees.map((t) => ({ ...t, nodes: new Map(t.nodes) })),
  };
}

/** A Map that toCached does not know of would be written as {}: refuse to cache, not corrupt. */
function noMaps(_key: string, value: unknown): unknown {
  if (value instanceof Map) throw new Error('a Map in the rule set that the cache does not know');
  return value;
}

function readCachedRuleSet(dir: string, key: string): RuleSet | undefined {
  const path = join(dir, `${key}.json`);
  const body = readCacheBody(path);
  if (body === undefined) return undefined;
  try {
    const data = JSON.parse(body) as { key?: unknown; rules?: unknown };
    if (data.key !== key || !looksLikeCachedRuleSet(data.rules)) return discard(path);
    const rules = fromCached(data.rules as CachedRuleSet);
    // the program is compiled from the rule set once anyway (and kept with it): compiling it
    // here makes a cached rule set that the engine cannot take a miss, not an error on every run
    programOf(rules);
    markUsed(path);
    return rules;
  } catch {
    return discard(path);
  }
}

function writeCachedRuleSet(dir: string, key: string, rules: RuleSet): void {
  try {
    writeCacheBody(
      dir,
      join(dir, `${key}.json`),
      JSON.stringify({ key, rules: toCached(rules) }, noMaps),
    );
    pruneCache(dir);
  } catch {
    /* a cache that cannot be written is no cache */
  }
}
