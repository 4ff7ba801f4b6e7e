// The advice as a Markdown document to share (with a funder, a board, a colleague): the same
// content as the terminal report, as headings, tables and `- [ ]` checklists.
import type { Advice, AdvisedRoute, Answers, Lang } from '../core/advice.ts';
import type { Explanation } from '../core/explain.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { partyToCall, stakeholdersByPhase, verifyNotes } from './checklists.ts';
import {
  familyLabel,
  formatEuro,
  innovationName,
  partyLabel,
  phaseLabel,
  questionText,
} from './labels.ts';
import { changesMarkdown } from './advice-changes.ts';
import { indexSources } from './sources.ts';
import type { Summary } from './summary.ts';
import { summarize, summaryItems } from './summary.ts';
import { summaryStrings } from './summary-strings.ts';
import { ui } from './ui-strings.ts';

export interface MarkdownReportOptions {
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly answers?: Answers;
  /** The summary, if already made (else it is made from the advice). */
  readonly summary?: Summary;
  /** explain's result for these answers: the section "What would change the advice". */
  readonly explanation?: Explanation;
}

/** Text for a Markdown table cell: no pipes or line breaks that would break the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline text: characters that would start markup in running text are escaped. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** The title, the rule set and its disclaimer, and the summary ("In het kort"). */
function summaryPart(advice: Advice, opts: MarkdownReportOptions): string[] {
  const { rules, lang } = opts;
  const s = ui(lang);
  const summary = opts.summary ?? summarize(advice, rules, lang);
  const name = innovationName(opts.answers);
  const out = [`# ${inline(name ? s.adviceFor(name) : s.adviceUntitled)}`, ''];
  out.push(`*${s.rulesetLine(advice.ruleset.version, advice.ruleset.asOf)}*`, '');
  out.push(`> ${inline(rules.disclaimer[lang])}`);
  out.push('', `## ${summaryStrings(lang).heading}`, '');
  for (const it of summaryItems(summary, lang))
    out.push(`- **${inline(it.label)}:** ${inline(it.text)}`);
  return out;
}

/** The summary alone (`advise --summary --format markdown`). */
export function renderSummaryMarkdown(advice: Advice, opts: MarkdownReportOptions): string {
  return summaryPart(advice, opts).join('\n') + '\n';
}

/** The whole advice: the summary first, then the details. */
export function renderMarkdown(advice: Advice, opts: MarkdownReportOptions): string {
  const { rules, lang } = opts;
  const s = ui(lang);
  const src = indexSources(advice, rules);
  const out: string[] = summaryPart(advice, opts);
  const cite = (sources: readonly string[] | undefined) => {
    const r = src.refs(sources);
    // plain `[2, r. 1397]`: without a link definition Markdown shows it as it is
    return r ? ` ${r}` : '';
  };
  const section = (title: string) => out.push('', `## ${title}`, '');
  // the site as an autolink: it is a plain https address (the rule schema allows no other)
  const contactMarkdown = (c: { readonly ask: string; readonly site?: string }) =>
    inline(`${s.askFor}: ${c.ask}`) + (c.site ? ` · <${c.site}>` : '');

  const [top, ...others] = advice.routes;
  section(`${s.recommendation}${top ? `: ${inline(top.title)}` : ''}`);
  if (!top) out.push(s.noRoute);
  else routeSection(top);

  function routeSection(r: AdvisedRoute) {
    out.push(
      `**${s.fitHeading}: ${s.fit[r.fit]} (${r.score}/100)** · ${inline(familyLabel(r.family, lang))} · \`${r.id}\``,
    );
    if (r.summary) out.push('', inline(r.summary));
    const [step] = r.steps;
    if (step) out.push('', `**${s.firstStep}:** ${inline(step)}`);
    const call = partyToCall(advice, rules, r, lang);
    if (call) {
      const reach = call.contact ? ` ${contactMarkdown(call.contact)}` : '';
      out.push('', `**${s.callFirst}:** ${inline(call.name)} — ${inline(call.why)}${reach}`);
    }
    if (r.whoDecides) out.push('', `**${s.whoDecides}:** ${inline(r.whoDecides)}`);
    if (r.reasons.length > 0) {
      out.push('', `### ${s.why}`, '');
      for (const reason of r.reasons) out.push(`- ${inline(reason.text)}${cite(reason.sources)}`);
    }
    if (r.steps.length > 1) {
      out.push('', `### ${s.nextSteps}`, '');
      r.steps.forEach((x, i) => out.push(`${i + 1}. ${inline(x)}`));
    }
    if (r.pitfalls && r.pitfalls.length > 0) {
      out.push('', `### ${s.pitfalls}`, '');
      for (const p of r.pitfalls) out.push(`- ${inline(p)}`);
    }
    if (r.sources && r.sources.length > 0) out.push('', `${s.sources}:${cite(r.sources)}`);
  }

  if (others.length > 0) {
    section(s.alternatives);
    out.push(`| # | ${s.route} | ${s.fitHeading} | ${s.score} | ${s.why} | ${s.firstStep} |`);
    out.push('|---|---|---|---:|---|---|');
    others.forEach((r, i) => {
      const why = r.reasons.map((x) => x.text + cite(x.sources)).join(' ');
      out.push(
        `| ${i + 2} | ${cell(r.title)} (\`${r.id}\`) | ${s.fit[r.fit]} | ${r.score} | ${cell(why)} | ${cell(r.steps[0] ?? '')} |`,
      );
    });
  }

  if (advice.excluded.length > 0) {
    section(s.excluded);
    out.push(`| ${s.route} | ${s.whyNot} |`, '|---|---|');
    for (const x of advice.excluded) {
      out.push(`| ${cell(x.title ?? x.id)} (\`${x.id}\`) | ${cell(x.why + cite(x.sources))} |`);
    }
  }

  const groups = stakeholdersByPhase(advice);
  if (groups.length > 0) {
    section(s.stakeholders);
    out.push(s.stakeholdersIntro);
    for (const g of groups) {
      out.push('', `### ${phaseLabel(rules, g.phase, lang)}`, '');
      for (const x of g.items) {
        const when = x.when ? ` (${s.when[x.when]})` : '';
        out.push(`- [ ] **${inline(x.name)}**${when}: ${inline(x.why)}${cite(x.sources)}`);
        if (x.bring && x.bring.length > 0) out.push(`  ${s.bring}: ${inline(x.bring.join('; '))}`);
        if (x.contact) out.push(`  ${contactMarkdown(x.contact)}`);
      }
    }
  }

  const withEvidence = advice.routes.filter((r) => r.fit !== 'unlikely' || r === top);
  if (withEvidence.length > 0) {
    section(s.evidence);
    withEvidence.forEach((r, i) => {
      if (i > 0) out.push('');
      out.push(`### ${inline(r.title)}`, '');
      if (r.evidence.length === 0) out.push(`*${s.evidenceNone}*`);
      for (const e of r.evidence) out.push(`- ${inline(e)}`);
    });
  }

  if (advice.bridgeFunding.length > 0) {
    section(s.bridge);
    out.push(s.bridgeIntro, '');
    for (const b of advice.bridgeFunding) {
      const leads =
        b.leadsTo && b.leadsTo.length > 0
          ? ` (${s.leadsTo} ${b.leadsTo.map((f) => familyLabel(f, lang)).join(', ')})`
          : '';
      out.push(`- **${inline(b.title)}**${inline(leads)}: ${inline(b.why)}${cite(b.sources)}`);
    }
  }

  if (advice.warnings.length > 0) {
    section(s.warnings);
    for (const w of advice.warnings) out.push(`- ⚠ ${inline(w.text)}${cite(w.sources)}`);
  }

  const cb = advice.costBenefit;
  if (cb) {
    section(`${s.costBenefit} (${s.costBenefitUnit})`);
    out.push(`| ${s.party} | ${s.cost} | ${s.benefit} | ${s.net} |`, '|---|---:|---:|---:|');
    for (const p of cb.parties) {
      out.push(
        `| ${cell(partyLabel(rules, p.party, lang))} | ${formatEuro(p.cost, lang)} | ${formatEuro(p.benefit, lang)} | ${formatEuro(p.net, lang, true)} |`,
      );
    }
    const totalCost = cb.parties.reduce((a, p) => a + p.cost, 0);
    const totalBenefit = cb.parties.reduce((a, p) => a + p.benefit, 0);
    out.push(
      `| **${s.total}** | ${formatEuro(totalCost, lang)} | ${formatEuro(totalBenefit, lang)} | **${formatEuro(cb.total, lang, true)}** |`,
    );
    out.push('', cb.wrongPocket ? `**${s.wrongPocket}**` : s.noWrongPocket);
    if (cb.transfers.length > 0) {
      out.push('', `${s.transfers}:`, '');
      for (const t of cb.transfers) {
        out.push(
          `- ${inline(s.transfer(partyLabel(rules, t.from, lang), partyLabel(rules, t.to, lang), formatEuro(t.amount, lang)))}`,
        );
      }
    }
    if (cb.arrangements.length > 0) {
      out.push('', `${s.arrangementsHeading}:`, '');
      for (const a of cb.arrangements) out.push(`- ${inline(s.arrangement[a] ?? a)}`);
    }
  }

  if (advice.openQuestions.length > 0) {
    section(s.openQuestions);
    out.push(s.openQuestionsIntro, '');
    for (const id of advice.openQuestions)
      out.push(`- ${inline(questionText(rules, id, lang))} (\`${id}\`)`);
  }

  if (opts.explanation) {
    out.push(...changesMarkdown(opts.explanation, { rules, lang, answers: opts.answers ?? {} }));
  }

  if (src.list.length > 0) {
    section(s.sources);
    for (const x of src.list) {
      const meta = [x.publisher, x.year].filter((v) => v !== undefined).join(', ');
      const url = x.url ? ` <${x.url}>` : '';
      out.push(`${x.n}. ${inline(x.title)}${meta ? ` (${inline(meta)})` : ''}${url}`);
    }
    out.push('', `_${inline(s.sourcesNote)}_`);
  }

  const notes = verifyNotes(advice, rules, lang);
  if (notes.length > 0) {
    section(s.verify);
    out.push(s.verifyIntro, '');
    for (const n of notes) out.push(`- [ ] **${inline(n.subject)}**: ${inline(n.note)}`);
  }

  return out.join('\n') + '\n';
}
