// Running the CLI in-process with captured streams, and temporary directories.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../../src/cli/context.ts';
import { main } from '../../src/cli/main.ts';

export const FIXTURE_RULES = fileURLToPath(new URL('../fixtures/advise/rules', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/advise', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export class Capture extends Writable {
  text = '';
  isTTY?: boolean;
  columns?: number;
  constructor(tty = false, columns?: number) {
    super();
    if (tty) this.isTTY = true;
    if (columns !== undefined) this.columns = columns;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly tty?: boolean;
  readonly columns?: number;
}

/**
 * The compiled-rules cache of an in-process run: never the user's (vitest.config.ts), but the
 * one test/global-setup.ts makes for this test run, so that each rule set is compiled once.
 */
export function testCacheEnv(): Record<string, string> {
  const dir = process.env.INNOROUTE_TEST_CACHE_DIR;
  const cache: Record<string, string> = dir
    ? { INNOROUTE_CACHE_DIR: dir }
    : { INNOROUTE_NO_CACHE: '1' };
  return { HOME: freshHome(), ...cache };
}

let homes: string | undefined;
let homeCount = 0;

/**
 * A home of its own for each in-process run, never the user's: a wizard session saved in the
 * real ~/.local/state (in Dutch or English) would otherwise change what a test sees.
 */
function freshHome(): string {
  homes ??= mkdtempSync(join(tmpdir(), 'innoroute-home-'));
  return join(homes, String(homeCount++));
}

export function context(opts: RunOptions = {}): CliContext & { stdout: Capture; stderr: Capture } {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (opts.tty) stdin.isTTY = true;
  return {
    cwd: opts.cwd ?? ROOT,
    env: { ...testCacheEnv(), ...opts.env },
    stdout: new Capture(opts.tty, opts.columns),
    stderr: new Capture(),
    stdin,
  };
}

export async function run(argv: readonly string[], opts: RunOptions = {}): Promise<Ran> {
  const ctx = context(opts);
  const code = await main(argv, ctx);
  return { code, stdout: ctx.stdout.text, stderr: ctx.stderr.text };
}

export function tempDir(prefix = 'innoroute-advise-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
