// npm run bench -- startup: the whole-process time of `innoroute advise --format json` on an
// example answers file, against `node -e 0` in the same run. Target: at most 1.6 times node's own
// start-up. The two are spawned alternately, so both see the same machine load; the median of
// each is compared.
import { figure } from './figures.ts';
import type { Figure } from './figures.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TARGET = 1.6;

function exampleFile(): string {
  const data = join(ROOT, 'data');
  const preferred = join(data, 'cue2walk.yaml');
  if (existsSync(preferred)) return preferred;
  const any = existsSync(data)
    ? readdirSync(data)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()[0]
    : undefined;
  if (!any) throw new Error('no example answers file in data/');
  return join(data, any);
}

function time(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  }
  return ms;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function bench(): Promise<Figure[]> {
  const file = exampleFile();
  const advise = [
    join(ROOT, 'bin', 'innoroute.js'),
    'advise',
    file,
    '--format',
    'json',
    '--as-of',
    '2026-11-27',
  ];
  const bare = ['-e', '0'];
  // warm the file system cache
  time(advise);
  time(bare);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(time(bare));
    a.push(time(advise));
  }
  const ma = median(a);
  const mb = median(b);
  const ratio = ma / mb;
  console.log(`example:                        ${file.slice(ROOT.length + 1)}`);
  console.log(`runs:                           ${RUNS} each, alternating (median)`);
  console.log(`node -e 0:                      ${mb.toFixed(1)} ms`);
  console.log(`innoroute advise --format json: ${ma.toFixed(1)} ms`);
  console.log(
    `ratio:                          ${ratio.toFixed(2)}x (target: at most ${TARGET}x) ${ratio <= TARGET ? 'OK' : 'OVER TARGET'}`,
  );
  return [
    figure('start-up: advise / node -e 0', `${ratio.toFixed(2)}x`, `≤ ${TARGET}x`, ratio <= TARGET),
  ];
}

// run directly: tsx test/bench/startup.ts
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bench();
