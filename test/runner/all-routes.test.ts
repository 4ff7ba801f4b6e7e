// `innoroute test --all-routes`: fails when a route a tree can award is reached by no case.
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { main } from '../../src/cli/main.ts';

const fixtures = fileURLToPath(new URL('../fixtures/runner', import.meta.url));

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

async function cli(argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const ctx: CliContext = {
    cwd: fixtures,
    env: { NO_COLOR: '1' },
    stdout,
    stderr,
    stdin: process.stdin,
  };
  const code = await main(argv, ctx);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('innoroute test --all-routes', () => {
  it('passes when every awardable route of the fixture is reached by its cases', async () => {
    const r = await cli(['test', 'basic', '--all-routes']);
    expect(r.stderr).not.toMatch(/reached by no test case/);
    expect(r.code).toBe(0);
  });

  it('fails, naming the routes, when the selected cases leave routes unreached', async () => {
    const r = await cli(['test', 'basic', '--filter', 'device', '--all-routes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/route\(s\) are reached by no test case \(--all-routes\): [a-z]+\./);
  });
});
