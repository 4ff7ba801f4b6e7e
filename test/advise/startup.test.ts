// A command loads only what it uses: `advise` never loads the prompt library (nor, for JSON, the
// table library). Every module the process resolves is recorded by a loader hook.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, spawnBin } from './build.ts';
import { FIXTURES, ROOT, tempDir } from './helpers.ts';

const REGISTER = join(FIXTURES, 'trace-register.mjs');

function traced(args: readonly string[]): { code: number; modules: string[] } {
  const trace = join(tempDir('innoroute-trace-'), 'trace.txt');
  writeFileSync(trace, '');
  const r = spawnBin(args, { TRACE_FILE: trace }, ['--import', REGISTER]);
  return { code: r.code, modules: readFileSync(trace, 'utf8').split('\n').filter(Boolean) };
}

const example = join(FIXTURES, 'answers', 'cue2walk.yaml');
const rules = join(FIXTURES, 'rules');

beforeAll(() => build(), 120_000);

describe('what a command loads', () => {
  it('the trace sees a package when it is loaded (the check can fail)', () => {
    const { code, modules } = traced(['wizard', '--help']);
    expect(code).toBe(0);
    expect(modules.some((m) => m.includes('/node_modules/commander/'))).toBe(true);
    // and the hook records an @inquirer import when there is one
    const trace = join(tempDir('innoroute-trace-'), 'trace.txt');
    writeFileSync(trace, '');
    spawnSync(
      process.execPath,
      ['--import', REGISTER, '--input-type=module', '-e', "await import('@inquirer/prompts')"],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', TRACE_FILE: trace },
      },
    );
    expect(readFileSync(trace, 'utf8')).toContain('/node_modules/@inquirer/');
  });

  it('advise --format json loads neither the prompts nor the tables', () => {
    const { code, modules } = traced(['advise', example, '--rules', rules, '--format', 'json']);
    expect(code).toBe(0);
    expect(modules.some((m) => m.includes('/dist/core/engine.js'))).toBe(true);
    expect(modules.filter((m) => m.includes('@inquirer'))).toEqual([]);
    expect(modules.filter((m) => m.includes('cli-table3'))).toEqual([]);
    expect(modules.filter((m) => m.includes('/dist/report/text.js'))).toEqual([]);
  });

  it('advise as text loads the tables but not the prompts', () => {
    const { code, modules } = traced(['advise', example, '--rules', rules]);
    expect(code).toBe(0);
    expect(modules.some((m) => m.includes('cli-table3'))).toBe(true);
    expect(modules.filter((m) => m.includes('@inquirer'))).toEqual([]);
  });

  it('wizard without a terminal refuses before loading the prompts', () => {
    const { code, modules } = traced(['wizard', '--rules', rules]);
    expect(code).toBe(2);
    expect(modules.filter((m) => m.includes('@inquirer'))).toEqual([]);
  });
});
