// Where the wizard keeps its session: one file per user in the user's state directory
// ($XDG_STATE_HOME/innoroute/session.yaml, by default ~/.local/state/innoroute/session.yaml), so
// that a session never lands in (and dirties) a project checkout. `--session <file>` puts it
// elsewhere. Earlier versions wrote .innoroute-session.yaml in the working directory; such a file
// is still found (see session-start.ts). Starting over keeps the previous session as a backup
// named by the time it was saved.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The session file's name in the state directory. */
export const SESSION_FILE = 'session.yaml';
/** Where versions before the state directory kept the session: the working directory. */
export const LEGACY_SESSION = '.innoroute-session.yaml';

type Env = Readonly<Record<string, string | undefined>>;

function home(env: Env): string {
  return env.HOME || homedir();
}

/**
 * innoroute's state directory. XDG_STATE_HOME counts only when it is an absolute path (the XDG
 * base directory rule); otherwise ~/.local/state.
 */
export function stateDir(env: Env): string {
  const base =
    env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME)
      ? env.XDG_STATE_HOME
      : join(home(env), '.local', 'state');
  return join(base, 'innoroute');
}

export function defaultSessionPath(env: Env): string {
  return join(stateDir(env), SESSION_FILE);
}

/**
 * Where starting over puts the session it sets aside: beside it, named by the time it was last
 * saved (session.2026-11-27-140512.yaml), and never over an earlier backup (-2, -3, … when the
 * name is taken). Backups are kept until the user removes them; each can be continued with
 * --resume --session <backup>.
 */
export function backupPath(sessionPath: string, savedAt: Date): string {
  const name = basename(sessionPath);
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  const p = (n: number) => String(n).padStart(2, '0');
  const d = savedAt;
  const stamp = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  for (let i = 1; ; i++) {
    const candidate = join(dirname(sessionPath), `${stem}.${stamp}${i > 1 ? `-${i}` : ''}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** A path as the user reads it: relative to the working directory when inside it, ~ for home. */
export function showPath(path: string, cwd: string, env: Env): string {
  const rel = relative(cwd, path);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
  const h = resolve(home(env));
  return path.startsWith(h + sep) ? `~${path.slice(h.length)}` : path;
}

/** Makes the state directory, private to the user (0700): answers may be confidential. */
export function makeStateDir(env: Env): void {
  mkdirSync(stateDir(env), { recursive: true, mode: 0o700 });
}

/** Moves a file, also across file systems (the legacy file in a project to the state directory). */
export function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, to);
    rmSync(from, { force: true });
  }
}
