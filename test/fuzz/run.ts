// `npm run fuzz -- [--seed N] [--count N] [--only answers|csv|rules] [--path P] [--jobs N]
// [--timeout S] [--save DIR]`: the nightly-size fuzz run over the built binary, with the
// generators and invariants of the vitest suite (test/fuzz/fuzz.test.ts) at a larger scale.
// Prints progress and a summary; on a failure the seed, the path and the command that replay it,
// and the directory where the failing inputs are saved. Exits 1 when anything fails.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Kind } from './model.ts';
import { KINDS, LARGE } from './model.ts';
import { Pool, requireBuild } from './spawn.ts';
import type { Failure, KindResult } from './suite.ts';
import { describeFailure, fuzzKind } from './suite.ts';

const USAGE =
  'usage: npm run fuzz -- [--seed N] [--count N] [--only answers|csv|rules] [--path P] [--jobs N] [--timeout S] [--save DIR] [--verbose]';

function fail(message: string): never {
  process.stderr.write(`fuzz: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) fail(`--${name} takes a whole number; got "${v}"`);
  return Number(v);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        seed: { type: 'string' },
        count: { type: 'string' },
        only: { type: 'string' },
        path: { type: 'string' },
        jobs: { type: 'string' },
        timeout: { type: 'string' },
        save: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const seed = wholeNumber('seed', values.seed, Math.floor(Math.random() * 2 ** 31));
const count = wholeNumber('count', values.count, 300);
const jobs = Math.max(1, wholeNumber('jobs', values.jobs, 2));
const timeoutMs = wholeNumber('timeout', values.timeout, 60) * 1000;
const kinds: Kind[] = values.only
  ? values.only.split(',').map((k) => {
      if (!KINDS.includes(k as Kind)) fail(`--only takes answers, csv or rules; got "${k}"`);
      return k as Kind;
    })
  : [...KINDS];
if (values.path !== undefined && kinds.length !== 1) fail('--path needs --only <kind>');
const save = resolve(values.save ?? join(tmpdir(), `innoroute-fuzz-failures-${seed}`));

try {
  requireBuild();
} catch (e) {
  fail((e as Error).message);
}

/**
 * The inputs of each kind: rule sets take ten times as long as the others, so they get fewer. The
 * shares add up to --count: what rounding down leaves goes to the first kinds.
 */
function share(kind: Kind): number {
  if (kinds.length === 1) return count;
  const weights: Record<Kind, number> = { answers: 4, csv: 4, rules: 1 };
  const total = kinds.reduce((s, k) => s + weights[k], 0);
  const floor = (k: Kind) => Math.floor((count * weights[k]) / total);
  const left = count - kinds.reduce((s, k) => s + floor(k), 0);
  return Math.max(1, floor(kind) + (kinds.indexOf(kind) < left ? 1 : 0));
}

const cacheDir = mkdtempSync(join(tmpdir(), 'innoroute-fuzz-cache-'));
const pool = new Pool(jobs);
const started = performance.now();
const results: KindResult[] = [];
/** The slowest inputs, for the summary: a long run that still ends in time is worth a look. */
const slow: { ms: number; what: string }[] = [];
const failures: Failure[] = [];
process.stdout.write(
  `fuzz: seed ${seed}, ${values.path !== undefined ? `path ${values.path}` : `${count} inputs`} (${kinds.join(', ')}), ${jobs} at a time, timeout ${timeoutMs / 1000} s\n`,
);
try {
  for (const kind of kinds) {
    const n = share(kind);
    const total = values.path !== undefined ? 1 : n;
    const kindStart = performance.now();
    let lastShown = 0;
    let done = 0;
    const result = await fuzzKind({
      kind,
      seed,
      numRuns: n,
      ...(values.path !== undefined ? { path: values.path } : {}),
      scale: LARGE,
      check: { pool, timeoutMs, repeat: 2, cacheDir, keep: true },
      onCase: (i, r, c) => {
        done++;
        slow.push({ ms: r.slowest, what: `${kind} path ${i}: ${c.label.slice(0, 100)}` });
        slow.sort((a, b) => b.ms - a.ms).splice(5);
        if (values.verbose) {
          process.stdout.write(
            `  ${kind} ${i}: ${(r.slowest / 1000).toFixed(1)} s  ${c.label.slice(0, 120)}\n`,
          );
        }
        if (r.violations.length > 0) {
          const f: Failure = {
            kind,
            seed,
            path: String(i),
            label: c.label,
            violations: r.violations,
            reproduce: r.reproduce,
            dir: r.dir,
          };
          const to = join(save, `${kind}-${seed}-${i}`);
          mkdirSync(save, { recursive: true });
          cpSync(r.dir, to, { recursive: true });
          rmSync(r.dir, { recursive: true, force: true });
          failures.push({ ...f, dir: to });
          process.stdout.write(
            `\n${describeFailure({ ...f, dir: to }, 'npm run fuzz')}\n  saved in:  ${to}\n`,
          );
        }
        const now = performance.now();
        if (now - lastShown > 2000 || done === total) {
          lastShown = now;
          const secs = (now - kindStart) / 1000;
          process.stdout.write(
            `  ${kind}: ${done}/${total} inputs, ${failures.filter((f) => f.kind === kind).length} failing, ${secs.toFixed(0)} s\n`,
          );
        }
      },
    });
    results.push(result);
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

const secs = (performance.now() - started) / 1000;
const inputs = results.reduce((s, r) => s + r.inputs, 0);
const runs = results.reduce((s, r) => s + r.runs, 0);
process.stdout.write('\nsummary\n');
for (const r of results) {
  process.stdout.write(
    `  ${r.kind.padEnd(8)} ${String(r.inputs).padStart(6)} inputs ${String(r.runs).padStart(7)} runs ${String(r.failures.length).padStart(5)} failing  ${(r.ms / 1000).toFixed(1)} s  ${(r.inputs / (r.ms / 1000)).toFixed(2)} inputs/s\n`,
  );
}
process.stdout.write(
  `  ${'total'.padEnd(8)} ${String(inputs).padStart(6)} inputs ${String(runs).padStart(7)} runs ${String(failures.length).padStart(5)} failing  ${secs.toFixed(1)} s  ${(inputs / secs).toFixed(2)} inputs/s\n`,
);
process.stdout.write('slowest inputs (longest run):\n');
for (const s of slow)
  process.stdout.write(`  ${(s.ms / 1000).toFixed(1).padStart(6)} s  ${s.what}\n`);
if (failures.length > 0) {
  const kinds = [...new Set(failures.map((f) => f.kind))];
  process.stdout.write(
    `\n${failures.length} failing input(s) (${kinds.join(', ')}), saved in ${save}; seed ${seed}\n`,
  );
  const counts = new Map<string, number>();
  for (const f of failures) {
    for (const v of f.violations) {
      const kind = `${f.kind}: ${v.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"')}`;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  process.stdout.write('by invariant:\n');
  for (const [v, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    process.stdout.write(`  ${String(n).padStart(5)}  ${v}\n`);
  }
  process.exit(1);
}
process.stdout.write(`\nno failures; seed ${seed}\n`);
