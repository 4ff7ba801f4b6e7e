// A result that cannot be written is blamed on the output, and says what failed and where: a
// missing directory, a full disk, a read-only file system, a directory without permission, a
// stdout on a full disk. Exit 2, never a stack trace, never "a problem with the input" or "a bug",
// and no file left behind. Every command with --out, and the wizard's files.
//
// The disk is really full and the file system really read-only: a small tmpfs mounted in a mount
// namespace of its own (unshare -m), which needs root; without it those tests are skipped, not
// faked. Permission is tested as the user nobody when running as root (root may write anywhere).
import type { SpawnOptions } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  closeSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run as wizard } from '../../src/cli/commands/wizard.ts';
import { main } from '../../src/cli/main.ts';
import { Capture, context, ROOT, run, tempDir } from '../advise/helpers.ts';
import { ScriptedPrompter } from '../wizard/scripted-prompter.ts';

const BIN = join(ROOT, 'bin', 'innoroute.js');
const ADVISE_RULES = join(ROOT, 'test', 'fixtures', 'advise', 'rules');
const ANSWERS = join(ROOT, 'test', 'fixtures', 'advise', 'answers', 'cue2walk.yaml');
const TESTED_RULES = join(ROOT, 'test', 'fixtures', 'runner', 'basic');
const BATCH_RULES = join(ROOT, 'test', 'fixtures', 'batch', 'rules');
const CSV = join(ROOT, 'test', 'fixtures', 'batch', 'write-errors.csv');

/** Each command that writes a result, in English; `out` is its --out, or stdout when absent. */
function commands(out?: string): Record<string, string[]> {
  const to = out !== undefined ? ['--out', out] : [];
  return {
    advise: ['advise', ANSWERS, '--rules', ADVISE_RULES, '--lang', 'en', ...to],
    'batch csv': ['batch', CSV, '--rules', BATCH_RULES, '--lang', 'en', ...to],
    'batch ndjson': [
      'batch',
      CSV,
      '--rules',
      BATCH_RULES,
      '--lang',
      'en',
      '--format',
      'ndjson',
      ...to,
    ],
    'batch json': ['batch', CSV, '--rules', BATCH_RULES, '--lang', 'en', '--format', 'json', ...to],
    validate: ['validate', TESTED_RULES, ...to],
    test: ['test', TESTED_RULES, '--lang', 'en', ...to],
  };
}
const NAMES = Object.keys(commands());

function noStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toContain('This is a bug');
}

describe('--out in a directory that does not exist', () => {
  it.each(NAMES)('%s: says which directory; exit 2, nothing made', async (name) => {
    const dir = tempDir();
    const r = await run(commands('some/missing/dir/out.txt')[name]!, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'innoroute: cannot write some/missing/dir/out.txt: the directory some/missing/dir does not exist\n',
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** Runs the binary; the output of fd 3, if asked for, comes back as `fd3`. */
async function spawnBin(cmd: string, args: readonly string[], options: SpawnOptions) {
  const child = spawn(cmd, args, options);
  const text = (i: number) => {
    let t = '';
    (child.stdio[i] as Readable | null)?.setEncoding('utf8').on('data', (d: string) => (t += d));
    return () => t;
  };
  const [stdout, stderr, fd3] = [text(1), text(2), text(3)];
  const [code] = (await once(child, 'close')) as [number];
  return { code, stdout: stdout(), stderr: stderr(), fd3: fd3() };
}

const hasDevFull = existsSync('/dev/full');

describe.concurrent('stdout on a full disk (/dev/full)', () => {
  // in this process, stdout a stream on the full device
  it.skipIf(!hasDevFull).each(NAMES)(
    '%s: says stdout could not be written; exit 2',
    async (name) => {
      const stdout = createWriteStream('/dev/full');
      const stderr = new Capture();
      const ctx = { ...context(), stdout, stderr };
      const code = await main(commands()[name]!, ctx);
      expect(stderr.text).toBe('innoroute: cannot write stdout: the disk is full\n');
      expect(code).toBe(2);
    },
  );

  // the process's own stdout (a file: written synchronously), which once ended in a stack trace
  it.skipIf(!hasDevFull)('the binary, with > /dev/full', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await spawnBin(process.execPath, [BIN, ...commands().advise!], {
        cwd: ROOT,
        stdio: ['ignore', full, 'pipe'],
      });
      expect(r.stderr).toBe('innoroute: cannot write stdout: the disk is full\n');
      expect(r.code).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});

const isRoot = process.getuid?.() === 0;
const canMount =
  isRoot &&
  spawnSync('unshare', ['-m', '--propagation', 'private', 'true'], { stdio: 'ignore' }).status ===
    0;

/**
 * Runs a command in a directory that is a fresh tmpfs of its own mount namespace (options
 * `mount`; `fill` fills it first), and lists what is in the directory afterwards.
 */
async function onTmpfs(mount: string, fill: boolean, argv: readonly string[]) {
  const script = [
    'D=$(mktemp -d)',
    `mount -t tmpfs -o ${mount} tmpfs "$D" || exit 99`,
    fill ? 'cat /dev/zero > "$D/filler" 2>/dev/null' : ':',
    'cd "$D"',
    '"$0" "$@" 2>&3',
    'rc=$?',
    'ls -A "$D"',
    'cd / && umount "$D" && rmdir "$D"',
    'exit $rc',
  ].join('\n');
  const r = await spawnBin(
    'unshare',
    ['-m', '--propagation', 'private', 'sh', '-c', script, process.execPath, BIN, ...argv],
    { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] },
  );
  return { code: r.code, left: r.stdout.split('\n').filter(Boolean), stderr: r.fd3 };
}

// one command that writes at once (advise, validate and test share that path) and batch, which
// writes a stream; the full disk also for test and each format of batch
describe.concurrent('--out on a full disk', () => {
  it.skipIf(!canMount).each(['advise', 'test', 'batch csv', 'batch json'])(
    '%s: "the disk is full"; exit 2, no file left',
    async (name) => {
      const r = await onTmpfs('size=64k', true, commands('out.txt')[name]!);
      expect(r.stderr).toBe('innoroute: cannot write out.txt: the disk is full\n');
      expect(r.code).toBe(2);
      expect(r.left).toEqual(['filler']);
    },
  );
});

describe.concurrent('--out on a read-only file system', () => {
  it.skipIf(!canMount).each(['advise', 'batch csv'])(
    '%s: "the file system is read-only"; exit 2',
    async (name) => {
      const r = await onTmpfs('ro,size=64k', false, commands('out.txt')[name]!);
      expect(r.stderr).toBe('innoroute: cannot write out.txt: the file system is read-only\n');
      expect(r.code).toBe(2);
      expect(r.left).toEqual([]);
    },
  );
});

describe.concurrent('--out in a directory without write permission', () => {
  // as root, the command runs as nobody: root itself may write anywhere
  it.each(['advise', 'batch csv'])(
    '%s: "permission denied"; exit 2, nothing made',
    async (name) => {
      const dir = tempDir();
      chmodSync(dir, 0o755);
      mkdirSync(join(dir, 'locked'), { mode: 0o555 });
      chmodSync(join(dir, 'locked'), 0o555);
      const r = await spawnBin(process.execPath, [BIN, ...commands('locked/out.txt')[name]!], {
        cwd: dir,
        ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
        env: { PATH: process.env.PATH ?? '', INNOROUTE_NO_CACHE: '1' },
      });
      expect(r.stderr).toBe(
        'innoroute: cannot write locked/out.txt: permission denied: no files can be made in locked\n',
      );
      noStack(r.stderr);
      expect(r.code).toBe(2);
      expect(readdirSync(join(dir, 'locked'))).toEqual([]);
    },
  );
});

describe("the wizard's files", () => {
  it('a session in a directory that does not exist: said before the first question; exit 2', async () => {
    const dir = tempDir();
    const ctx = context({ cwd: dir, tty: true, columns: 100 });
    const prompter = new ScriptedPrompter([]);
    const error = await wizard(
      { rules: ADVISE_RULES, lang: 'en', session: 'gone/session.yaml' },
      ctx,
      { prompter },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'the session cannot be saved in gone/session.yaml: the directory gone does not exist; choose another place with --session <file>',
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
