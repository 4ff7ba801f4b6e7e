// innoroute wizard: asks the questions in the terminal, then gives the advice. It only decides
// which question to ask next (nextQuestion); the advice is evaluate(rules, answers), the same as
// advise and batch. The session (answers and the order they were given in) is written after every
// answer, in the user's state directory, so Ctrl+C loses nothing and --resume continues where the
// user stopped; a saved session is never replaced without the user's say. At the end it shows the
// summary of the advice, then the details if the user wants them here, then the offers to save.
// This file is the command: it reads the options, sets the session up, runs the question loop
// and shows the advice. The parts live in ../wizard/: where the session lives and how a run
// starts with it, the session file, the loop, the prompt for one question, and saving the results.
import { Chalk } from 'chalk';
import { resolve } from 'node:path';
import { evaluate } from '../../core/engine.ts';
import { formatAnswersYaml } from '../../io/answers-file.ts';
import { checkOutput, samePath } from '../../io/atomic.ts';
import { loadRuleSet } from '../../io/rules.ts';
import { explain } from '../../core/explain.ts';
import type { Explanation } from '../../core/explain.ts';
import { summarize } from '../../report/summary.ts';
import { summaryStrings } from '../../report/summary-strings.ts';
import { renderDetailsText, renderSummaryText, wrap } from '../../report/text.ts';
import { ui } from '../../report/ui-strings.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { InterruptedError, UsageError } from '../errors.ts';
import { reportWidth, resolveAsOf, resolveLang, resolveRulesDir, useColor } from '../options.ts';
import type { OutputFile } from '../output.ts';
import { outputFile, outputProblem, protectedPaths } from '../output.ts';
import { withSignalsCaught } from '../signals.ts';
import type { Prompter } from '../prompter.ts';
import { inquirerPrompter, isExitPrompt } from '../prompter.ts';
import { askQuestions, finalAnswers, questionList } from '../wizard/question-loop.ts';
import type { SaveFormat } from '../wizard/save-results.ts';
import { offerSave, slug } from '../wizard/save-results.ts';
import type { SessionState } from '../wizard/session-file.ts';
import { sessionLang } from '../wizard/session-file.ts';
import { openSession, planSession } from '../wizard/session-start.ts';
import type { SessionStore } from '../wizard/session-store.ts';
import { locateSession } from '../wizard/session-store.ts';
import { readCheckedAnswers } from './advise.ts';

/** What `innoroute wizard` takes, as commander parses it (main.ts declares the flags). */
export interface WizardOptions extends GlobalOptions {
  readonly answers?: string;
  readonly resume?: boolean;
  /** Start over: a saved session is set aside as a dated backup at the first answer. */
  readonly new?: boolean;
  readonly session?: string;
}

export interface WizardDeps {
  /** Default: @inquirer/prompts on the context's stdin and stdout. */
  readonly prompter?: Prompter;
}

export async function run(
  opts: WizardOptions,
  ctx: CliContext,
  deps: WizardDeps = {},
): Promise<number> {
  const place = locateSession(opts.session, ctx);
  // a saved session keeps its language unless another is asked for
  const lang = resolveLang(
    ctx,
    opts.lang ??
      (place.found && !ctx.env.INNOROUTE_LANG ? sessionLang(place.found.path) : undefined),
  );
  const asOf = resolveAsOf(opts.asOf, lang);
  const s = ui(lang);
  if (opts.resume && opts.new) throw new UsageError(s.wizard.resumeAndNew);
  // before anything is read or written: without a terminal there is no one to ask
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) throw new UsageError(s.wizard.needsTty);
  const rulesDir = resolveRulesDir(ctx, opts.rules, lang);
  const rules = await loadRuleSet(rulesDir, { env: ctx.env });
  const chalk = new Chalk({ level: useColor(ctx, 'stdout', opts) ? 1 : 0 });

  const state: SessionState = { answers: {}, history: [], skipped: [] };
  const notices: string[] = [];
  const answersPath = opts.answers ? resolve(ctx.cwd, opts.answers) : undefined;
  if (opts.answers && answersPath) {
    if ([place.path, place.found?.path].some((p) => p && samePath(answersPath, p)))
      throw new UsageError(s.wizard.sessionIsAnswers);
    Object.assign(state.answers, readCheckedAnswers(rules, answersPath, opts.answers, ctx, lang));
    notices.push(s.wizard.prefilled(Object.keys(state.answers).length));
  }

  const plan = planSession(place, opts, s, lang);
  // what the wizard writes (the session, the saved answers and report) never replaces what it
  // reads: the answers file, the rules
  const reads = { inputs: [answersPath], rulesDir };
  const session: OutputFile = { ...reads, shown: place.shown, path: place.path, lang };
  const saveAs = (typed: string) =>
    outputFile(ctx, typed, lang, {
      ...reads,
      inputs: [answersPath, place.path, place.found?.path],
      isOutOption: false,
    });
  const unwritable = (e: unknown) => {
    const problem = outputProblem(session, e);
    return problem ? new UsageError(s.wizard.sessionUnwritable(place.shown, problem.why)) : e;
  };
  // the state directory is innoroute's own and is made at the first answer; a --session file is
  // checked like --out
  const checkSession = () => {
    if (!place.inStateDir) checkOutput(place.path, protectedPaths(session));
  };
  // before the first question, not after it
  try {
    checkSession();
  } catch (e) {
    throw unwritable(e);
  }

  const prompter =
    deps.prompter ?? (await inquirerPrompter({ input: ctx.stdin, output: ctx.stdout }, lang));
  let store: SessionStore | undefined;
  try {
    const width = Math.max(40, reportWidth(ctx, 'stdout') - 1);
    prompter.say(chalk.bold('innoroute') + '\n' + wrap(s.wizard.intro, width));
    const opened = await openSession(plan, rules, lang, s, ctx, prompter, chalk, width);
    if (!opened) return 0;
    store = opened.store;
    if (opened.resumed) {
      Object.assign(state.answers, opened.resumed.answers);
      state.history = opened.resumed.history;
      state.skipped = opened.resumed.skipped;
    }
    for (const n of [...notices, ...opened.notices]) prompter.say(chalk.gray(wrap(n, width)));
    const save = () => {
      try {
        withSignalsCaught(() => {
          checkSession();
          store!.save(state);
        });
      } catch (e) {
        throw unwritable(e);
      }
    };
    await askQuestions(rules, state, prompter, lang, chalk, save, width);

    const { answers, dropped } = finalAnswers(rules, state);
    if (dropped.length > 0) {
      prompter.say(chalk.yellow(s.wizard.unused(questionList(rules, dropped, lang))));
      state.answers = { ...answers };
      state.history = state.history.filter((id) => id in answers);
    }
    const advice = evaluate(rules, answers, { asOf, lang });
    const color = useColor(ctx, 'stdout', opts);
    const report = {
      rules,
      lang,
      answers,
      chalk,
      color,
      width: reportWidth(ctx, 'stdout'),
      summary: summarize(advice, rules, lang),
    };
    // the answer first: the summary fits the screen with the question under it; the details
    // (and what would change the advice: the rules walked again) only when asked for
    prompter.say(chalk.bold(s.wizard.done) + '\n\n' + renderSummaryText(advice, report));
    let explanation: Explanation | undefined;
    const explained = () => (explanation ??= explain(rules, answers, { asOf, lang, advice }));
    if (await prompter.confirm({ message: summaryStrings(lang).showDetails, default: true })) {
      prompter.say(renderDetailsText(advice, { ...report, explanation: explained() }));
    }
    await offerSave(prompter, ctx, s, chalk, {
      question: s.wizard.saveAnswers,
      pathLabel: s.wizard.answersPath,
      defaultName: `${slug(answers.innovation_name)}.answers.yaml`,
      defaultYes: true,
      output: saveAs,
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
    const reportOptions = () => ({
      rules,
      lang,
      answers,
      summary: report.summary,
      explanation: explained(),
    });
    const base = slug(answers.innovation_name);
    const html: SaveFormat = {
      id: 'html',
      name: s.wizard.reportHtml,
      defaultName: `${base}.html`,
      content: async () => {
        const { renderAdviceHtml } = await import('../../report/html/advice-page.tsx');
        return renderAdviceHtml(advice, reportOptions());
      },
    };
    const markdown: SaveFormat = {
      id: 'markdown',
      name: s.wizard.reportMarkdown,
      defaultName: `${base}.${lang === 'nl' ? 'advies' : 'advice'}.md`,
      content: async () => {
        const { renderMarkdown } = await import('../../report/markdown.ts');
        return renderMarkdown(advice, reportOptions());
      },
    };
    await offerSave(prompter, ctx, s, chalk, {
      question: s.wizard.saveReport,
      pathLabel: s.wizard.reportPath,
      defaultYes: false,
      output: saveAs,
      defaultName: html.defaultName,
      content: html.content,
      formats: { message: s.wizard.reportFormat, choices: [html, markdown] },
    });
    // the session is complete and its answers are in the advice (and saved if the user wished)
    store.finish();
    return 0;
  } catch (e) {
    if (isExitPrompt(e)) {
      throw new InterruptedError(
        store
          ? store.interrupted(state)
          : place.found
            ? s.wizard.sessionUnchanged(place.found.shown, place.resumeCommand)
            : s.wizard.nothingSaved,
      );
    }
    throw e;
  }
}
