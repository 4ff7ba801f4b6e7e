// `--rules-from git:<rev>`: the rule directory as a git revision has it, written to a temporary
// directory that the caller removes (RuleCheckout.remove; signals remove it too, through
// atomic.ts's list of temporary paths). Files are listed with `git ls-tree` and read with
// `git show <rev>:<path>`, each through execFile with its arguments: nothing passes a shell.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { trackTemporary, untrackTemporary } from './atomic.ts';

const run = promisify(execFile);

/** The largest rule file read from git (the loader refuses larger ones anyway). */
const MAX_BYTES = 8 * 1024 * 1024;

/** Why a revision's rules could not be read: said to the user as it is. */
export class GitRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitRulesError';
  }
}

export interface RuleCheckout {
  /** The temporary rule directory. */
  readonly dir: string;
  /** The rule directory's path in the repository. */
  readonly path: string;
  remove(): void;
}

async function git(cwd: string, args: string[]): Promise<string> {
  return (await run('git', args, { cwd, maxBuffer: MAX_BYTES, encoding: 'utf8' })).stdout;
}

async function gitBytes(cwd: string, args: string[]): Promise<Buffer> {
  return (await run('git', args, { cwd, maxBuffer: MAX_BYTES, encoding: 'buffer' })).stdout;
}

function firstLine(e: unknown): string {
  const err = e as { stderr?: string | Buffer; code?: string | number; message?: string };
  if (err.code === 'ENOENT') return 'git is not installed (or not on PATH)';
  const text = String(err.stderr ?? err.message ?? e).trim();
  return text.split('\n')[0] ?? text;
}

/**
 * The files under `rulesDir` (a directory inside a git work tree) at revision `rev`, written to a
 * new temporary directory.
 */
export async function checkoutRules(rulesDir: string, rev: string): Promise<RuleCheckout> {
  if (rev === '' || rev.startsWith('-')) {
    throw new GitRulesError(`"${rev}" is not a git revision`);
  }
  let top: string;
  try {
    top = (await git(rulesDir, ['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    throw new GitRulesError(`${rulesDir} is not inside a git repository (${firstLine(e)})`);
  }
  try {
    await git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    throw new GitRulesError(`the repository has no revision "${rev}"`);
  }
  const path = relative(realpathSync(top), realpathSync(rulesDir)).split(sep).join('/') || '.';
  let listed: string;
  try {
    listed = await git(top, ['ls-tree', '-r', '--name-only', '-z', rev, '--', path]);
  } catch (e) {
    throw new GitRulesError(`cannot list ${path} at ${rev}: ${firstLine(e)}`);
  }
  const prefix = path === '.' ? '' : `${path}/`;
  const files = listed
    .split('\0')
    .filter((f) => f !== '' && f.startsWith(prefix) && /\.ya?ml$/i.test(f));
  if (files.length === 0) {
    throw new GitRulesError(`${path} has no .yaml files at revision ${rev}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'innoroute-diff-rules-'));
  trackTemporary(dir);
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    untrackTemporary(dir);
  };
  try {
    for (const file of files) {
      const stdout = await gitBytes(top, ['show', `${rev}:${file}`]);
      const target = join(dir, ...file.slice(prefix.length).split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, stdout);
    }
  } catch (e) {
    remove();
    throw new GitRulesError(`cannot read the rules at ${rev}: ${firstLine(e)}`);
  }
  return { dir, path, remove };
}
