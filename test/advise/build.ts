// The built binary for the tests that spawn it. test/global-setup.ts builds it once per test run,
// before any test file starts, so golden files always come from the current source.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testCacheEnv } from './helpers.ts';

export const BIN = join(ROOT, 'bin', 'innoroute.js');

/** The binary is built by the global setup; this only makes sure it is there. */
export function build(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: the global setup (test/global-setup.ts) did not build it');
  }
}

export function spawnBin(
  args: readonly string[],
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
) {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // this run's rule cache and a home of its own: never the user's ~/.cache or ~/.local/state
    env: { PATH: process.env.PATH ?? '', ...testCacheEnv(), ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
