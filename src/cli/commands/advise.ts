// innoroute advise <answers-file>: the advice for an answers file, without questions. Reads and
// checks the answers (every problem at once, located), calls the same evaluate as the wizard and
// batch, and renders text, markdown, JSON or HTML to stdout or, atomically, to --out. Every format
// opens with the summary (report/summary.ts; --summary: only it); the text, Markdown and HTML end
// with what would change the advice, from explain's search on the same advice.
import { resolve } from 'node:path';
import type { Advice, Answers, Lang } from '../../core/advice.ts';
import { evaluate } from '../../core/engine.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import type { Readable } from 'node:stream';
import type { RawAnswersFile } from '../../io/answers-file.ts';
import {
  checkAnswers,
  formatProblemIn,
  readAnswersFile,
  readAnswersStream,
} from '../../io/answers-file.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { ExitError } from '../errors.ts';
import { reportWidth, resolveAsOf, resolveLang, resolveRulesDir, useColor } from '../options.ts';
import { checkOutputFile, outputFile, writeOutputFile } from '../output.ts';
import { loadRuleSet } from '../../io/rules.ts';

/** What `innoroute advise` takes, as commander parses it (main.ts declares the flags). */
export interface AdviseOptions extends GlobalOptions {
  readonly format: 'text' | 'markdown' | 'json' | 'html';
  readonly out?: string;
  /** Only the summary that opens the advice. */
  readonly summary?: boolean;
}

export async function run(file: string, opts: AdviseOptions, ctx: CliContext): Promise<number> {
  const lang = resolveLang(ctx, opts.lang);
  const asOf = resolveAsOf(opts.asOf, lang);
  const answersPath = resolve(ctx.cwd, file);
  const rulesDir = resolveRulesDir(ctx, opts.rules, lang);
  // checked before the work: the answers file, the rules and odd files are never written over
  const out =
    opts.out !== undefined
      ? outputFile(ctx, opts.out, lang, {
          inputs: [answersPath],
          rulesDir,
          isInput: (shown) =>
            lang === 'nl'
              ? `--out ${shown} is het antwoordenbestand zelf; dat wordt niet overschreven: kies een ander bestand`
              : `--out ${shown} is the answers file itself; refusing to overwrite it: choose another file`,
        })
      : undefined;
  if (out) checkOutputFile(out);
  const rules = await loadRuleSet(rulesDir, { env: ctx.env });

  // "-": the answers from stdin, read up to the same limit as a file
  const answers =
    file === '-'
      ? checkedAnswers(
          rules,
          await readAnswersStream(ctx.stdin as Readable, 'stdin', lang),
          ctx,
          lang,
        )
      : readCheckedAnswers(rules, answersPath, file, ctx, lang);
  const advice = evaluate(rules, answers, { asOf, lang });
  const format = opts.format ?? 'text';
  const toFile = out !== undefined;
  const text = await render(advice, format, {
    rules,
    lang,
    asOf,
    answers,
    ctx,
    opts,
    toFile,
    summaryOnly: opts.summary === true,
  });

  if (out) {
    writeOutputFile(out, text);
  } else {
    ctx.stdout.write(text);
  }
  return 0;
}

/** Reads an answers file; prints warnings; exits 2 listing every error. Shared with the wizard. */
export function readCheckedAnswers(
  rules: RuleSet,
  path: string,
  display: string,
  ctx: CliContext,
  lang: Lang = 'en',
): Answers {
  return checkedAnswers(rules, readAnswersFile(path, display, lang), ctx, lang);
}

/** Answers read from a file or stdin: warnings printed; exit 2 listing every error. */
function checkedAnswers(
  rules: RuleSet,
  read: RawAnswersFile,
  ctx: CliContext,
  lang: Lang,
): Answers {
  const display = read.file;
  const unreadable = read.problems.some((p) => p.severity === 'error');
  const checked = unreadable
    ? { answers: {}, problems: read.problems }
    : checkAnswers(rules, read, lang);
  for (const p of checked.problems) ctx.stderr.write(`${formatProblemIn(p, lang)}\n`);
  // a file that cannot be read or parsed: its problem says it all
  if (unreadable) throw new ExitError('', 2);
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new ExitError(
      lang === 'nl'
        ? `${display}: ${errors.length} ${errors.length === 1 ? 'probleem' : 'problemen'} in de antwoorden; er is geen advies gegeven`
        : `${display}: ${errors.length} problem${errors.length === 1 ? '' : 's'} in the answers; nothing was advised`,
      2,
    );
  }
  return checked.answers;
}

interface RenderContext {
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly asOf: string;
  readonly answers: Answers;
  readonly summaryOnly: boolean;
  readonly ctx: CliContext;
  readonly opts: GlobalOptions;
  readonly toFile: boolean;
}

// Each renderer is loaded only for its format: JSON output never loads the table library, and
// only the full text, Markdown and HTML reports search for what would change the advice.
async function render(
  advice: Advice,
  format: AdviseOptions['format'],
  r: RenderContext,
): Promise<string> {
  const { summarize } = await import('../../report/summary.ts');
  const summary = summarize(advice, r.rules, r.lang);
  const explanation = async () => {
    if (r.summaryOnly) return undefined;
    const { explain } = await import('../../core/explain.ts');
    return explain(r.rules, r.answers, { asOf: r.asOf, lang: r.lang, advice });
  };
  switch (format) {
    case 'json': {
      const { renderJson, renderSummaryJson } = await import('../../report/json.ts');
      return r.summaryOnly ? renderSummaryJson(advice, summary) : renderJson(advice, summary);
    }
    case 'html': {
      const { renderAdviceHtml, renderSummaryHtml } =
        await import('../../report/html/advice-page.tsx');
      const o = { rules: r.rules, lang: r.lang, answers: r.answers, summary };
      if (r.summaryOnly) return renderSummaryHtml(advice, o);
      return renderAdviceHtml(advice, { ...o, explanation: await explanation() });
    }
    case 'markdown': {
      const { renderMarkdown, renderSummaryMarkdown } = await import('../../report/markdown.ts');
      const o = { rules: r.rules, lang: r.lang, answers: r.answers, summary };
      if (r.summaryOnly) return renderSummaryMarkdown(advice, o);
      return renderMarkdown(advice, { ...o, explanation: await explanation() });
    }
    default: {
      const [{ renderText, renderSummaryText }, { Chalk }] = await Promise.all([
        import('../../report/text.ts'),
        import('chalk'),
      ]);
      const color = !r.toFile && useColor(r.ctx, 'stdout', r.opts);
      const o = {
        rules: r.rules,
        lang: r.lang,
        answers: r.answers,
        summary,
        chalk: new Chalk({ level: color ? 1 : 0 }),
        color,
        width: reportWidth(r.ctx, 'stdout', r.toFile),
      };
      if (r.summaryOnly) return renderSummaryText(advice, o);
      return renderText(advice, { ...o, explanation: await explanation() });
    }
  }
}
