// Runs one kind of fuzz input through fast-check and the binary: the one implementation behind
// both entry points (fuzz.test.ts in `npm test`, run.ts for `npm run fuzz`). The property never
// throws: every input is run and every failure kept, with the seed and the path that replay it
// (fast-check's path of the i-th input of a run is "i").
import fc from 'fast-check';
import { answersCase } from './answers.ts';
import type { CaseResult, CheckOptions } from './check.ts';
import { checkCase } from './check.ts';
import { csvCase } from './csv.ts';
import type { FuzzCase, Kind, Scale } from './model.ts';
import { loadVocabulary } from './model.ts';
import { rulesCase } from './rules.ts';

export function arbitraryOf(kind: Kind, scale: Scale): fc.Arbitrary<FuzzCase> {
  switch (kind) {
    case 'answers':
      return answersCase(scale);
    case 'csv':
      return csvCase(scale);
    case 'rules':
      return rulesCase(scale);
  }
}

export interface Failure {
  readonly kind: Kind;
  readonly seed: number;
  readonly path: string;
  readonly label: string;
  readonly violations: readonly string[];
  /** The command that failed, to run from the saved case's directory. */
  readonly reproduce: string;
  /** The case's directory (input/ and the runs), when kept. */
  readonly dir: string;
}

export interface KindRun {
  readonly kind: Kind;
  readonly seed: number;
  readonly numRuns: number;
  /** Replays only the input at this path (from a failure's report). */
  readonly path?: string;
  readonly scale: Scale;
  readonly check: CheckOptions;
  /** After each input. */
  readonly onCase?: (index: number, result: CaseResult, c: FuzzCase) => void;
}

export interface KindResult {
  readonly kind: Kind;
  readonly inputs: number;
  readonly runs: number;
  readonly failures: readonly Failure[];
  readonly ms: number;
}

export async function fuzzKind(k: KindRun): Promise<KindResult> {
  const started = performance.now();
  await loadVocabulary(k.check.cacheDir);
  const failures: Failure[] = [];
  let index = k.path !== undefined ? Number(k.path.split(':')[0]) : 0;
  let inputs = 0;
  let runs = 0;
  const details = await fc.check(
    fc.asyncProperty(arbitraryOf(k.kind, k.scale), async (c) => {
      const i = index++;
      const result = await checkCase(c, k.check);
      inputs++;
      runs += result.runs;
      if (result.violations.length > 0) {
        failures.push({
          kind: k.kind,
          seed: k.seed,
          path: String(i),
          label: c.label,
          violations: result.violations,
          reproduce: result.reproduce,
          dir: result.dir,
        });
      }
      k.onCase?.(i, result, c);
    }),
    {
      seed: k.seed,
      numRuns: k.path !== undefined ? 1 : k.numRuns,
      ...(k.path !== undefined ? { path: k.path } : {}),
    },
  );
  // the property never fails: an error here is the generator's or the checker's own
  if (details.failed) throw details.errorInstance ?? new Error('the fuzz property failed');
  return { kind: k.kind, inputs, runs, failures, ms: performance.now() - started };
}

/** A failure in words: what broke, and how to see it again. */
export function describeFailure(f: Failure, replay: string): string {
  return [
    `${f.kind} input (seed ${f.seed}, path ${f.path}): ${f.label}`,
    ...f.violations.map((v) => `  - ${v}`),
    `  replay:    ${replay} -- --only ${f.kind} --seed ${f.seed} --path ${f.path}`,
    `  by hand:   cd <saved case> && ${f.reproduce}`,
  ].join('\n');
}
