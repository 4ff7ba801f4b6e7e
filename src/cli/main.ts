// The commander program. Each command lives in its own module, loaded only when it runs, so that
// `--help`, `--version` and `advise` do not pay for the prompt library or the CSV streams.
// This is the only place that turns errors into exit codes. It also watches stdout for the whole
// run: a reader that has gone (`| head`) ends the run quietly with 141 (128 + SIGPIPE), a stdout
// that cannot be written (a full disk) with exit 2 and the reason; never a stack trace.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdviseOptions } from './commands/advise.ts';
import type { BatchOptions } from './commands/batch.ts';
import type { DiffOptions } from './commands/diff.ts';
import type { ExplainCommandOptions } from './commands/explain.ts';
import type { SiteOptions } from './commands/site.ts';
import type { TestOptions } from './commands/test.ts';
import type { ValidateOptions } from './commands/validate.ts';
import type { WizardOptions } from './commands/wizard.ts';
import type { CliContext } from './context.ts';
import { defaultContext } from './context.ts';
import type { Lang } from '../core/advice.ts';
import { OutputRefusedError, WriteError } from '../io/atomic.ts';
import { RuleSetError } from '../io/errors.ts';
import { ExitError } from './errors.ts';
import { StdoutError, watchStdout } from './output.ts';

function packageVersion(): string {
  const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

function globalOptions(cmd: Command): Command {
  return cmd
    .option('--rules <dir>', 'rule directory (default: the rules shipped with innoroute)')
    .addOption(new Option('--lang <lang>', 'language of the output: nl or en (or INNOROUTE_LANG)'))
    .option('--as-of <date>', 'evaluate at this date, YYYY-MM-DD (default: today)')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)');
}

export function buildProgram(ctx: CliContext, setCode: (code: number) => void): Command {
  const program = new Command('innoroute')
    .description(
      'Finds the structural financing route for a Dutch care or social-domain innovation, and whom to involve.\n' +
        'Vindt de structurele financieringsroute voor een zorginnovatie, en wie je erbij betrekt.',
    )
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });

  globalOptions(
    program
      .command('wizard')
      .description('answer questions in the terminal, then get the advice')
      .option('--answers <file>', 'pre-fill answers from a YAML or JSON answers file')
      .option('--resume', 'continue the saved session without asking')
      .option(
        '--new',
        'start over without asking; a saved session is kept as a dated backup beside it',
      )
      .option(
        '--session <file>',
        'where the session is saved after every answer (default: $XDG_STATE_HOME/innoroute/session.yaml, else ~/.local/state/innoroute/session.yaml)',
      ),
  ).action(async (opts: WizardOptions) => {
    const { run } = await import('./commands/wizard.ts');
    setCode(await run(opts, ctx));
  });

  globalOptions(
    program
      .command('advise')
      .description('the advice for an answers file (YAML or JSON), without questions')
      .argument('<answers-file>', 'answers file (YAML or JSON); "-" reads stdin')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['text', 'markdown', 'json', 'html'])
          .default('text'),
      )
      .option(
        '--summary',
        'only the summary that opens the advice (json: schemaVersion, ruleset, input and summary)',
      )
      .option('--out <file>', 'write to a file (atomically) instead of stdout'),
  ).action(async (file: string, opts: AdviseOptions) => {
    const { run } = await import('./commands/advise.ts');
    setCode(await run(file, opts, ctx));
  });

  globalOptions(
    program
      .command('explain')
      .description('why each route is in or out, and what would change the advice')
      .argument('<answers-file>', 'answers file (YAML or JSON)')
      .option('--route <id>', 'explain one route: why it is where it is, what would make it first')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['text', 'markdown', 'json'])
          .default('text'),
      )
      .option('--out <file>', 'write to a file (atomically) instead of stdout'),
  ).action(async (file: string, opts: ExplainCommandOptions) => {
    const { run } = await import('./commands/explain.ts');
    setCode(await run(file, opts, ctx));
  });

  globalOptions(
    program
      .command('batch')
      .description('one advice per row of a CSV file')
      .argument('<file.csv>', 'CSV file, one innovation per row; "-" reads stdin')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['csv', 'ndjson', 'json', 'html'])
          .default('csv'),
      )
      .option('--out <file>', 'write to a file (atomically) instead of stdout')
      .option('--delimiter <char>', 'field delimiter (default: detected from , ; or tab)')
      .option('--summary', 'print a summary table to stderr')
      .option('--no-progress', 'no progress line on stderr')
      .option(
        '--jobs <n>',
        'threads that assess rows (default: one per CPU, at most 4, for a file of 1 MiB or more)',
      ),
  ).action(async (file: string, opts: BatchOptions) => {
    const { run } = await import('./commands/batch.ts');
    setCode(await run(file, opts, ctx));
  });

  globalOptions(
    program
      .command('diff')
      .description(
        'what changes in the advice between two rule sets or two dates (exit 1 when anything does)',
      )
      .argument(
        '<input>',
        'answers file (YAML or JSON), CSV file ("-": stdin), or rule test cases (a test file or directory such as rules/tests)',
      )
      .option(
        '--rules-from <dir>',
        'the rules to compare with: a directory, or git:<rev> (the --rules directory at that git revision)',
      )
      .option('--as-of-from <date>', 'the date to compare with, YYYY-MM-DD (default: --as-of)')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['text', 'markdown', 'json', 'csv', 'github', 'html'])
          .default('text'),
      )
      .option('--out <file>', 'write to a file (atomically) instead of stdout')
      .option(
        '--delimiter <char>',
        'CSV input: field delimiter (default: detected from , ; or tab)',
      )
      .option('--no-progress', 'no progress line on stderr')
      .option(
        '--jobs <n>',
        'CSV input: threads (default: one per CPU, at most 4, for a file of 1 MiB or more)',
      ),
  ).action(async (file: string, opts: DiffOptions) => {
    const { run } = await import('./commands/diff.ts');
    setCode(await run(file, opts, ctx));
  });

  globalOptions(
    program
      .command('validate')
      .description('check rule files, the way a linter checks code')
      .argument('[dir]', 'rule directory (default: the shipped rules)')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['text', 'json', 'sarif', 'github'])
          .default('text'),
      )
      .addOption(
        new Option('--fail-on <level>', 'exit 1 on errors only, or on warnings too')
          .choices(['error', 'warning'])
          .default('error'),
      )
      .option(
        '--seeds <dir>',
        'check cited line numbers against the seed documents in this directory',
      )
      .option('--out <file>', 'write the report to a file instead of stdout'),
  ).action(async (dir: string | undefined, opts: ValidateOptions) => {
    const { run } = await import('./commands/validate.ts');
    setCode(await run(dir, opts, ctx));
  });

  globalOptions(
    program
      .command('test')
      .description('run the rule test cases (rules/tests)')
      .argument('[dir]', 'rule directory (default: the shipped rules)')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['text', 'json', 'junit'])
          .default('text'),
      )
      .option('--coverage', 'report which nodes, branches and routes the cases reach')
      .option('--min-coverage <pct>', 'fail when branch coverage is below this percentage')
      .option('--all-routes', 'fail when a route that a tree can award is reached by no case')
      .option('--filter <text>', 'run only the cases whose name contains this text')
      .option('--out <file>', 'write the report to a file instead of stdout'),
  ).action(async (dir: string | undefined, opts: TestOptions) => {
    const { run } = await import('./commands/test.ts');
    setCode(await run(dir, opts, ctx));
  });

  globalOptions(
    program
      .command('site')
      .description(
        'publish the rules as a static website: every route, party, border and example, no server needed',
      )
      .argument('<out-dir>', 'directory to write the site into (new, empty, or an earlier site)')
      .option(
        '--cases <dir>',
        'answers files shown as worked cases (default: the data/ directory shipped with innoroute)',
      ),
  ).action(async (dir: string, opts: SiteOptions) => {
    const { run } = await import('./commands/site.ts');
    setCode(await run(dir, opts, ctx));
  });

  return program;
}

export async function main(
  argv: readonly string[],
  ctx: CliContext = defaultContext(),
): Promise<number> {
  const stdout = watchStdout(ctx.stdout);
  // a stderr that cannot be written (a closed terminal) leaves nowhere to say anything
  if (typeof ctx.stderr.on === 'function') ctx.stderr.on('error', () => {});
  let code: number;
  try {
    code = await runProgram(argv, ctx);
  } catch (e) {
    code = await report(e, ctx, langHint(argv, ctx));
    // a stdout failure is said once; a signal ends the run without waiting for stdout
    if (e instanceof StdoutError || code > 128) return code;
  }
  const failure = await stdout.settle();
  if (failure !== undefined)
    return await report(new StdoutError(failure, langHint(argv, ctx)), ctx, langHint(argv, ctx));
  return code;
}

async function runProgram(argv: readonly string[], ctx: CliContext): Promise<number> {
  let code = 0;
  const program = buildProgram(ctx, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    // help and version end in code 0; parse errors were already printed
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  return code;
}

/** Says what went wrong (never with a stack trace unless INNOROUTE_DEBUG) and gives the code. */
async function report(e: unknown, ctx: CliContext, lang: Lang): Promise<number> {
  if (e instanceof ExitError) {
    if (e.message) ctx.stderr.write(`innoroute: ${e.message}\n`);
    return e.code;
  }
  // rules with errors: validate's report, line for line
  if (e instanceof RuleSetError && e.problems) {
    ctx.stderr.write((await import('./rule-report.ts')).refusalText(e.problems, ctx, lang));
    return 2;
  }
  // known user errors: a rule set that cannot be used, an output that is refused or cannot be
  // written (each command says these in its own words; this is the net under them)
  if (e instanceof RuleSetError || e instanceof OutputRefusedError || e instanceof WriteError) {
    ctx.stderr.write(`innoroute: ${e.message}\n`);
    return 2;
  }
  const err = e as Error;
  ctx.stderr.write(
    (lang === 'nl'
      ? `innoroute: onverwachte fout: ${err?.message ?? String(e)}\n` +
        'Dit is een fout in innoroute; meld het alsjeblieft, met het commando dat je gaf.\n'
      : `innoroute: unexpected error: ${err?.message ?? String(e)}\n` +
        'This is a bug in innoroute; please report it with the command you ran.\n') +
      (ctx.env.INNOROUTE_DEBUG ? `${err?.stack ?? ''}\n` : ''),
  );
  return 2;
}

/**
 * The language of a message main.ts says itself: --lang, else INNOROUTE_LANG, else Dutch; always
 * English for validate, whose reports are in English.
 */
function langHint(argv: readonly string[], ctx: CliContext): Lang {
  if (argv[0] === 'validate') return 'en';
  const i = argv.indexOf('--lang');
  const given =
    i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return (given ?? ctx.env.INNOROUTE_LANG ?? 'nl').toLowerCase() === 'en' ? 'en' : 'nl';
}
