// innoroute wizard: asks the questions in the terminal, then gives the advice. It only decides
// which question to ask next (nextQuestion); the advice is evaluate(rules, answers), the same as
// advise and batch. The session (answers and the order they were given in) is written after every
// answer, so Ctrl+C loses nothing and --resume continues where the user stopped.
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { AnswerValue, Answers, Lang } from '../../core/advice.ts';
import { normalizeAnswers, parseAnswer } from '../../core/answers.ts';
import { evaluate } from '../../core/engine.ts';
import { askIfTest, nextQuestion, pruneAnswers } from '../../core/next-question.ts';
import type { QuestionDef, RuleSet } from '../../core/ruleset.ts';
import { formatAnswersYaml, toYaml } from '../../io/answers-file.ts';
import { samePath, writeFileAtomic, WriteError } from '../../io/atomic.ts';
import { splitCitation } from '../../report/sources.ts';
import { ui } from '../../report/ui-strings.ts';
import { renderText, wrap } from '../../report/text.ts';
import type { UiStrings } from '../../report/ui-strings.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { InterruptedError, UsageError } from '../errors.ts';
import { resolveAsOf, resolveLang, resolveRulesDir, useColor } from '../options.ts';
import type { ChoiceItem, Prompter } from '../prompter.ts';
import { inquirerPrompter, isExitPrompt } from '../prompter.ts';
import { loadRuleSet } from '../../io/rules.ts';
import { readCheckedAnswers } from './advise.ts';

/** What `innoroute wizard` takes, as commander parses it (main.ts declares the flags). */
export interface WizardOptions extends GlobalOptions {
  readonly answers?: string;
  readonly resume?: boolean;
  readonly session?: string;
}

export const DEFAULT_SESSION = '.innoroute-session.yaml';
const SESSION_VERSION = 1;

export interface WizardDeps {
  /** Default: @inquirer/prompts on the context's stdin and stdout. */
  readonly prompter?: Prompter;
}

/** What the wizard keeps between answers; written to the session file after each one. */
export interface SessionState {
  answers: Record<string, AnswerValue>;
  /** Questions answered in the wizard, in order: the way back. */
  history: string[];
  /** Questions the user chose to leave open. */
  skipped: string[];
}

// The values of the action choices; symbols cannot collide with an option id.
const HELP = Symbol('help');
const BACK = Symbol('back');
const SKIP = Symbol('skip');
type Special = typeof HELP | typeof BACK | typeof SKIP;

/** An amount written with thousands separators, such as 250.000 or 1,250,000. */
const THOUSANDS = /^(€\s*)?-?\d{1,3}([.,]\d{3})+$/;

type Action = { kind: 'answer'; value: AnswerValue } | { kind: 'skip' } | { kind: 'back' };

export async function run(
  opts: WizardOptions,
  ctx: CliContext,
  deps: WizardDeps = {},
): Promise<number> {
  const sessionPath = resolve(ctx.cwd, opts.session ?? DEFAULT_SESSION);
  // a resumed session keeps its language unless another is asked for
  const lang = resolveLang(
    ctx,
    opts.lang ?? (opts.resume && !ctx.env.INNOROUTE_LANG ? sessionLang(sessionPath) : undefined),
  );
  const asOf = resolveAsOf(opts.asOf);
  const s = ui(lang);
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) throw new UsageError(s.wizard.needsTty);
  const rules = await loadRuleSet(resolveRulesDir(ctx, opts.rules), { env: ctx.env });
  const sessionShown = relative(ctx.cwd, sessionPath) || basename(sessionPath);
  const chalk = new Chalk({ level: useColor(ctx, 'stdout', opts) ? 1 : 0 });

  const state: SessionState = { answers: {}, history: [], skipped: [] };
  const notices: string[] = [];
  let answersPath: string | undefined;
  if (opts.answers) {
    answersPath = resolve(ctx.cwd, opts.answers);
    Object.assign(state.answers, readCheckedAnswers(rules, answersPath, opts.answers, ctx, lang));
    notices.push(s.wizard.prefilled(Object.keys(state.answers).length));
  }
  if (!opts.resume && existsSync(sessionPath)) notices.push(s.wizard.sessionExists(sessionShown));
  if (opts.resume) {
    const saved = loadSession(rules, sessionPath, sessionShown, s, ctx, lang);
    Object.assign(state.answers, saved.answers);
    state.history = saved.history;
    state.skipped = saved.skipped;
    notices.push(s.wizard.resumed(Object.keys(saved.answers).length));
    if (saved.rulesHash !== rules.hash) notices.push(s.wizard.rulesChanged);
  }

  if (answersPath && samePath(answersPath, sessionPath))
    throw new UsageError(s.wizard.sessionIsAnswers);
  const save = () => {
    try {
      saveSession(sessionPath, state, rules, lang);
    } catch (e) {
      if (e instanceof WriteError)
        throw new UsageError(s.wizard.sessionUnwritable(sessionShown, e.reason));
      throw e;
    }
  };
  const resumeCommand = `innoroute wizard --resume${opts.session ? ` --session ${opts.session}` : ''}`;
  const prompter =
    deps.prompter ?? (await inquirerPrompter({ input: ctx.stdin, output: ctx.stdout }));
  try {
    const width = Math.max(40, (ctx.stdout.columns ?? 100) - 1);
    prompter.say(chalk.bold('innoroute') + '\n' + wrap(s.wizard.intro, width));
    for (const n of notices) prompter.say(chalk.gray(wrap(n, width)));
    await ask(rules, state, prompter, lang, chalk, save, width);

    const { answers, dropped } = finalAnswers(rules, state);
    if (dropped.length > 0) {
      prompter.say(chalk.yellow(s.wizard.unused(questionList(rules, dropped, lang))));
      state.answers = { ...answers };
      state.history = state.history.filter((id) => id in answers);
    }
    const advice = evaluate(rules, answers, { asOf, lang });
    const color = useColor(ctx, 'stdout', opts);
    prompter.say(
      '\n' +
        chalk.bold(s.wizard.done) +
        '\n\n' +
        renderText(advice, {
          rules,
          lang,
          answers,
          chalk,
          color,
          width: ctx.stdout.columns ?? 100,
        }),
    );
    await offerSave(prompter, ctx, s, chalk, {
      question: s.wizard.saveAnswers,
      pathLabel: s.wizard.answersPath,
      defaultName: `${slug(answers.innovation_name)}.answers.yaml`,
      defaultYes: true,
      content: () =>
        formatAnswersYaml(
          answers,
          [
            `innoroute answers (${rules.name} ${rules.version})`,
            'innoroute advise <this file>  |  innoroute wizard --answers <this file>',
          ],
          rules.questionOrder,
        ),
    });
    await offerSave(prompter, ctx, s, chalk, {
      question: s.wizard.saveReport,
      pathLabel: s.wizard.reportPath,
      defaultName: `${slug(answers.innovation_name)}.${lang === 'nl' ? 'advies' : 'advice'}.md`,
      defaultYes: false,
      content: async () => {
        const { renderMarkdown } = await import('../../report/markdown.ts');
        return renderMarkdown(advice, { rules, lang, answers });
      },
    });
    // the session is complete and its answers are in the advice (and saved if the user wished)
    rmSync(sessionPath, { force: true });
    return 0;
  } catch (e) {
    if (isExitPrompt(e)) {
      save();
      throw new InterruptedError(s.wizard.sessionSaved(sessionShown, resumeCommand));
    }
    throw e;
  }
}

/**
 * The question loop: ask, record, save. Back re-asks the previous question with its answer as the
 * default, and then the ones after it again (a redo stack), so the user can change an answer and
 * walk forward through the rest; help explains and asks again.
 */
async function ask(
  rules: RuleSet,
  state: SessionState,
  prompter: Prompter,
  lang: Lang,
  chalk: ChalkInstance,
  save: () => void,
  width: number,
): Promise<void> {
  const s = ui(lang);
  const redo: string[] = [];
  const given = (id: string) => id in state.answers || state.skipped.includes(id);
  for (;;) {
    const next = nextQuestion(rules, state.answers, { skipped: state.skipped });
    let q: QuestionDef | undefined;
    while (!q && redo.length > 0) {
      const id = redo.pop()!;
      if (given(id)) q = rules.questions.get(id);
    }
    if (!q) {
      if (next.done) return;
      q = next.question;
    }
    const asked = next.done ? countGiven(rules, state) : next.progress.asked;
    const estimate = next.done ? asked : next.progress.estimate;
    const position = Math.max(1, asked + 1 - redo.length - (given(q.id) ? 1 : 0));
    const progress = s.wizard.progress(position, Math.max(estimate, position));

    const action = await askOne(rules, q, state, prompter, lang, chalk, progress, width);
    if (action.kind === 'back') {
      const prev = state.history.pop();
      if (given(q.id)) redo.push(q.id);
      if (prev === undefined) prompter.say(chalk.gray(s.wizard.atFirst));
      else redo.push(prev);
      continue;
    }
    if (action.kind === 'skip') {
      delete state.answers[q.id];
      if (!state.skipped.includes(q.id)) state.skipped.push(q.id);
    } else {
      state.answers[q.id] = action.value;
      state.skipped = state.skipped.filter((id) => id !== q.id);
    }
    state.history = state.history.filter((id) => id !== q.id);
    state.history.push(q.id);
    const dropped = dropExcluded(rules, state);
    if (dropped.length > 0)
      prompter.say(chalk.yellow(s.wizard.dropped(questionList(rules, dropped, lang))));
    save();
  }
}

/** Questions by their (shortened) text, for notices: "Past het …?", "Wie draagt …?". */
function questionList(rules: RuleSet, ids: readonly string[], lang: Lang): string {
  return ids
    .map((id) => {
      const text = rules.questions.get(id)?.text[lang] ?? id;
      return `"${text.length > 70 ? `${text.slice(0, 69).trimEnd()}…` : text}"`;
    })
    .join(', ');
}

function countGiven(rules: RuleSet, state: SessionState): number {
  return [...rules.questions.keys()].filter(
    (id) => id in state.answers || state.skipped.includes(id),
  ).length;
}

/**
 * Drops the answers whose question is ruled out by its ask_if after a change — definitely: an
 * ask_if that is false stays false whatever else is answered. Repeats until nothing changes,
 * since one dropped answer can rule out another.
 */
export function dropExcluded(rules: RuleSet, state: SessionState): string[] {
  const dropped: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    const askIf = askIfTest(rules, state.answers);
    for (const id of [...Object.keys(state.answers), ...state.skipped]) {
      if (askIf(id) === false) {
        if (id in state.answers) {
          delete state.answers[id];
          dropped.push(id);
          changed = true;
        }
        state.skipped = state.skipped.filter((x) => x !== id);
      }
    }
  }
  state.history = state.history.filter((id) => id in state.answers || state.skipped.includes(id));
  return dropped;
}

/**
 * At the end, every answer that can no longer change the advice (the trees do not read it with
 * these answers) is dropped, so the saved answers are the ones the advice rests on.
 */
export function finalAnswers(
  rules: RuleSet,
  state: SessionState,
): { answers: Answers; dropped: string[] } {
  const { answers, dropped } = pruneAnswers(rules, state.answers);
  return { answers, dropped };
}

async function askOne(
  rules: RuleSet,
  q: QuestionDef,
  state: SessionState,
  prompter: Prompter,
  lang: Lang,
  chalk: ChalkInstance,
  progress: string,
  width: number,
): Promise<Action> {
  const s = ui(lang);
  const w = s.wizard;
  const canGoBack = state.history.length > 0;
  const message = `${chalk.gray(progress)} ${q.text[lang]}`;
  const current = state.answers[q.id];
  const actions = (skip: boolean): ChoiceItem<Special>[] => [
    { separator: true },
    ...(skip ? [{ value: SKIP, name: w.skipChoice } as const] : []),
    { value: HELP, name: w.helpChoice },
    ...(canGoBack ? [{ value: BACK, name: w.backChoice } as const] : []),
  ];
  const help = () => prompter.say(helpText(rules, q, lang, chalk, width));

  for (;;) {
    switch (q.kind) {
      case 'one':
      case 'boolean': {
        const choices: ChoiceItem<string | boolean | Special>[] =
          q.kind === 'one'
            ? [
                ...q.optionList.map((o) => ({
                  value: o.id,
                  name: o.label[lang],
                  ...(o.help ? { description: o.help[lang] } : {}),
                })),
                // an "unknown" option says it already; no second way to say it
                ...actions(!q.optionIds.includes('unknown')),
              ]
            : [{ value: true, name: w.yes }, { value: false, name: w.no }, ...actions(true)];
        const fits = q.kind === 'one' ? typeof current === 'string' : typeof current === 'boolean';
        const picked = await prompter.select<string | boolean | Special>({
          message,
          choices,
          ...(fits ? { default: current as string | boolean } : {}),
        });
        if (picked === HELP) {
          help();
          continue;
        }
        if (picked === BACK) return { kind: 'back' };
        if (picked === SKIP) return { kind: 'skip' };
        return { kind: 'answer', value: picked };
      }
      case 'many': {
        const ask = (ticked: ReadonlySet<string | Special>) =>
          prompter.checkbox<string | Special>({
            message,
            hint: w.checkboxHint,
            choices: [
              ...q.optionList.map((o) => ({
                value: o.id,
                name: o.label[lang],
                checked: ticked.has(o.id),
                ...(o.help ? { description: o.help[lang] } : {}),
              })),
              ...actions(false),
            ],
          });
        let picked = await ask(new Set(Array.isArray(current) ? current : []));
        for (;;) {
          if (picked.includes(BACK)) return { kind: 'back' };
          if (!picked.includes(HELP)) break;
          help();
          // ask again with what was ticked still ticked
          picked = await ask(new Set(picked));
        }
        const ids = picked.filter((v): v is string => typeof v === 'string');
        if (ids.length === 0) return { kind: 'skip' };
        const parsed = parseAnswer(q, ids);
        return 'value' in parsed ? { kind: 'answer', value: parsed.value } : { kind: 'skip' };
      }
      case 'number':
      case 'text': {
        const hint = canGoBack ? w.textHint : w.textHintFirst;
        const typed = await prompter.input({
          message,
          hint,
          ...(current !== undefined ? { default: String(current) } : {}),
          validate: (v) => {
            const t = v.trim();
            if (t === '' || t === '?' || (t === '<' && canGoBack)) return true;
            // "250.000" is 250 by the answer rules, but a Dutch reader means 250000: ask
            if (q.kind === 'number' && THOUSANDS.test(t))
              return w.numberAmbiguous(t.replace(/[.,]/g, ''));
            const parsed = parseAnswer(q, t, lang);
            if ('problem' in parsed)
              return q.kind === 'number' ? w.numberInvalid : parsed.problem.message;
            return true;
          },
        });
        const t = typed.trim();
        if (t === '?') {
          help();
          continue;
        }
        if (t === '<' && canGoBack) return { kind: 'back' };
        const parsed = parseAnswer(q, t);
        if ('value' in parsed) return { kind: 'answer', value: parsed.value };
        return { kind: 'skip' };
      }
    }
  }
}

/** Why a question is asked, with its sources and, for options, what each means. */
export function helpText(
  rules: RuleSet,
  q: QuestionDef,
  lang: Lang,
  chalk: ChalkInstance,
  width = 100,
): string {
  const w = ui(lang).wizard;
  const lines: string[] = [];
  lines.push(wrap(`${w.whyAsked}: ${q.help?.[lang] ?? w.noHelp}`, width, '  ', '  '));
  for (const o of q.optionList) {
    if (o.help) lines.push(wrap(`${o.label[lang]}: ${o.help[lang]}`, width, '    • ', '      '));
  }
  // one line per source, with every line cited in it
  const bySource = new Map<string, string[]>();
  for (const citation of q.sources ?? []) {
    const { id, lines: at } = splitCitation(citation);
    const list = bySource.get(id) ?? [];
    if (at) list.push(at);
    bySource.set(id, list);
  }
  for (const [id, at] of bySource) {
    const src = rules.sources.get(id);
    const meta = [src?.publisher, src?.year].filter((v) => v !== undefined).join(', ');
    const where = at.length > 0 ? `, ${ui(lang).line} ${at.join(', ')}` : '';
    const text = `${w.sourcesLabel}: ${src?.title ?? id}${meta ? ` (${meta})` : ''}${where}${src?.url ? ` ${src.url}` : ''}`;
    lines.push(chalk.gray(wrap(text, width, '  ', '    ')));
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Sessions

function saveSession(path: string, state: SessionState, rules: RuleSet, lang: Lang): void {
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
function sessionLang(path: string): string | undefined {
  try {
    const m = /^lang: (nl|en)$/m.exec(readFileSync(path, 'utf8'));
    return m?.[1];
  } catch {
    return undefined;
  }
}

function loadSession(
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
    const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true });
    if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
    data = doc.toJS({ maxAliasCount: 100 });
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

// ---------------------------------------------------------------------------------------------
// Saving the results

interface SaveOffer {
  readonly question: string;
  readonly pathLabel: string;
  readonly defaultName: string;
  readonly defaultYes: boolean;
  readonly content: () => string | Promise<string>;
}

async function offerSave(
  prompter: Prompter,
  ctx: CliContext,
  s: UiStrings,
  chalk: ChalkInstance,
  o: SaveOffer,
) {
  if (!(await prompter.confirm({ message: o.question, default: o.defaultYes }))) return;
  let suggestion = o.defaultName;
  for (;;) {
    const typed = (await prompter.input({ message: o.pathLabel, default: suggestion })).trim();
    if (typed === '') {
      prompter.say(chalk.gray(s.wizard.notSaved));
      return;
    }
    const path = resolve(ctx.cwd, typed);
    if (
      existsSync(path) &&
      !(await prompter.confirm({ message: s.wizard.overwrite(typed), default: false }))
    ) {
      suggestion = typed;
      continue;
    }
    try {
      writeFileAtomic(path, await o.content());
      prompter.say(chalk.green(s.wizard.saved(typed)));
      return;
    } catch (e) {
      if (!(e instanceof WriteError)) throw e;
      prompter.say(chalk.red(e.message));
      suggestion = typed;
    }
  }
}

/** A file name from the innovation's name: "Cue2Walk (v2)" → "cue2walk-v2". */
export function slug(name: AnswerValue | undefined): string {
  const text = typeof name === 'string' ? name : '';
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'innoroute';
}
