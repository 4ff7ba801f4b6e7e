// npm run bench -- diff: `innoroute diff` over the same generated portfolio as `batch`, against
// one `batch` run over it in the same session. Target (issue 17): a diff of a 100,000-row
// portfolio takes less than twice the time of one batch run — it assesses every row twice, but
// writes only the changed rows. Two diffs: across the lapse of Veelbelovende zorg (dates) and
// against an identical copy of the rules (two rule sets); each a child process, output to a file.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { figure } from './figures.ts';
import type { Figure } from './figures.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { portfolioQuestions, writePortfolio } from '../batch/portfolio.ts';
import { shippedRulesDir } from '../../src/cli/options.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROWS = 100_000;
const TARGET = 2;

async function seconds(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    if (stderr.length < 4000) stderr += d;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0 && code !== 1) throw new Error(`${args.join(' ')} ended with ${code}:\n${stderr}`);
  return (performance.now() - started) / 1000;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function bench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'innoroute-bench-diff-'));
  try {
    const rules = requireRuleSet(shippedRulesDir());
    const file = join(dir, 'portfolio.csv');
    await writePortfolio(file, ROWS, portfolioQuestions(rules));
    const copy = join(dir, 'rules');
    cpSync(shippedRulesDir(), copy, { recursive: true });
    const bin = join(ROOT, 'bin', 'innoroute.js');
    const out = join(dir, 'out.csv');
    const common = ['--out', out, '--no-progress'];
    // warm the rule cache for both directories
    await seconds([bin, 'diff', join(ROOT, 'data', 'cue2walk.yaml'), '--rules-from', copy]);
    const batch = await seconds([bin, 'batch', file, '--as-of', '2025-02-02', ...common]);
    const dates = await seconds([
      ...[bin, 'diff', file, '--as-of-from', '2025-01-31', '--as-of', '2025-02-02'],
      ...['--format', 'csv', ...common],
    ]);
    const rulesDiff = await seconds([
      ...[bin, 'diff', file, '--rules-from', copy, '--as-of', '2025-02-02'],
      ...['--format', 'csv', ...common],
    ]);
    console.log(`${fmt(ROWS)} rows, default threads; temp dir ${dir}`);
    console.log(
      `batch ${fmt(batch, 1)} s (${fmt(ROWS / batch)} rows/s); ` +
        `diff across a date ${fmt(dates, 1)} s (${fmt(ROWS / dates)} rows/s, ${fmt(dates / batch, 2)}x); ` +
        `diff of two rule sets ${fmt(rulesDiff, 1)} s (${fmt(ROWS / rulesDiff)} rows/s, ${fmt(rulesDiff / batch, 2)}x)`,
    );
    const worst = Math.max(dates, rulesDiff) / batch;
    return [
      figure(
        `diff / batch time at ${fmt(ROWS)} rows`,
        `${fmt(worst, 2)}x`,
        `< ${TARGET}x`,
        worst < TARGET,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `tsx test/bench/diff.ts` runs it on its own
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bench();
