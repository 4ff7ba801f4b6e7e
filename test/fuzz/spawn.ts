// Running the built binary for the fuzz suite: at most N processes at once, each with a timeout
// (a run that reaches it is killed and reported as a hang), in an environment that keeps the
// user's cache, state and language settings out of it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'innoroute.js');
export const SHIPPED_RULES = join(ROOT, 'rules');

/** The fuzz suite runs the build: say so plainly when there is none. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error(
      'dist/ is missing: the fuzz suite runs the built binary; run `npm run build` first',
    );
  }
}

/** Output kept per stream at most: a run that writes more is cut (and that is not an error). */
const MAX_CAPTURE = 64 * 1024 * 1024;

export interface Ran {
  /** The exit code; null when the process ended by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  /** Killed after the timeout. */
  readonly timedOut: boolean;
  readonly ms: number;
}

export interface SpawnOptions {
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly timeoutMs: number;
  /** Bytes to write to stdin; without, stdin is closed at once. */
  readonly stdin?: Buffer;
}

/** A counting semaphore: at most `size` tasks at once. */
export class Pool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** `node bin/innoroute.js …args`; never rejects. */
export function runBin(args: readonly string[], o: SpawnOptions): Promise<Ran> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: o.cwd,
      env: o.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outSize = 0;
    let errSize = 0;
    child.stdout.on('data', (c: Buffer) => {
      if (outSize < MAX_CAPTURE) out.push(c);
      outSize += c.length;
    });
    child.stderr.on('data', (c: Buffer) => {
      if (errSize < MAX_CAPTURE) err.push(c);
      errSize += c.length;
    });
    // a process that exits before reading all of its stdin is not our concern
    child.stdin.on('error', () => {});
    child.stdin.end(o.stdin ?? Buffer.alloc(0));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({
        code,
        signal,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        ms: performance.now() - started,
      });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      done({
        code: null,
        signal: null,
        stdout: Buffer.alloc(0),
        stderr: `spawn failed: ${e.message}`,
        timedOut: false,
        ms: performance.now() - started,
      });
    });
  });
}

/**
 * The environment of every run: only PATH from ours; a cache directory of the fuzz run's own (or
 * none), a home and state directory in the case's temporary directory, no colour, no language.
 */
export function fuzzEnv(home: string, cacheDir: string | undefined): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_STATE_HOME: join(home, 'state'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    NO_COLOR: '1',
    ...(cacheDir ? { INNOROUTE_CACHE_DIR: cacheDir } : { INNOROUTE_NO_CACHE: '1' }),
  };
}
