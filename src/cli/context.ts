// What a command needs from the outside world, injectable so tests can run commands in-process.
import type { Writable } from 'node:stream';

export interface CliContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean; columns?: number };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export interface GlobalOptions {
  readonly rules?: string;
  readonly lang?: string;
  readonly asOf?: string;
  readonly color?: boolean;
}

export function defaultContext(): CliContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  };
}
