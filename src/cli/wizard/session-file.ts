// The session file: what the wizard has been told so far, written after every answer so that
// Ctrl+C (or a closed terminal) loses nothing and `innoroute wizard --resume` continues where the
// user stopped. It is read back through the same answer checks as an answers file, because the
// rules may have changed since it was written.
import { existsSync, readFileSync } from 'node:fs';
import type { AnswerValue, Lang } from '../../core/advice.ts';
import { normalizeAnswers } from '../../core/answers.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { toYaml } from '../../io/answers-file.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { ANSWERS_LIMITS, yamlTextData } from '../../io/yaml-data.ts';
import type { UiStrings } from '../../report/ui-strings.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';

export const DEFAULT_SESSION = '.innoroute-session.yaml';
const SESSION_VERSION = 1;

/** What the wizard keeps between answers; written to the session file after each one. */
export interface SessionState {
  answers: Record<string, AnswerValue>;
  /** Questions answered in the wizard, in order: the way back. */
  history: string[];
  /** Questions the user chose to leave open. */
  skipped: string[];
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
  );
}

/** The language a saved session was in, if it can be read (INNOROUTE_LANG still wins). */
export function sessionLang(path: string): string | undefined {
  try {
    const m = /^lang: (nl|en)$/m.exec(readFileSync(path, 'utf8'));
    return m?.[1];
  } catch {
    return undefined;
  }
}

export function loadSession(
  rules: RuleSet,
  path: string,
  shown: string,
  s: UiStrings,
  ctx: CliContext,
  lang: Lang,
): SessionState & { rulesHash: unknown } {
  if (!existsSync(path)) throw new UsageError(s.wizard.noSession(shown));
  let data: unknown;
  try {
    const read = yamlTextData(readFileSync(path, 'utf8'), ANSWERS_LIMITS);
    if ('error' in read) throw new Error(read.error);
    data = read.data;
  } catch (e) {
    throw new UsageError(s.wizard.badSession(shown, (e as Error).message));
  }
  const obj = data as Record<string, unknown> | null;
  if (
    !obj ||
    typeof obj !== 'object' ||
    obj.version !== SESSION_VERSION ||
    typeof obj.answers !== 'object'
  ) {
    throw new UsageError(s.wizard.badSession(shown, 'not an innoroute session'));
  }
  const { answers, problems } = normalizeAnswers(
    rules,
    (obj.answers ?? {}) as Record<string, unknown>,
    lang,
  );
  for (const p of problems)
    ctx.stderr.write(`${shown}: ${p.severity}: ${p.question}: ${p.message}\n`);
  const ids = (v: unknown) =>
    Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && rules.questions.has(x))
      : [];
  return {
    answers: { ...answers },
    history: ids(obj.history).filter((id) => id in answers),
    skipped: ids(obj.skipped).filter((id) => !(id in answers)),
    rulesHash: (obj.rules as { hash?: unknown } | undefined)?.hash,
  };
}
