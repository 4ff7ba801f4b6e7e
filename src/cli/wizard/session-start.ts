// How a wizard run starts with respect to a saved session: --resume continues it, --new starts
// over (setting it aside), and without either the user is asked — continue, start over, or quit —
// whenever there is a saved session with something in it. A session file that cannot be read
// stops the wizard with its place and is left as it is.
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../core/advice.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { wrap } from '../../report/text.ts';
import type { UiStrings } from '../../report/ui-strings.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import type { Prompter } from '../prompter.ts';
import type { SavedSession, SessionState } from './session-file.ts';
import { checkSession, isEmptySession, readSession, SessionReadError } from './session-file.ts';
import type { SessionPlace, SessionStart } from './session-store.ts';
import { SessionStore } from './session-store.ts';

export interface StartOptions {
  readonly resume?: boolean;
  readonly new?: boolean;
}

export interface OpenedSession {
  readonly store: SessionStore;
  /** The answers resumed, if any (to merge over the pre-filled ones). */
  readonly resumed?: SessionState;
  readonly notices: string[];
}

/** Reads the saved session, or stops with its place and the way out (--new keeps it as a backup). */
function read(place: SessionPlace, s: UiStrings, lang: Lang): SavedSession {
  const found = place.found!;
  try {
    return readSession(found.path, found.shown, lang);
  } catch (e) {
    if (!(e instanceof SessionReadError)) throw e;
    throw new UsageError(s.wizard.badSession(e.at, e.why, place.newCommand, place.backupShown));
  }
}

/** "2026-11-27 14:05", local time. */
function when(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** What a run found and was told, before anything is asked: read errors come out here. */
export interface SessionPlan {
  readonly place: SessionPlace;
  readonly start: SessionStart | 'ask' | undefined;
  readonly saved?: SavedSession;
}

/** Checks what can be checked without asking: --resume needs a session, and it must be readable. */
export function planSession(
  place: SessionPlace,
  opts: StartOptions,
  s: UiStrings,
  lang: Lang,
): SessionPlan {
  const { found } = place;
  if (opts.resume) {
    if (!found) throw new UsageError(s.wizard.noSession(place.shown));
    return { place, start: 'resume', saved: read(place, s, lang) };
  }
  if (!found) return { place, start: undefined };
  // starting over does not need to read it: it is set aside as it is
  if (opts.new) return { place, start: 'new' };
  const saved = read(place, s, lang);
  return { place, start: isEmptySession(saved) ? 'replace' : 'ask', saved };
}

/**
 * Opens the session this run works on, asking continue / start over / quit when the plan says
 * so (call it inside the wizard's Ctrl+C handling). Undefined when the user chooses to quit.
 */
export async function openSession(
  plan: SessionPlan,
  rules: RuleSet,
  lang: Lang,
  s: UiStrings,
  ctx: CliContext,
  prompter: Prompter,
  chalk: ChalkInstance,
  width: number,
): Promise<OpenedSession | undefined> {
  const w = s.wizard;
  const { place, saved } = plan;
  const found = place.found;
  const notices: string[] = [];
  if (place.otherLegacy) notices.push(w.legacyAlso(place.otherLegacy));
  const open = (start: SessionStart | undefined): OpenedSession => {
    const store = new SessionStore(place, start, rules, lang, s, ctx.env);
    if (start === 'new') notices.push(w.startingOver(found!.shown, place.backupShown));
    if (start !== 'resume') return { store, notices };
    if (found!.legacy) notices.push(w.legacyMoved(found!.shown, place.shown));
    const state = checkSession(rules, saved!, found!.shown, ctx, lang);
    notices.push(w.resumed(Object.keys(state.answers).length));
    if (saved!.rulesHash !== rules.hash) notices.push(w.rulesChanged);
    return { store, resumed: state, notices };
  };
  if (plan.start !== 'ask') return open(plan.start);

  const name = saved!.answers.innovation_name;
  const CONTINUE = Symbol('continue');
  const NEW = Symbol('new');
  const QUIT = Symbol('quit');
  prompter.say(
    wrap(
      w.savedSession(
        found!.shown,
        Object.keys(saved!.answers).length,
        typeof name === 'string' && name.trim() ? name.trim() : undefined,
        when(saved!.savedAt),
      ),
      width,
    ),
  );
  const picked = await prompter.select<symbol>({
    message: w.whatNow,
    choices: [
      { value: CONTINUE, name: w.continueChoice },
      { value: NEW, name: w.startOverChoice(place.backupShown) },
      { value: QUIT, name: w.quitChoice },
    ],
    default: CONTINUE,
  });
  if (picked === QUIT) {
    prompter.say(chalk.gray(w.sessionUnchanged(found!.shown, place.resumeCommand)));
    return undefined;
  }
  return open(picked === NEW ? 'new' : 'resume');
}
