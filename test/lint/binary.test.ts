// The built binary, as CI and users run it: exit codes per the contract, and never a stack trace,
// whatever the input. Needs `npm run build` first (CI builds before it tests).
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, cleanup, fixtureDir, REPO, tempDir } from './helpers.ts';

afterAll(cleanup);

const BIN = join(REPO, 'bin', 'innoroute.js');

function innoroute(args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** A stack trace prints frames as "    at fn (file:line:col)". */
const STACK = /^\s+at .+[:(]/m;

describe('node bin/innoroute.js validate', () => {
  it('exit 0 on a valid rule set', () => {
    const r = innoroute(['validate', fixtureDir(), '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ rules valid/);
  });

  it('exit 1 on findings', () => {
    const r = innoroute(['validate', fixtureDir('dangling-reference'), '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/dangling-reference/);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it('exit 2 when it cannot run', () => {
    const r = innoroute(['validate', join(tempDir(), 'absent'), '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^innoroute: /);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('hostile input gives diagnostics, never a crash, a hang or a stack trace', () => {
    const dir = fixtureDir('yaml-alias-limit');
    const add = (name: string, text: string) => writeFileSync(join(dir, name), text);
    add('deep.yaml', `x: ${'['.repeat(50_000)}\n`);
    add('nested-not.yaml', `kind: tree\ncond: ${'{not: '.repeat(3000)}x${'}'.repeat(3000)}\n`);
    add('proto.yaml', 'kind: tests\n__proto__: { polluted: true }\n');
    add('binary.yaml', '\u0000\u0001\u0002\uffff kind: \u0007\n');
    add('tabs.yaml', '\tkind: tree\n\t- x\n');
    symlinkSync('/etc/passwd', join(dir, 'passwd.yaml'));
    symlinkSync(dir, join(dir, 'loop'));
    const r = innoroute(['validate', dir, '--as-of', AS_OF, '--format', 'json']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const codes = new Set(
      (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map(
        (d) => `${d.file} ${d.code}`,
      ),
    );
    expect(codes).toContain('warnings-bomb.yaml yaml-alias-limit');
    expect(codes).toContain('deep.yaml yaml-nesting');
    expect(codes).toContain('proto.yaml unsafe-key');
    expect(codes).toContain('passwd.yaml outside-root');
    expect(r.stdout).not.toMatch(STACK);
  });
});
