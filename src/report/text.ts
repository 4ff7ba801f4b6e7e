// The advice for the terminal: the recommendation first, with its first step and whom to call,
// then the rest in the order an innovator needs it. Colour only through the chalk instance given
// (level 0 off a terminal), and tables without border colours off a terminal, so that the output
// of a pipe or a golden file is plain and stable.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Advice, AdvisedRoute, Answers, Lang } from '../core/advice.ts';
import type { Explanation } from '../core/explain.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { Fit } from '../core/schema.ts';
import { contactText, partyToCall, stakeholdersByPhase, verifyNotes } from './checklists.ts';
import { familyLabel, formatEuro, partyLabel, phaseLabel, questionText } from './labels.ts';
import { changesText } from './advice-changes.ts';
import { indexSources } from './sources.ts';
import type { Summary } from './summary.ts';
import { summarize } from './summary.ts';
import { summaryLines } from './summary-text.ts';
import { ui } from './ui-strings.ts';
import { wrap } from './wrap.ts';

export { visibleLength, wrap } from './wrap.ts';

export interface TextReportOptions {
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly chalk: ChalkInstance;
  /** Columns to wrap to (the terminal's width, or 100 off a terminal). */
  readonly width?: number;
  /** Colours in table heads and borders; without, the tables carry no escape codes. */
  readonly color?: boolean;
  /** The answers, for the innovation's name in the title (and the changes, said against them). */
  readonly answers?: Answers;
  /** The summary, if already made (else it is made from the advice). */
  readonly summary?: Summary;
  /** explain's result for these answers: the section "What would change the advice". */
  readonly explanation?: Explanation;
}

const BAR_CELLS = 10;

export function fitBar(score: number, fit: Fit, lang: Lang, chalk: ChalkInstance): string {
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round(score / 10)));
  const paint = fitColour(fit, chalk);
  return (
    paint('█'.repeat(filled)) +
    chalk.gray('░'.repeat(BAR_CELLS - filled)) +
    ` ${String(score).padStart(3)} ${paint(ui(lang).fit[fit])}`
  );
}

function fitColour(fit: Fit, chalk: ChalkInstance): (s: string) => string {
  return fit === 'strong' ? chalk.green : fit === 'possible' ? chalk.yellow : chalk.gray;
}

/** The whole advice: the summary first ("In het kort"), then the details. */
export function renderText(advice: Advice, opts: TextReportOptions): string {
  return renderSummaryText(advice, opts) + renderDetailsText(advice, opts);
}

/** The summary alone (`advise --summary`; the wizard shows it first): one screen at most. */
export function renderSummaryText(advice: Advice, opts: TextReportOptions): string {
  const summary = opts.summary ?? summarize(advice, opts.rules, opts.lang);
  return `${summaryLines(advice, summary, opts).join('\n')}\n`;
}

/** What follows the summary: the recommendation in full, the other routes, and the rest. */
export function renderDetailsText(advice: Advice, opts: TextReportOptions): string {
  const { rules, lang, chalk } = opts;
  const width = Math.max(40, opts.width ?? 100);
  const s = ui(lang);
  const src = indexSources(advice, rules);
  const out: string[] = [];
  const heading = (title: string) => {
    out.push('', chalk.bold.underline(title));
  };
  const para = (text: string, first = '', rest = first) => out.push(wrap(text, width, first, rest));
  const cite = (sources: readonly string[] | undefined) => {
    const r = src.refs(sources);
    return r ? ` ${r}` : '';
  };
  const tableStyle = {
    style: opts.color ? { compact: true } : { head: [], border: [], compact: true },
  };

  // the recommendation
  const [top, ...others] = advice.routes;
  heading(s.recommendation);
  if (!top) {
    para(s.noRoute);
  } else {
    routeBlock(top, true);
  }

  function routeBlock(r: AdvisedRoute, recommended: boolean) {
    out.push(
      wrap(
        `${chalk.bold(r.title)} ${chalk.gray(`· ${familyLabel(r.family, lang)} · ${r.id}`)}`,
        width,
        '  ',
        '    ',
      ),
    );
    out.push(`  ${fitBar(r.score, r.fit, lang, chalk)}`);
    if (r.summary) para(r.summary, '  ', '  ');
    if (r.reasons.length > 0) {
      out.push(`  ${chalk.bold(s.why)}:`);
      for (const reason of r.reasons) para(reason.text + cite(reason.sources), '   • ', '     ');
    }
    if (!recommended) return;
    const [step] = r.steps;
    if (step) para(`${chalk.bold(s.firstStep)}: ${step}`, '  ', '    ');
    const call = partyToCall(advice, rules, r, lang);
    if (call) {
      const reach = call.contact ? ` ${contactText(call.contact, lang)}` : '';
      para(`${chalk.bold(s.callFirst)}: ${call.name} — ${call.why}${reach}`, '  ', '    ');
    }
    if (r.whoDecides) para(`${chalk.bold(s.whoDecides)}: ${r.whoDecides}`, '  ', '    ');
    if (r.steps.length > 1) {
      out.push(`  ${chalk.bold(s.nextSteps)}:`);
      r.steps.forEach((x, i) => para(x, `   ${i + 1}. `, '      '));
    }
    if (r.pitfalls && r.pitfalls.length > 0) {
      out.push(`  ${chalk.bold(s.pitfalls)}:`);
      for (const p of r.pitfalls) para(p, '   • ', '     ');
    }
    if (r.sources && r.sources.length > 0)
      para(`${s.sources}: ${src.refs(r.sources)}`, '  ', '    ');
  }

  if (others.length > 0) {
    heading(s.alternatives);
    others.forEach((r, i) => {
      if (i > 0) out.push('');
      routeBlock(r, false);
      const [step] = r.steps;
      if (step) para(`${chalk.bold(s.firstStep)}: ${step}`, '  ', '    ');
    });
  }

  if (advice.excluded.length > 0) {
    heading(s.excluded);
    for (const x of advice.excluded) {
      const title = x.title ?? x.id;
      para(
        `${chalk.red('✗')} ${chalk.bold(title)} ${chalk.gray(`(${x.id})`)}: ${x.why}${cite(x.sources)}`,
        '  ',
        '    ',
      );
    }
  }

  const groups = stakeholdersByPhase(advice);
  if (groups.length > 0) {
    heading(s.stakeholders);
    para(chalk.gray(s.stakeholdersIntro));
    for (const g of groups) {
      out.push('', `  ${chalk.bold(phaseLabel(rules, g.phase, lang))}`);
      for (const x of g.items) {
        const when = x.when
          ? ` (${x.when === 'now' ? chalk.cyan(s.when[x.when]) : s.when[x.when]})`
          : '';
        para(`[ ] ${chalk.bold(x.name)}${when}: ${x.why}${cite(x.sources)}`, '   ', '       ');
        if (x.bring && x.bring.length > 0)
          para(`${s.bring}: ${x.bring.join('; ')}`, '       ', '       ');
        if (x.contact) para(contactText(x.contact, lang), '       ', '       ');
      }
    }
  }

  const withEvidence = advice.routes.filter((r) => r.fit !== 'unlikely' || r === top);
  if (withEvidence.length > 0) {
    heading(s.evidence);
    withEvidence.forEach((r, i) => {
      if (i > 0) out.push('');
      out.push(`  ${chalk.bold(r.title)}`);
      if (r.evidence.length === 0) para(chalk.gray(s.evidenceNone), '   ', '   ');
      for (const e of r.evidence) para(e, '   • ', '     ');
    });
  }

  if (advice.bridgeFunding.length > 0) {
    heading(s.bridge);
    para(chalk.gray(s.bridgeIntro));
    for (const b of advice.bridgeFunding) {
      const leads =
        b.leadsTo && b.leadsTo.length > 0
          ? ` (${s.leadsTo} ${b.leadsTo.map((f) => familyLabel(f, lang)).join(', ')})`
          : '';
      para(`${chalk.bold(b.title)}${leads}: ${b.why}${cite(b.sources)}`, '  • ', '    ');
    }
  }

  if (advice.warnings.length > 0) {
    heading(s.warnings);
    for (const w of advice.warnings)
      para(`${chalk.yellow('!')} ${w.text}${cite(w.sources)}`, '  ', '    ');
  }

  const cb = advice.costBenefit;
  if (cb) {
    heading(`${s.costBenefit} (${s.costBenefitUnit})`);
    const table = new Table({
      head: [s.party, s.cost, s.benefit, s.net],
      colAligns: ['left', 'right', 'right', 'right'],
      ...tableStyle,
    });
    for (const p of cb.parties) {
      const net = formatEuro(p.net, lang, true);
      table.push([
        partyLabel(rules, p.party, lang),
        formatEuro(p.cost, lang),
        formatEuro(p.benefit, lang),
        p.net < 0 ? chalk.red(net) : p.net > 0 ? chalk.green(net) : net,
      ]);
    }
    const totalCost = cb.parties.reduce((a, p) => a + p.cost, 0);
    const totalBenefit = cb.parties.reduce((a, p) => a + p.benefit, 0);
    table.push([
      chalk.bold(s.total),
      formatEuro(totalCost, lang),
      formatEuro(totalBenefit, lang),
      chalk.bold(formatEuro(cb.total, lang, true)),
    ]);
    out.push(indent(table.toString(), '  '));

    out.push('', `  ${chalk.bold(s.netPerParty)}`);
    out.push(...netChart(cb.parties, rules, lang, chalk, width));
    out.push('');
    para(cb.wrongPocket ? chalk.yellow(s.wrongPocket) : s.noWrongPocket, '  ', '  ');
    if (cb.transfers.length > 0) {
      out.push(`  ${chalk.bold(s.transfers)}:`);
      for (const t of cb.transfers) {
        para(
          s.transfer(
            partyLabel(rules, t.from, lang),
            partyLabel(rules, t.to, lang),
            formatEuro(t.amount, lang),
          ),
          '   • ',
          '     ',
        );
      }
    }
    if (cb.arrangements.length > 0) {
      out.push(`  ${chalk.bold(s.arrangementsHeading)}:`);
      for (const a of cb.arrangements) para(s.arrangement[a] ?? a, '   • ', '     ');
    }
  }

  if (advice.openQuestions.length > 0) {
    heading(s.openQuestions);
    para(s.openQuestionsIntro);
    for (const id of advice.openQuestions) {
      para(`${questionText(rules, id, lang)} ${chalk.gray(`(${id})`)}`, '  ? ', '    ');
    }
  }

  if (opts.explanation)
    out.push(...changesText(opts.explanation, { ...opts, answers: opts.answers ?? {}, width }));

  if (src.list.length > 0) {
    heading(s.sources);
    for (const x of src.list) {
      const meta = [x.publisher, x.year].filter((v) => v !== undefined).join(', ');
      const label = `[${x.n}]`.padEnd(5);
      para(
        `${x.title}${meta ? ` (${meta})` : ''}${x.url ? ` ${chalk.gray(x.url)}` : ''}`,
        `  ${label}`,
        '       ',
      );
    }
    para(chalk.gray(s.sourcesNote), '  ', '  ');
  }

  const notes = verifyNotes(advice, rules, lang);
  if (notes.length > 0) {
    heading(s.verify);
    para(s.verifyIntro);
    for (const n of notes) para(`${chalk.bold(n.subject)}: ${n.note}`, '  • ', '    ');
  }

  return out.join('\n') + '\n';
}

function indent(block: string, prefix: string): string {
  return block
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

/** A horizontal bar per party: losses to the left of the axis, gains to the right. */
export function netChart(
  parties: readonly { party: string; net: number }[],
  rules: RuleSet,
  lang: Lang,
  chalk: ChalkInstance,
  width: number,
): string[] {
  if (parties.length === 0) return [];
  const labels = parties.map((p) => partyLabel(rules, p.party, lang));
  const amounts = parties.map((p) => formatEuro(p.net, lang, true));
  const labelW = Math.max(...labels.map((l) => l.length));
  const amountW = Math.max(...amounts.map((a) => a.length));
  const max = Math.max(...parties.map((p) => Math.abs(p.net)));
  const hasNeg = parties.some((p) => p.net < 0);
  const hasPos = parties.some((p) => p.net > 0);
  const room = Math.max(10, width - 2 - labelW - 1 - amountW - 3);
  const side = hasNeg && hasPos ? Math.floor(room / 2) : Math.min(room, 40);
  const leftW = hasNeg ? Math.min(side, 30) : 0;
  const rightW = hasPos ? Math.min(side, 30) : 0;
  return parties.map((p, i) => {
    const cells =
      max === 0
        ? 0
        : Math.max(
            p.net === 0 ? 0 : 1,
            Math.round((Math.abs(p.net) / max) * Math.max(leftW, rightW)),
          );
    const left = p.net < 0 ? chalk.red('▓'.repeat(Math.min(cells, leftW))) : '';
    const right = p.net > 0 ? chalk.green('█'.repeat(Math.min(cells, rightW))) : '';
    const leftPad = ' '.repeat(leftW - (p.net < 0 ? Math.min(cells, leftW) : 0));
    const axis = '│';
    return `  ${labels[i]!.padEnd(labelW)} ${amounts[i]!.padStart(amountW)} ${leftPad}${left}${axis}${right}`.trimEnd();
  });
}
