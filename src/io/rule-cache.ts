// A cache of compiled rule sets, so that `advise`, `batch` and the wizard do not parse YAML and
// run the schema on every start. The key is a hash of every rule file's name and bytes, the
// innoroute version and the build of the loader and compiler; a changed rule file, upgrade or
// rebuild misses the cache. Only rule sets without errors are cached. A cache that cannot be
// read or written is ignored: the cache only ever saves time, it never changes an answer.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../core/ruleset.ts';
import { findYamlFiles } from './files.ts';

const FORMAT = 'innoroute-rules-cache-1';
const here = dirname(fileURLToPath(import.meta.url));

export interface CacheEnv {
  readonly INNOROUTE_CACHE_DIR?: string | undefined;
  readonly INNOROUTE_NO_CACHE?: string | undefined;
  readonly XDG_CACHE_HOME?: string | undefined;
}

export function cacheDir(env: CacheEnv): string | undefined {
  if (env.INNOROUTE_NO_CACHE && env.INNOROUTE_NO_CACHE !== '0') return undefined;
  if (env.INNOROUTE_CACHE_DIR) return env.INNOROUTE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'innoroute');
}

/** The modules whose code decides what a compiled rule set looks like. */
function buildStamp(): string {
  const parts: string[] = [];
  for (const rel of ['../core/compile', '../core/schema', './load']) {
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
  const hash = createHash('sha256').update(FORMAT).update('\0').update(buildStamp()).update('\0');
  try {
    for (const { abs, file } of files) {
      hash.update(file).update('\0').update(readFileSync(abs)).update('\0');
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

const MAP_TAG = '__innoroute_map__';

function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? { [MAP_TAG]: [...value] } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && MAP_TAG in value) {
    return new Map((value as Record<string, [unknown, unknown][]>)[MAP_TAG]);
  }
  return value;
}

export function readCachedRuleSet(dir: string, key: string): RuleSet | undefined {
  try {
    const text = readFileSync(join(dir, `${key}.json`), 'utf8');
    const data = JSON.parse(text, reviver) as { format?: string; rules?: RuleSet };
    return data.format === FORMAT ? data.rules : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedRuleSet(dir: string, key: string, rules: RuleSet): void {
  const target = join(dir, `${key}.json`);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, rules }, replacer));
    renameSync(tmp, target);
  } catch {
    /* a cache that cannot be written is no cache */
  }
}
