// Builds dist/ once, before any test file runs, so that the tests that spawn the binary (golden
// files, exit codes, batch streams) run the current source — and no test file rebuilds dist/
// while another one is running it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  // type errors are the typecheck's to report; only a missing build stops the tests
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    throw new Error(`the build failed:\n${r.stdout}${r.stderr}`);
  }
}
