// The section "Kosten en baten": with figures, the picture of who pays and who gains, the table
// per party (its text equivalent), whether a pocket is wrong, the transfers that fix it and the
// arrangements that fit; without figures, that none were given, who pays and who benefits by the
// answers (a picture and a list), and the arrangements.
import type { VNode } from 'preact';
import type { Advice, Answers, CostBenefit, Lang } from '../../core/advice.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { formatEuro, partyLabel } from '../labels.ts';
import { ui } from '../ui-strings.ts';
import { Section } from './blocks.tsx';
import { htmlStrings } from './html-strings.ts';
import type { PartyRef } from './svg-cost-benefit.tsx';
import { CostBenefitChart, WhoPaysChart } from './svg-cost-benefit.tsx';
import { DataTable } from './table.tsx';

interface Props {
  readonly advice: Advice;
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly answers?: Answers;
}

function partiesAnswered(p: Props, question: string): PartyRef[] {
  const v = p.answers?.[question];
  const ids = Array.isArray(v) ? (v as readonly string[]) : [];
  return ids.map((id) => ({ id, label: partyLabel(p.rules, id, p.lang) }));
}

function Arrangements(p: { readonly ids: readonly string[]; readonly lang: Lang }): VNode | null {
  const s = ui(p.lang);
  if (p.ids.length === 0) return null;
  return (
    <>
      <h3>{s.arrangementsHeading}</h3>
      <ul>
        {p.ids.map((a) => (
          <li key={a}>{s.arrangement[a] ?? a}</li>
        ))}
      </ul>
    </>
  );
}

function WithFigures(p: Props & { readonly cb: CostBenefit }): VNode {
  const s = ui(p.lang);
  const h = htmlStrings(p.lang);
  const { cb, rules, lang } = p;
  const totalCost = cb.parties.reduce((a, x) => a + x.cost, 0);
  const totalBenefit = cb.parties.reduce((a, x) => a + x.benefit, 0);
  return (
    <>
      <figure>
        <CostBenefitChart cb={cb} rules={rules} lang={lang} id="chart-cost-benefit" />
        <figcaption>{h.cbTitle}</figcaption>
      </figure>
      <DataTable
        caption={`${s.netPerParty} (${s.costBenefitUnit})`}
        rows={cb.parties}
        columns={[
          { header: s.party, rowHeader: true, cell: (x) => partyLabel(rules, x.party, lang) },
          { header: s.cost, num: true, cell: (x) => formatEuro(x.cost, lang) },
          { header: s.benefit, num: true, cell: (x) => formatEuro(x.benefit, lang) },
          { header: s.net, num: true, cell: (x) => formatEuro(x.net, lang, true) },
        ]}
        footer={[
          s.total,
          formatEuro(totalCost, lang),
          formatEuro(totalBenefit, lang),
          formatEuro(cb.total, lang, true),
        ]}
      />
      <p>{cb.wrongPocket ? <strong>{s.wrongPocket}</strong> : s.noWrongPocket}</p>
      {cb.transfers.length > 0 ? (
        <>
          <h3>{s.transfers}</h3>
          <ul>
            {cb.transfers.map((t, i) => (
              <li key={i}>
                {s.transfer(
                  partyLabel(rules, t.from, lang),
                  partyLabel(rules, t.to, lang),
                  formatEuro(t.amount, lang),
                )}
              </li>
            ))}
          </ul>
        </>
      ) : cb.wrongPocket ? (
        <p>{h.transfersNone}</p>
      ) : null}
      <Arrangements ids={cb.arrangements} lang={lang} />
    </>
  );
}

function WithoutFigures(p: Props): VNode {
  const h = htmlStrings(p.lang);
  const pays = partiesAnswered(p, 'cost_bearers');
  const gains = partiesAnswered(p, 'beneficiaries');
  const list = (xs: readonly PartyRef[]) => xs.map((x) => x.label).join(', ');
  return (
    <>
      <p>{h.cbNoFigures}</p>
      {pays.length > 0 || gains.length > 0 ? (
        <>
          <figure>
            <WhoPaysChart pays={pays} gains={gains} lang={p.lang} id="chart-who-pays" />
            <figcaption>{h.whoPaysTitle}</figcaption>
          </figure>
          <ul>
            {pays.length > 0 ? (
              <li>
                <strong>{h.pays}:</strong> {list(pays)}
              </li>
            ) : null}
            {gains.length > 0 ? (
              <li>
                <strong>{h.gains}:</strong> {list(gains)}
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      <Arrangements ids={p.advice.arrangements ?? []} lang={p.lang} />
    </>
  );
}

export function CostBenefitSection(p: Props): VNode {
  const s = ui(p.lang);
  const cb = p.advice.costBenefit;
  return (
    <Section
      id="cost-benefit"
      title={cb ? `${s.costBenefit} (${s.costBenefitUnit})` : s.costBenefit}
    >
      {cb ? <WithFigures {...p} cb={cb} /> : <WithoutFigures {...p} />}
    </Section>
  );
}
