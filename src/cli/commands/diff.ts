// innoroute diff <answers-file|file.csv|test dir>: every input assessed twice — under the rules of
// --rules-from (a directory, or git:<rev>) and --rules, and/or at --as-of-from and --as-of — and
// what differs per input, with the rule nodes and registry entries that made the difference.
// A CSV file streams through batch's row pipeline (threads, bounded memory); answers files and
// test cases are assessed here. Exit 0 nothing changes, 1 something does (so CI can ask for a
// review), 2 the diff could not run (rules with errors on either side, a bad input, bad usage).
import { relative, resolve, sep } from 'node:path';
import type { Lang } from '../../core/advice.ts';
import type { Cause, InputChange } from '../../core/diff.ts';
import { diffJudged, judgeAnswers } from '../../core/diff-assess.ts';
import { RuleChanges } from '../../core/diff-causes.ts';
import type { DiffSide } from '../../core/diff-causes.ts';
import type { DiffReport, DiffSideInfo } from '../../core/diff-report.ts';
import { DiffTally } from '../../core/diff-report.ts';
import { programOf } from '../../core/program.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { DiffInputError, isAnswersInput, readAnswersInputs } from '../../io/diff-inputs.ts';
import { DiffJob } from '../../io/diff-rows.ts';
import type { DiffWriter } from '../../io/diff-rows.ts';
import { csvWriter, jsonWriter, NO_WRITER } from '../../io/diff-write.ts';
import { checkoutRules, GitRulesError } from '../../io/git-rules.ts';
import type { RuleCheckout } from '../../io/git-rules.ts';
import { runRows } from '../../io/row-pipeline.ts';
import { RulePositions } from '../../io/rule-positions.ts';
import { loadRuleSet, RuleSetError } from '../../io/rules.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { UsageError } from '../errors.ts';
import { reportWidth, resolveAsOf, resolveLang, resolveRulesDir, useColor } from '../options.ts';
import { checkOutputFile, outputFile, writeOutputFile } from '../output.ts';
import { rowInput, rowOptions, streamRows } from '../row-stream.ts';
import { catchSignals } from '../signals.ts';

export type DiffFormat = 'text' | 'markdown' | 'json' | 'csv' | 'github' | 'html';

/** What `innoroute diff` takes, as commander parses it (main.ts declares the flags). */
export interface DiffOptions extends GlobalOptions {
  readonly rulesFrom?: string;
  readonly asOfFrom?: string;
  readonly format: DiffFormat;
  readonly out?: string;
  readonly delimiter?: string;
  readonly jobs?: string;
  readonly progress?: boolean;
}

const TEXTS = {
  nl: {
    nothing:
      'zeg waarmee vergeleken wordt: --rules-from <map> of git:<revisie>, en/of --as-of-from <datum>',
    badFromDate: (v: string) =>
      `--as-of-from verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2025-01-31); niet "${v}"`,
    git: (rev: string, why: string) => `--rules-from git:${rev}: ${why}`,
    fromRules: (shown: string) => `innoroute: dit zijn de regels van --rules-from ${shown}:`,
    refuseInput: (f: string) => `--out ${f} is de invoer zelf; kies een andere naam`,
  },
  en: {
    nothing:
      'say what to compare with: --rules-from <dir> or git:<rev>, and/or --as-of-from <date>',
    badFromDate: (v: string) =>
      `--as-of-from takes a date as YYYY-MM-DD (for example 2025-01-31); got "${v}"`,
    git: (rev: string, why: string) => `--rules-from git:${rev}: ${why}`,
    fromRules: (shown: string) => `innoroute: these are the rules of --rules-from ${shown}:`,
    refuseInput: (f: string) => `--out ${f} is the input itself; choose another name`,
  },
} as const;

function shownDir(ctx: CliContext, abs: string): string {
  const rel = relative(ctx.cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

interface Sides {
  readonly before: { readonly rules: RuleSet; readonly asOf: string };
  readonly after: { readonly rules: RuleSet; readonly asOf: string };
}

export async function run(file: string, opts: DiffOptions, ctx: CliContext): Promise<number> {
  const lang = resolveLang(ctx, opts.lang);
  const t = TEXTS[lang];
  if (opts.rulesFrom === undefined && opts.asOfFrom === undefined) throw new UsageError(t.nothing);
  const asOf = resolveAsOf(opts.asOf, lang);
  let asOfFrom = asOf;
  if (opts.asOfFrom !== undefined) {
    try {
      asOfFrom = resolveAsOf(opts.asOfFrom, lang);
    } catch {
      throw new UsageError(t.badFromDate(opts.asOfFrom));
    }
  }
  // test cases keep their own date (as `innoroute test` does), unless the dates are compared
  const datesCompared = opts.asOfFrom !== undefined;
  const { delimiter, jobs } = rowOptions(opts, lang);
  const rulesDir = resolveRulesDir(ctx, opts.rules, lang);
  const gitRev = opts.rulesFrom?.startsWith('git:') ? opts.rulesFrom.slice(4) : undefined;
  const fromDir =
    opts.rulesFrom !== undefined && gitRev === undefined
      ? resolveRulesDir(ctx, opts.rulesFrom, lang)
      : undefined;
  const answers = file !== '-' && isAnswersInput(resolve(ctx.cwd, file));
  const from = answers ? undefined : rowInput(ctx, file, lang);
  const inputPath = answers ? resolve(ctx.cwd, file) : from!.path;
  const out =
    opts.out !== undefined
      ? outputFile(ctx, opts.out, lang, {
          inputs: [inputPath],
          rulesDir,
          dirs: [fromDir, ...(answers ? [inputPath] : [])],
          isInput: t.refuseInput,
        })
      : undefined;
  if (out) checkOutputFile(out);

  // the rules of git:<rev> live in a temporary directory until the end, whatever ends the run
  const scope = catchSignals();
  let checkout: RuleCheckout | undefined;
  try {
    if (gitRev !== undefined) {
      try {
        checkout = await checkoutRules(rulesDir, gitRev);
      } catch (e) {
        if (e instanceof GitRulesError) throw new UsageError(t.git(gitRev, e.message));
        throw e;
      }
      scope.throwIfSignalled();
    }
    const beforeDir = checkout?.dir ?? fromDir ?? rulesDir;
    const afterShown = shownDir(ctx, rulesDir);
    const beforeShown = checkout ? `${afterShown}` : shownDir(ctx, beforeDir);
    let before: RuleSet;
    try {
      before = await loadRuleSet(beforeDir, { env: ctx.env });
    } catch (e) {
      if (e instanceof RuleSetError && opts.rulesFrom !== undefined) {
        ctx.stderr.write(`${t.fromRules(opts.rulesFrom)}\n`);
      }
      throw e;
    }
    const after = await loadRuleSet(rulesDir, { env: ctx.env });
    const sides: Sides = {
      before: { rules: before, asOf: asOfFrom },
      after: { rules: after, asOf },
    };
    const positions = {
      before: new RulePositions(beforeDir, beforeShown),
      after: new RulePositions(rulesDir, afterShown),
    };
    const locate = (c: Cause) => positions[c.side].locate(c.origin);
    const tally = new DiffTally();
    const info = (s: Sides['before'], shown: string): DiffSideInfo => ({
      rules: shown,
      version: s.rules.version,
      hash: s.rules.hash,
      asOf: s.asOf,
    });
    const report = (): DiffReport =>
      tally.report(
        info(sides.before, opts.rulesFrom ?? afterShown),
        info(sides.after, afterShown),
        locate,
      );
    const streamed = opts.format === 'csv' || opts.format === 'json';
    const writer: DiffWriter =
      opts.format === 'csv'
        ? csvWriter(locate)
        : opts.format === 'json'
          ? jsonWriter(locate, report)
          : NO_WRITER;

    if (answers) {
      const text = diffAnswers(file, inputPath!, sides, datesCompared, lang, tally, writer);
      const body = streamed ? text : await render(report(), opts, ctx, lang, out !== undefined);
      if (out) writeOutputFile(out, body);
      else ctx.stdout.write(body);
    } else {
      await streamRows(ctx, lang, from!, streamed ? out : undefined, opts.progress !== false, (s) =>
        runRows(
          {
            ...s,
            lang,
            ...(delimiter ? { delimiter } : {}),
            jobs,
            autoJobs: opts.jobs === undefined,
            ...(from!.bytes !== undefined ? { inputBytes: from!.bytes } : {}),
          },
          (shape) => new DiffJob(sides, lang, shape, writer, tally, s.onWarning),
        ),
      );
      if (!streamed) {
        const body = await render(report(), opts, ctx, lang, out !== undefined);
        if (out) writeOutputFile(out, body);
        else ctx.stdout.write(body);
      }
    }
    const { summaryLine } = await import('../../report/diff-strings.ts');
    const done = report();
    if (out || opts.format !== 'text') ctx.stderr.write(`innoroute: ${summaryLine(done, lang)}\n`);
    return done.changed > 0 ? 1 : 0;
  } finally {
    checkout?.remove();
    scope.close();
  }
}

/** Answers files and test cases: each assessed on both sides here, the changes written. */
function diffAnswers(
  file: string,
  path: string,
  sides: Sides,
  datesCompared: boolean,
  lang: Lang,
  tally: DiffTally,
  writer: DiffWriter,
): string {
  let inputs;
  try {
    inputs = readAnswersInputs(path, file, lang);
  } catch (e) {
    if (e instanceof DiffInputError) throw new UsageError(e.problems.join('\n'));
    throw e;
  }
  const rules = new RuleChanges(sides.before.rules, sides.after.rules);
  const pa = programOf(sides.before.rules);
  const pb = programOf(sides.after.rules);
  const parts = [writer.head({ delimiter: ',', bom: false, crlf: false })];
  for (const input of inputs) {
    // a test case's own date, unless the diff is about dates
    const own = !datesCompared && input.asOf !== undefined ? input.asOf : undefined;
    const a: DiffSide = { program: pa, asOf: own ?? sides.before.asOf };
    const b: DiffSide = { program: pb, asOf: own ?? sides.after.asOf };
    const ja = judgeAnswers(a, input.raw, lang);
    const jb = judgeAnswers(b, input.raw, lang);
    tally.inputs++;
    if ('error' in ja.outcome && 'error' in jb.outcome) tally.notAssessed++;
    const change: InputChange | undefined = diffJudged(input.id, undefined, a, ja, b, jb, rules);
    if (!change) continue;
    tally.add(change);
    parts.push(writer.rows([change]));
  }
  parts.push(writer.end());
  return parts.join('');
}

async function render(
  report: DiffReport,
  opts: DiffOptions,
  ctx: CliContext,
  lang: Lang,
  toFile: boolean,
): Promise<string> {
  switch (opts.format) {
    case 'markdown':
      return (await import('../../report/diff-markdown.ts')).renderDiffMarkdown(report, lang);
    case 'html':
      return (await import('../../report/html/diff-page.tsx')).renderDiffHtml(report, lang);
    case 'github':
      return (await import('../../report/diff-github.ts')).renderDiffGithub(report, lang);
    default: {
      return (await import('../../report/diff-text.ts')).renderDiffText(report, lang, {
        plain: toFile || !useColor(ctx, 'stdout', opts),
        width: reportWidth(ctx, 'stdout', toFile),
      });
    }
  }
}
