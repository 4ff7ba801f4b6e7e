// The session file: what the wizard has been told so far, written after every answer so that
// Ctrl+C (or a closed terminal) loses nothing and `innoroute wizard --resume` continues where the
// user stopped. It is read back through the same answer checks as an answers file, because the
// rules may have changed since it was written. A file that cannot be read is reported with its
// place (file:line:col) and never touched.
import { readFileSync, statSync } from 'node:fs';
import type { LineCounter } from 'yaml';
import type { AnswerValue, Lang } from '../../core/advice.ts';
import { normalizeAnswers } from '../../core/answers.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { toYaml } from '../../io/answers-file.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { ANSWERS_LIMITS, readYamlText } from '../../io/yaml-data.ts';
import type { CliContext } from '../context.ts';

const SESSION_VERSION = 1;
/** A session is a few kilobytes; a file this large is not one (and is not read whole). */
export const SESSION_MAX_BYTES = 1024 * 1024;
/** New session files are private to the user: the answers may be confidential. */
export const SESSION_MODE = 0o600;

/** What the wizard keeps between answers; written to the session file after each one. */
export interface SessionState {
  answers: Record<string, AnswerValue>;
  /** Questions answered in the wizard, in order: the way back. */
  history: string[];
  /** Questions the user chose to leave open. */
  skipped: string[];
}

/** A session file as read, before its answers are checked against the rules. */
export interface SavedSession {
  readonly answers: Record<string, unknown>;
  readonly history: unknown;
  readonly skipped: unknown;
  readonly lang: unknown;
  readonly rulesHash: unknown;
  readonly savedAt: Date;
}

/** Why a session file cannot be read, and where: `at` is file:line:col when there is a place. */
export class SessionReadError extends Error {
  constructor(
    readonly at: string,
    readonly why: string,
  ) {
    super(`${at}: ${why}`);
    this.name = 'SessionReadError';
  }
}

/** Nothing answered, skipped or asked: nothing to keep, and never written over a real session. */
export function isEmptySession(s: {
  readonly answers: object;
  readonly history: unknown;
  readonly skipped: unknown;
}): boolean {
  const none = (v: unknown) => !Array.isArray(v) || v.length === 0;
  return Object.keys(s.answers).length === 0 && none(s.history) && none(s.skipped);
}

export function saveSession(path: string, state: SessionState, rules: RuleSet, lang: Lang): void {
  const body = toYaml({
    version: SESSION_VERSION,
    rules: { name: rules.name, version: rules.version, hash: rules.hash },
    lang,
    history: state.history,
    skipped: state.skipped,
    answers: state.answers,
  });
  writeFileAtomic(
    path,
    `# innoroute wizard session: continue with innoroute wizard --resume\n${body}`,
    { mode: SESSION_MODE },
  );
}

/** The language a saved session was in, if it can be read (INNOROUTE_LANG still wins). */
export function sessionLang(path: string): Lang | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    const m = /^lang: (nl|en)$/m.exec(readFileSync(path, 'utf8'));
    return m?.[1] as Lang | undefined;
  } catch {
    return undefined;
  }
}

/** Why a session cannot be read, in the wizard's language. */
const WHY = {
  nl: {
    notAFile: 'het is geen gewoon bestand',
    tooLarge: (size: number, max: number) =>
      `het is ${size} bytes; een sessie is hoogstens ${max} bytes`,
    permissionDenied: 'geen toegang (leesrechten ontbreken)',
    noSuchFile: 'het bestand bestaat niet',
    notASession: 'dit is geen innoroute-sessie',
    wrongVersion: (v: number) => `dit is geen innoroute-sessie (versie ${v} verwacht)`,
    answersNotAMap: "answers moet vraag-id's aan antwoorden koppelen",
    problem: { error: 'fout', warning: 'waarschuwing' },
  },
  en: {
    notAFile: 'it is not a regular file',
    tooLarge: (size: number, max: number) =>
      `it is ${size} bytes; a session is at most ${max} bytes`,
    permissionDenied: 'permission denied',
    noSuchFile: 'no such file',
    notASession: 'not an innoroute session',
    wrongVersion: (v: number) => `not an innoroute session (version ${v} expected)`,
    answersNotAMap: 'answers must be a map of question ids to answers',
    problem: { error: 'error', warning: 'warning' },
  },
} as const;

/** Reads a session file; throws SessionReadError (with file:line:col where there is one). */
export function readSession(path: string, shown: string, lang: Lang = 'en'): SavedSession {
  const why = WHY[lang];
  let text: string;
  let savedAt: Date;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new SessionReadError(shown, why.notAFile);
    if (st.size > SESSION_MAX_BYTES)
      throw new SessionReadError(shown, why.tooLarge(st.size, SESSION_MAX_BYTES));
    savedAt = st.mtime;
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof SessionReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SessionReadError(
      shown,
      code === 'EACCES' || code === 'EPERM'
        ? why.permissionDenied
        : code === 'ENOENT'
          ? why.noSuchFile
          : (e as Error).message,
    );
  }
  let lines: LineCounter | undefined;
  const at = (offset: number | undefined) => {
    const p = lines?.linePos(offset ?? 0) ?? { line: 1, col: 1 };
    return `${shown}:${p.line}:${p.col}`;
  };
  let data: unknown;
  try {
    // the one bounded reader (aliases, size, depth) of answers files
    const read = readYamlText(text, ANSWERS_LIMITS, lang);
    lines = read.lines;
    if (!('data' in read))
      throw new SessionReadError(at(read.problem.offset), read.problem.message);
    const { doc } = read;
    data = read.data;
    const obj = data as Record<string, unknown> | null;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
      throw new SessionReadError(at(doc.contents?.range?.[0]), why.notASession);
    const pos = (key: string) =>
      at((doc.get(key, true) as { range?: [number] } | undefined)?.range?.[0]);
    if (obj.version !== SESSION_VERSION)
      throw new SessionReadError(
        'version' in obj ? pos('version') : at(0),
        why.wrongVersion(SESSION_VERSION),
      );
    if (
      obj.answers !== undefined &&
      (typeof obj.answers !== 'object' || Array.isArray(obj.answers))
    )
      throw new SessionReadError(pos('answers'), why.answersNotAMap);
    return {
      answers: (obj.answers ?? {}) as Record<string, unknown>,
      history: obj.history,
      skipped: obj.skipped,
      lang: obj.lang,
      rulesHash: (obj.rules as { hash?: unknown } | undefined)?.hash,
      savedAt,
    };
  } catch (e) {
    if (e instanceof SessionReadError) throw e;
    // the parser's own failure: no place to point at
    throw new SessionReadError(shown, (e as Error).message.split('\n')[0]!);
  }
}

/** A saved session's answers checked against the rules; problems go to stderr with the file. */
export function checkSession(
  rules: RuleSet,
  saved: SavedSession,
  shown: string,
  ctx: CliContext,
  lang: Lang,
): SessionState {
  const { answers, problems } = normalizeAnswers(rules, saved.answers, lang);
  for (const p of problems)
    ctx.stderr.write(`${shown}: ${WHY[lang].problem[p.severity]}: ${p.question}: ${p.message}\n`);
  const ids = (v: unknown) =>
    Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && rules.questions.has(x))
      : [];
  return {
    answers: { ...answers },
    history: ids(saved.history).filter((id) => id in answers),
    skipped: ids(saved.skipped).filter((id) => !(id in answers)),
  };
}
