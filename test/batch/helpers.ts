// Running the CLI in-process with captured streams, and reading CSV output back.
import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { onTestFinished } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { main } from '../../src/cli/main.ts';
import { testCacheEnv } from '../advise/helpers.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE_RULES = join(ROOT, 'test', 'fixtures', 'batch', 'rules');

export class Capture extends Writable {
  chunks: Buffer[] = [];
  isTTY: boolean;
  columns = 100;
  constructor(tty = false) {
    super();
    this.isTTY = tty;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    cb();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
  get text(): string {
    return this.bytes.toString('utf8');
  }
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string | Buffer;
  stderrTTY?: boolean;
  /** The terminal's width on stderr (default 100). */
  stderrColumns?: number;
  env?: Record<string, string>;
  /** Instead of a capture that takes everything at once. */
  stdout?: Capture;
}

/** `innoroute` from the TypeScript sources, in this process. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runWith(main, argv, options);
}

type Main = typeof main;
let builtMain: Promise<Main> | undefined;

/**
 * `innoroute` from the build (dist/, made by test/global-setup.ts), in this process: with the
 * built worker module next to it, so that `--jobs` really starts worker threads (from the
 * sources, batch keeps every row on the main thread).
 */
export async function runBuilt(
  argv: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  builtMain ??= import(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href).then(
    (m: { main: Main }) => m.main,
  );
  return runWith(await builtMain, argv, options);
}

async function runWith(
  mainOf: Main,
  argv: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const stdout = options.stdout ?? new Capture();
  const stderr = new Capture(options.stderrTTY ?? false);
  if (options.stderrColumns !== undefined) stderr.columns = options.stderrColumns;
  const stdin =
    options.stdin !== undefined
      ? Readable.from([Buffer.from(options.stdin)])
      : Object.assign(new PassThrough(), { isTTY: false });
  const ctx: CliContext = {
    cwd: options.cwd ?? ROOT,
    env: { ...testCacheEnv(), ...options.env },
    stdout,
    stderr,
    stdin,
  };
  const code = await mainOf(argv, ctx);
  const bytes = stdout.bytes;
  return {
    code,
    // decoded when read: the output of a large batch in JSON is a hundred MB
    get stdout() {
      return bytes.toString('utf8');
    },
    stdoutBytes: bytes,
    stderr: stderr.text,
  };
}

/** The environment for the built binary, without the user's language or colour settings. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.INNOROUTE_LANG;
  delete e.FORCE_COLOR;
  delete e.NO_COLOR;
  return e;
}

/** A fresh directory, removed when the test that asked for it ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'innoroute-batch-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** CSV output back as objects keyed by column (the BOM and the delimiter handled). */
export function readCsv(text: string, delimiter = ','): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, delimiter }) as Record<string, string>[];
}
