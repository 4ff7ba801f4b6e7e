// innoroute explain <answers-file>: why each route is where it is, and what would change the
// advice. Reads and checks the answers as advise does (the same readCheckedAnswers), calls the
// core's explain — the same walk and evaluate as every advice — and renders text, Markdown or JSON
// to stdout or, atomically, to --out.
import { resolve } from 'node:path';
import { didYouMean } from '../../core/answers.ts';
import { explain } from '../../core/explain.ts';
import type { Explanation } from '../../core/explain.ts';
import { samePath, writeFileAtomic, WriteError } from '../../io/atomic.ts';
import { loadRuleSet } from '../../io/rules.ts';
import type { ExplainReportOptions } from '../../report/explain-report.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { UsageError } from '../errors.ts';
import { reportWidth, resolveAsOf, resolveLang, resolveRulesDir, useColor } from '../options.ts';
import { readCheckedAnswers } from './advise.ts';

/** What `innoroute explain` takes, as commander parses it (main.ts declares the flags). */
export interface ExplainCommandOptions extends GlobalOptions {
  readonly format: 'text' | 'markdown' | 'json';
  readonly out?: string;
  readonly route?: string;
}

export async function run(
  file: string,
  opts: ExplainCommandOptions,
  ctx: CliContext,
): Promise<number> {
  const lang = resolveLang(ctx, opts.lang);
  const asOf = resolveAsOf(opts.asOf, lang);
  const answersPath = resolve(ctx.cwd, file);
  const outPath = opts.out !== undefined ? resolve(ctx.cwd, opts.out) : undefined;
  if (outPath && samePath(outPath, answersPath)) {
    throw new UsageError(
      `--out ${opts.out} is the answers file itself; refusing to overwrite it: choose another file`,
    );
  }
  const rules = await loadRuleSet(resolveRulesDir(ctx, opts.rules, lang), { env: ctx.env });
  if (opts.route !== undefined && !rules.routes.has(opts.route)) {
    const ids = [...rules.routes.keys()].sort();
    const guess = didYouMean(opts.route, ids);
    const known = ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, …` : ids.join(', ');
    throw new UsageError(
      lang === 'nl'
        ? `onbekende route "${opts.route}"${guess ? ` — bedoel je "${guess}"?` : `; routes zijn bijvoorbeeld ${known}`}`
        : `unknown route "${opts.route}"${guess ? ` — did you mean "${guess}"?` : `; routes are for example ${known}`}`,
    );
  }

  const answers = readCheckedAnswers(rules, answersPath, file, ctx, lang);
  const explanation = explain(rules, answers, {
    asOf,
    lang,
    ...(opts.route !== undefined ? { route: opts.route } : {}),
  });
  const toFile = outPath !== undefined;
  const text = await render(explanation, opts.format ?? 'text', {
    rules,
    lang,
    answers,
    color: !toFile && useColor(ctx, 'stdout', opts),
    width: reportWidth(ctx, 'stdout', toFile),
  });

  if (outPath) {
    try {
      writeFileAtomic(outPath, text, { protect: [answersPath] });
    } catch (e) {
      if (e instanceof WriteError)
        throw new UsageError(
          lang === 'nl'
            ? `kan ${opts.out} niet schrijven: ${e.reason}`
            : `cannot write ${opts.out}: ${e.reason}`,
        );
      throw e;
    }
  } else {
    ctx.stdout.write(text);
  }
  return 0;
}

// Each renderer is loaded only for its format.
async function render(
  e: Explanation,
  format: ExplainCommandOptions['format'],
  r: Omit<ExplainReportOptions, 'format' | 'chalk'> & { readonly color: boolean },
): Promise<string> {
  if (format === 'json') {
    const { renderExplanationJson } = await import('../../report/explain-json.ts');
    return renderExplanationJson(e);
  }
  const [{ renderExplanation }, { Chalk }] = await Promise.all([
    import('../../report/explain-report.ts'),
    import('chalk'),
  ]);
  return renderExplanation(e, {
    rules: r.rules,
    lang: r.lang,
    answers: r.answers,
    format,
    ...(r.width !== undefined ? { width: r.width } : {}),
    chalk: new Chalk({ level: r.color && format === 'text' ? 1 : 0 }),
  });
}
