// The built binary for the tests that spawn it: built once per test run (tsc), so golden files
// always come from the current source.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

export const BIN = join(ROOT, 'bin', 'innoroute.js');

export function build(): void {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // type errors elsewhere in the tree still emit JavaScript; only a missing build is fatal
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error(`the build failed:\n${r.stdout}${r.stderr}`);
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
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
