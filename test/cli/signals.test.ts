// How innoroute ends when a signal ends it, and when its reader goes away: the process is the
// subject, so these run the built binary. A signal during `batch --out` (with worker threads
// running) ends it with 128 + n and one line on stderr, leaves no temporary file and the old
// output as it was; a signal that comes during a synchronous atomic write is not lost; a stdout
// whose reader has gone ends any command quietly with 141 (128 + SIGPIPE).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, FIXTURE_RULES, ROOT, run as runHere } from '../batch/helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'innoroute-signals-'));
  dirs.push(d);
  return d;
}

const BIN = join(ROOT, 'bin', 'innoroute.js');
const ADVISE_RULES = join(ROOT, 'test', 'fixtures', 'advise', 'rules');
const ANSWERS = join(ROOT, 'test', 'fixtures', 'advise', 'answers', 'cue2walk.yaml');
const TESTED_RULES = join(ROOT, 'test', 'fixtures', 'runner', 'basic');

function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // 'close', not 'exit': a process can exit before what it wrote to stderr has been read here
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, stderr: () => stderr, exited };
}

async function until(what: string, test: () => boolean): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > 15_000) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const rows = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `R${from + i},device,prevention,yes\n`).join('');

// the tests mostly wait for child processes: they run side by side
describe.concurrent('batch --out ended by a signal', () => {
  const cases: [NodeJS.Signals, number, string][] = [
    ['SIGTERM', 143, 'terminated (SIGTERM)'],
    ['SIGHUP', 129, 'hung up (SIGHUP)'],
    ['SIGQUIT', 131, 'quit (SIGQUIT)'],
    ['SIGINT', 130, 'interrupted'],
  ];

  it.each(cases)(
    '%s: exit %i, the worker threads stopped, no temporary file, the old output kept',
    async (signal, code, said) => {
      const dir = tempDir();
      const out = join(dir, 'out.csv');
      writeFileSync(out, 'the old output\n');
      const run = start(
        ['batch', '-', '--rules', FIXTURE_RULES, '--out', 'out.csv', '--jobs', '2', '--lang', 'en'],
        dir,
      );
      // stdin stays open: the run waits for more rows, with a worker thread that has assessed
      // some (their output is in the temporary file)
      run.child.stdin.write(`id,innovation_type,goal,treatment_relation\n${rows(0, 600)}`);
      const temp = () => readdirSync(dir).find((f) => f.endsWith('.tmp'));
      await until('rows in the temporary file', () => {
        const t = temp();
        return t !== undefined && statSync(join(dir, t)).size > 5_000;
      });
      run.child.kill(signal);
      const [exit, killedBy] = await run.exited;
      expect({ exit, killedBy }).toEqual({ exit: code, killedBy: null });
      expect(run.stderr()).toBe(`innoroute: ${said}\n`);
      expect(readdirSync(dir)).toEqual(['out.csv']);
      expect(readFileSync(out, 'utf8')).toBe('the old output\n');
    },
  );
});

describe.concurrent('a signal during a synchronous atomic write', () => {
  it('is not lost: the write ends whole, no temporary file, exit 143', async () => {
    const dir = tempDir();
    const target = join(dir, 'report.txt');
    writeFileSync(target, 'old\n');
    const dist = (p: string) => pathToFileURL(join(ROOT, 'dist', p)).href;
    // the signal arrives while the write is under way (sent by the process to itself)
    const script = `
      import { withSignalsCaught } from ${JSON.stringify(dist('cli/signals.js'))};
      import { writeFileAtomic } from ${JSON.stringify(dist('io/atomic.js'))};
      withSignalsCaught(() => {
        process.kill(process.pid, 'SIGTERM');
        writeFileAtomic(${JSON.stringify(target)}, 'new\\n'.repeat(100000));
      });
      process.stdout.write('carried on\\n');
      setTimeout(() => process.stdout.write('not reached\\n'), 5000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const [exit] = (await once(child, 'exit')) as [number];
    expect(stderr).toBe('innoroute: terminated (SIGTERM)\n');
    expect(exit).toBe(143);
    expect(stdout).toBe('carried on\n');
    expect(readFileSync(target, 'utf8')).toBe('new\n'.repeat(100000));
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });
});

describe.concurrent('a reader that has gone (| head)', () => {
  // batch has its own test (test/batch/cli.test.ts)
  const commands: [string, string[]][] = [
    ['advise', ['advise', ANSWERS, '--rules', ADVISE_RULES]],
    ['validate', ['validate', TESTED_RULES]],
    ['test', ['test', TESTED_RULES]],
  ];

  it.each(commands)('%s ends quietly with 141 (128 + SIGPIPE)', async (_name, args) => {
    const run = start(args, ROOT);
    // the pipe is closed before the command writes anything
    run.child.stdout.destroy();
    run.child.stdin.end();
    const [exit] = await run.exited;
    expect(run.stderr()).toBe('');
    expect(exit).toBe(141);
  });
});

describe('site ended by a signal while it writes', () => {
  it('waits for the write to end, then removes the unfinished directory: exit 143, the old site intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innoroute-site-signal-'));
    try {
      // the site that must survive, written in this process (it is not what is tested)
      const first = await runHere(['site', 'site', '--as-of', '2026-12-01'], { cwd: dir });
      expect(first.code, first.stderr).toBe(0);
      const manifest = readFileSync(join(dir, 'site', '.innoroute-site.json'), 'utf8');
      // the shipped rules from this test run's cache (test/global-setup.ts), not compiled again
      const env = cleanEnv();
      delete env.INNOROUTE_NO_CACHE;
      if (env.INNOROUTE_TEST_CACHE_DIR) env.INNOROUTE_CACHE_DIR = env.INNOROUTE_TEST_CACHE_DIR;
      const run = start(['site', 'site', '--as-of', '2026-12-01'], dir, env);
      // the signal comes while the new site is being written beside the old one
      const writing = () => readdirSync(dir).some((n) => n.startsWith('.site.new.'));
      const started = Date.now();
      while (!writing()) {
        if (Date.now() - started > 60_000) throw new Error('the site was never written');
        await new Promise((r) => setImmediate(r));
      }
      run.child.kill('SIGTERM');
      const [code] = await run.exited;
      // the write is synchronous: the signal waits for it, so the site is whole, old or new
      expect([0, 143]).toContain(code);
      expect(readdirSync(dir).sort()).toEqual(['site']);
      expect(readFileSync(join(dir, 'site', '.innoroute-site.json'), 'utf8')).toBe(manifest);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
