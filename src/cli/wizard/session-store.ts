// Which session file the wizard works on, and the rules for touching it: a saved session is
// never replaced without the user's say. Starting over sets the saved one aside as a backup,
// and only at the first answer, so that stopping before it changes nothing; nothing is written
// before there is an answer; a session from an earlier version (.innoroute-session.yaml in the
// working directory) is continued in the state directory and removed from the project once it
// has been written there.
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../../core/advice.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { WriteError } from '../../io/atomic.ts';
import type { UiStrings } from '../../report/ui-strings.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import type { SessionState } from './session-file.ts';
import { isEmptySession, saveSession } from './session-file.ts';
import {
  backupPath,
  defaultSessionPath,
  LEGACY_SESSION,
  makeStateDir,
  moveFile,
  showPath,
} from './session-location.ts';

/** The session file the wizard writes, and the saved one it finds there (or left by a version before). */
export interface SessionPlace {
  /** Where this run writes its session. */
  readonly path: string;
  readonly shown: string;
  /** True for the default place in the state directory (made 0700 when first written). */
  readonly inStateDir: boolean;
  /** The saved session to offer: at `path`, or the legacy file when `path` has none. */
  readonly found?: { readonly path: string; readonly shown: string; readonly legacy: boolean };
  /** A legacy session that is not offered because the state directory has one too. */
  readonly otherLegacy?: string;
  /** `innoroute wizard --resume`, with --session when one was given. */
  readonly resumeCommand: string;
  readonly newCommand: string;
  /** Where starting over puts the saved session. */
  readonly backup: string;
  readonly backupShown: string;
}

export function locateSession(session: string | undefined, ctx: CliContext): SessionPlace {
  const show = (p: string) => showPath(p, ctx.cwd, ctx.env);
  const path = session ? resolve(ctx.cwd, session) : defaultSessionPath(ctx.env);
  const legacy = resolve(ctx.cwd, LEGACY_SESSION);
  const found = existsSync(path)
    ? { path, shown: show(path), legacy: false }
    : !session && existsSync(legacy)
      ? { path: legacy, shown: show(legacy), legacy: true }
      : undefined;
  // named by when the saved session was last written, so that backups never replace each other
  let savedAt = new Date();
  try {
    if (found) savedAt = statSync(found.path).mtime;
  } catch {
    // unreadable: it is reported when it is read; the name just uses the present time
  }
  const backup = backupPath(path, savedAt);
  const flag = session ? ` --session ${session}` : '';
  return {
    path,
    shown: show(path),
    inStateDir: !session,
    ...(found ? { found } : {}),
    ...(!session && found && !found.legacy && existsSync(legacy)
      ? { otherLegacy: show(legacy) }
      : {}),
    resumeCommand: `innoroute wizard --resume${flag}`,
    newCommand: `innoroute wizard --new${flag}`,
    backup,
    backupShown: show(backup),
  };
}

/** How this run relates to the saved session it found. */
export type SessionStart =
  /** Continues it: it is this run's session. */
  | 'resume'
  /** Starts over: it is set aside as the backup at the first answer. */
  | 'new'
  /** It had nothing in it: replaced at the first answer, no backup. */
  | 'replace';

/** Writes the session after every answer, under the rules above. */
export class SessionStore {
  private written = false;

  constructor(
    readonly place: SessionPlace,
    private readonly start: SessionStart | undefined,
    private readonly rules: RuleSet,
    private readonly lang: Lang,
    private readonly s: UiStrings,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  /** Saves the session; an empty one is never written. */
  save(state: SessionState): void {
    if (isEmptySession(state)) return;
    const { place } = this;
    try {
      if (!this.written) {
        if (place.inStateDir) makeStateDir(this.env);
        if (this.start === 'new' && place.found && existsSync(place.found.path))
          moveFile(place.found.path, place.backup);
      }
      saveSession(place.path, state, this.rules, this.lang);
    } catch (e) {
      const reason = e instanceof WriteError ? e.reason : (e as Error).message;
      throw new UsageError(this.s.wizard.sessionUnwritable(place.shown, reason));
    }
    if (!this.written) {
      this.written = true;
      // a legacy session that was continued (or was empty) now lives in the state directory
      if (place.found?.legacy && this.start !== 'new') rmSync(place.found.path, { force: true });
    }
  }

  /** The session is done: its answers are in the advice. Removes only this run's session. */
  finish(): void {
    if (this.written) rmSync(this.place.path, { force: true });
    if (this.start === 'resume' && this.place.found) rmSync(this.place.found.path, { force: true });
  }

  /**
   * On Ctrl+C: saves this run's answers (the state may have changed since the last answer: the
   * end drops answers that do not count) and says where the session is. A session that was
   * resumed but not added to is left exactly as it was.
   */
  interrupted(state: SessionState): string {
    const w = this.s.wizard;
    const { place } = this;
    if (this.written) {
      this.save(state);
      return w.sessionSaved(place.shown, place.resumeCommand);
    }
    if (place.found && this.start === 'resume')
      return w.sessionSaved(place.found.shown, place.resumeCommand);
    if (place.found && this.start !== 'replace')
      return w.sessionUnchanged(place.found.shown, place.resumeCommand);
    return w.nothingSaved;
  }
}
