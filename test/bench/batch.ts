// npm run bench -- batch: throughput and memory of `innoroute batch` on realistic portfolios of
// 10,000, 100,000 and 1,000,000 rows, against a bare csv-parse → csv-stringify pass over the same
// files in the same run. Targets (issue 13): batch at least 0.7 times as fast as the bare pass
// (rows/s) at 1,000,000 rows, and peak memory at 1,000,000 rows at most 1.3 times that at 10,000
// rows (it streams).
// Then the three output formats on one file of FORMAT_ROWS rows, each against the bare pass: an
// ndjson or json row is the whole Advice (about 50 kB, against 0.7 kB of CSV), so these runs
// write to /dev/null, the bare pass too, and the disk is not what they measure.
// Every run is a child process; peak memory is its maxRSS, reported by a tiny preload at exit,
// with the CPU time of all its threads: on a busy machine the wall-clock ratios swing, the CPU
// time per row (the work done) much less.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { figure } from './figures.ts';
import type { Figure } from './figures.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { portfolioQuestions, writePortfolio } from '../batch/portfolio.ts';
import { defaultJobs } from '../../src/io/batch.ts';
import { shippedRulesDir } from '../../src/cli/options.ts';
import { normalizeAnswers } from '../../src/core/answers.ts';
import { evaluate } from '../../src/core/engine.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SIZES = [10_000, 100_000, 1_000_000] as const;
/** The rows of the file the formats are compared on. */
const FORMAT_ROWS = 20_000;
const FORMATS = ['csv', 'ndjson', 'json'] as const;
const AS_OF = '2026-11-27';

/**
 * What evaluate alone costs per row on this file (in this process, warmed up): the floor under
 * batch's time per row, whatever the CSV side does.
 */
function evaluateMicros(rules: RuleSet, file: string): number {
  const records = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
  const answers = records.map(({ id: _id, ...cells }) => normalizeAnswers(rules, cells).answers);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    for (const a of answers) evaluate(rules, a, { asOf: AS_OF, lang: 'nl', input: { id: 'x' } });
    best = Math.min(best, ((performance.now() - started) * 1000) / answers.length);
  }
  return best;
}

interface Run {
  readonly seconds: number;
  readonly maxRssMb: number;
  /** CPU time of all threads, user and system. */
  readonly cpuSeconds: number;
  readonly code: number | null;
}

/** Runs node with `args` (stdout to /dev/null): its time, CPU time and peak memory. */
async function measure(args: string[], rssFile: string, preload: string): Promise<Run> {
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', preload, ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    if (stderr.length < 4000) stderr += d;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  let maxRssKb = NaN;
  let cpuMicros = NaN;
  try {
    [maxRssKb, cpuMicros] = readFileSync(rssFile, 'utf8').split(' ').map(Number) as [
      number,
      number,
    ];
  } catch {
    // reported below as NaN
  }
  if (code !== 0 && code !== 1) {
    throw new Error(`${args.join(' ')} ended with ${code}:\n${stderr}`);
  }
  return { seconds, maxRssMb: maxRssKb / 1024, cpuSeconds: cpuMicros / 1e6, code };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function bench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'innoroute-bench-batch-'));
  try {
    const rules = requireRuleSet(shippedRulesDir());
    const questions = portfolioQuestions(rules);

    const preload = join(dir, 'maxrss.cjs');
    writeFileSync(
      preload,
      "process.on('exit', () => { const u = process.resourceUsage(); require('node:fs')" +
        '.writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`); });\n',
    );
    const bare = join(dir, 'bare.mjs');
    const parseUrl = import.meta.resolve('csv-parse');
    const stringifyUrl = import.meta.resolve('csv-stringify');
    writeFileSync(
      bare,
      `import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from ${JSON.stringify(parseUrl)};
import { stringify } from ${JSON.stringify(stringifyUrl)};
const [input, output] = process.argv.slice(2);
await pipeline(createReadStream(input), parse({ bom: true, relax_column_count: true }), stringify(), createWriteStream(output));
`,
    );
    const bin = join(ROOT, 'bin', 'innoroute.js');
    const rss = join(dir, 'rss.txt');
    // one run first, so that every measured run finds the compiled rules in the cache (the first
    // run after a build or an upgrade compiles them: ~0.3 s, once)
    const warm = join(dir, 'warm.csv');
    await writePortfolio(warm, 10, questions);
    await measure([bin, 'batch', warm, '--out', join(dir, 'warm-out.csv')], rss, preload);

    const threads = defaultJobs();
    console.log(
      `columns: ${questions.length + 1}; rules ${rules.version}; ${availableParallelism()} CPUs, ` +
        `so batch uses ${threads} thread${threads > 1 ? 's' : ''} by default; temp dir ${dir}`,
    );
    console.log(
      'rows'.padStart(10) +
        'file MB'.padStart(9) +
        'bare rows/s'.padStart(13) +
        'batch rows/s'.padStart(14) +
        'ratio'.padStart(7) +
        '--jobs 1'.padStart(10) +
        'ratio'.padStart(7) +
        'bare MB'.padStart(9) +
        'batch MB'.padStart(10) +
        '--jobs 1'.padStart(10),
    );
    interface Result {
      rows: number;
      ratio: number;
      ratio1: number;
      batchRss: number;
      batch1Rss: number;
      bareMicros: number;
    }
    const results: Result[] = [];
    const cpuLines: string[] = [];
    let engineMicros = NaN;
    for (const rows of SIZES) {
      const file = join(dir, `portfolio-${rows}.csv`);
      await writePortfolio(file, rows, questions);
      const size = statSync(file).size / 1024 / 1024;
      const b = await measure([bare, file, join(dir, 'bare-out.csv')], rss, preload);
      const out = join(dir, 'batch-out.csv');
      const args = [bin, 'batch', file, '--out', out, '--as-of', AS_OF, '--no-progress'];
      // the default (one thread per CPU, up to 4), and one thread
      const r = await measure(args, rss, preload);
      const r1 = await measure([...args, '--jobs', '1'], rss, preload);
      const bareRate = rows / b.seconds;
      const batchRate = rows / r.seconds;
      const batch1Rate = rows / r1.seconds;
      results.push({
        rows,
        ratio: batchRate / bareRate,
        ratio1: batch1Rate / bareRate,
        batchRss: r.maxRssMb,
        batch1Rss: r1.maxRssMb,
        bareMicros: 1e6 / bareRate,
      });
      if (rows === SIZES[0]) engineMicros = evaluateMicros(rules, file);
      console.log(
        fmt(rows).padStart(10) +
          fmt(size, 1).padStart(9) +
          fmt(bareRate).padStart(13) +
          fmt(batchRate).padStart(14) +
          fmt(batchRate / bareRate, 2).padStart(7) +
          fmt(batch1Rate).padStart(10) +
          fmt(batch1Rate / bareRate, 2).padStart(7) +
          fmt(b.maxRssMb).padStart(9) +
          fmt(r.maxRssMb).padStart(10) +
          fmt(r1.maxRssMb).padStart(10),
      );
      const micros = (run: Run) => fmt((run.cpuSeconds * 1e6) / rows, 1);
      cpuLines.push(
        `  ${fmt(rows)} rows: bare ${micros(b)}, batch ${micros(r)}, --jobs 1 ${micros(r1)}`,
      );
      rmSync(file, { force: true });
      rmSync(out, { force: true });
    }
    console.log('CPU µs per row (all threads, user and system):');
    for (const line of cpuLines) console.log(line);
    const largest = results.at(-1)!;
    const smallest = results[0]!;
    const memRatio = largest.batchRss / smallest.batchRss;
    const memRatio1 = largest.batch1Rss / smallest.batch1Rss;
    const ok = (b: boolean) => (b ? 'ok' : 'MISSED');
    console.log(
      `throughput at ${fmt(largest.rows)} rows: batch/bare = ${fmt(largest.ratio, 2)} ` +
        `(target >= 0.7: ${ok(largest.ratio >= 0.7)}); with --jobs 1: ${fmt(largest.ratio1, 2)} ` +
        `(${ok(largest.ratio1 >= 0.7)})`,
    );
    console.log(
      `  for reference: evaluate alone takes ${fmt(engineMicros, 1)} µs/row (in process, warmed up); ` +
        `the whole bare pass ${fmt(largest.bareMicros, 1)} µs/row, so the target leaves batch ` +
        `${fmt(largest.bareMicros / 0.7, 1)} µs/row for parsing, evaluating and writing together`,
    );
    console.log(
      `peak memory ${fmt(largest.rows)} vs ${fmt(smallest.rows)} rows: ${fmt(largest.batchRss)} / ` +
        `${fmt(smallest.batchRss)} MB = ${fmt(memRatio, 2)}x (target <= 1.3x: ${ok(memRatio <= 1.3)}); ` +
        `with --jobs 1: ${fmt(largest.batch1Rss)} / ${fmt(smallest.batch1Rss)} MB = ` +
        `${fmt(memRatio1, 2)}x (${ok(memRatio1 <= 1.3)})`,
    );
    await compareFormats(dir, questions, { bare, bin, rss, preload });
    return [
      figure(
        `batch / bare pass at ${fmt(largest.rows)} rows`,
        fmt(largest.ratio, 2),
        '≥ 0.7',
        largest.ratio >= 0.7,
      ),
      figure(
        `batch memory ${fmt(largest.rows)} / ${fmt(smallest.rows)} rows`,
        `${fmt(memRatio, 2)}x`,
        '≤ 1.3x',
        memRatio <= 1.3,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * csv, ndjson and json on one file, by default and with --jobs 1, each as a ratio of the bare
 * pass's rows/s; all output to /dev/null.
 */
async function compareFormats(
  dir: string,
  questions: Parameters<typeof writePortfolio>[2],
  run: { bare: string; bin: string; rss: string; preload: string },
): Promise<void> {
  const file = join(dir, `portfolio-${FORMAT_ROWS}.csv`);
  await writePortfolio(file, FORMAT_ROWS, questions);
  const b = await measure([run.bare, file, '/dev/null'], run.rss, run.preload);
  const bareRate = FORMAT_ROWS / b.seconds;
  const micros = (r: Run) => fmt((r.cpuSeconds * 1e6) / FORMAT_ROWS, 1);
  console.log(
    `\noutput formats at ${fmt(FORMAT_ROWS)} rows, written to /dev/null; ` +
      `bare pass ${fmt(bareRate)} rows/s, ${micros(b)} CPU µs/row`,
  );
  console.log(
    'format'.padStart(10) +
      'rows/s'.padStart(10) +
      'ratio'.padStart(7) +
      '--jobs 1'.padStart(10) +
      'ratio'.padStart(7) +
      'MB'.padStart(7) +
      '--jobs 1'.padStart(10) +
      'CPU µs/row'.padStart(12) +
      '--jobs 1'.padStart(10),
  );
  for (const format of FORMATS) {
    const args = [run.bin, 'batch', file, '--format', format, '--as-of', AS_OF, '--no-progress'];
    const r = await measure(args, run.rss, run.preload);
    const r1 = await measure([...args, '--jobs', '1'], run.rss, run.preload);
    const rate = FORMAT_ROWS / r.seconds;
    const rate1 = FORMAT_ROWS / r1.seconds;
    console.log(
      format.padStart(10) +
        fmt(rate).padStart(10) +
        fmt(rate / bareRate, 2).padStart(7) +
        fmt(rate1).padStart(10) +
        fmt(rate1 / bareRate, 2).padStart(7) +
        fmt(r.maxRssMb).padStart(7) +
        fmt(r1.maxRssMb).padStart(10) +
        micros(r).padStart(12) +
        micros(r1).padStart(10),
    );
  }
  rmSync(file, { force: true });
}

// `tsx test/bench/batch.ts` runs it on its own
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bench();
