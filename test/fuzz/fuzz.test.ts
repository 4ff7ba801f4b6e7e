// The fuzz suite in `npm test`: a few random inputs of each kind — answers files, CSV files,
// mutated rule sets — through the built binary, two processes at a time, every invariant of
// check.ts on every run. `npm run fuzz` (run.ts) is the same at nightly size. A failure names the
// seed and path that replay it: `npm run fuzz -- --only <kind> --seed <seed> --path <path>`.
// INNOROUTE_FUZZ_SEED fixes the seed here too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kind } from './model.ts';
import { SMALL } from './model.ts';
import { Pool, requireBuild } from './spawn.ts';
import { describeFailure, fuzzKind } from './suite.ts';

/**
 * Inputs per kind: enough to try every invariant on every kind with a fresh seed each run; the
 * volume is `npm run fuzz`'s (nightly). Each answers and CSV input runs twice, each rule set
 * through two commands: 18 processes, about 8 s of CPU time (a rule set loads in ~2 s, cold).
 */
const INPUTS: Record<Kind, number> = { answers: 4, csv: 4, rules: 1 };
/** A run that takes longer hangs (a whole rule set, cold, takes a few seconds). */
const TIMEOUT_MS = 30_000;

const seed = process.env.INNOROUTE_FUZZ_SEED
  ? Number(process.env.INNOROUTE_FUZZ_SEED)
  : Math.floor(Math.random() * 2 ** 31);
const pool = new Pool(2);
// the compiled-rules cache of this test run (test/global-setup.ts), warm once any test has loaded
// the shipped rules; never the user's
const shared = process.env.INNOROUTE_TEST_CACHE_DIR;
let cacheDir = '';

beforeAll(() => {
  requireBuild();
  cacheDir = shared ?? mkdtempSync(join(tmpdir(), 'innoroute-fuzz-cache-'));
});
afterAll(() => {
  if (!shared) rmSync(cacheDir, { recursive: true, force: true });
});

describe(`the built binary on random inputs (seed ${seed})`, () => {
  for (const kind of ['answers', 'csv', 'rules'] as const) {
    it(
      `keeps every invariant on ${INPUTS[kind]} ${kind} inputs`,
      async () => {
        const result = await fuzzKind({
          kind,
          seed,
          numRuns: INPUTS[kind],
          scale: SMALL,
          // a rule set is run by two commands at once; answers and CSV files twice each, to
          // compare the bytes
          check: { pool, timeoutMs: TIMEOUT_MS, repeat: kind === 'rules' ? 1 : 2, cacheDir },
        });
        expect(result.inputs).toBe(INPUTS[kind]);
        const report = result.failures.map((f) => describeFailure(f, 'npm run fuzz')).join('\n\n');
        expect(result.failures.length, `\n${report}\n`).toBe(0);
      },
      INPUTS[kind] * 2 * TIMEOUT_MS,
    );
  }
});
