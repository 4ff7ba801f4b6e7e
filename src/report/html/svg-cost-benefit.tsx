// Who pays and who gains, as pictures. With figures: per party a cost bar (hatched) and a benefit
// bar (solid) on one scale, each with its amount, and the net in words; then the transfers that
// fix a wrong pocket as arrows from payer to receiver with the amount. Without figures: the parties
// that pay and those that benefit (from the answers cost_bearers and beneficiaries) side by side.
// Words carry every meaning (Kosten/Baten, the amounts); colour and hatching only repeat them.
import type { VNode } from 'preact';
import type { CostBenefit, Lang } from '../../core/advice.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { formatEuro, partyLabel } from '../labels.ts';
import { ui } from '../ui-strings.ts';
import { htmlStrings } from './html-strings.ts';
import { COLORS } from './styles.ts';
import { CHART_WIDTH, charsIn, textWidth, wrapLines } from './svg-util.ts';
import { SvgChart } from './svg-chart.tsx';

const FONT = 13;
const SMALL = 12;
const BAR = 14;
const LABEL_W = 52;
const AMOUNT_ROOM = 96;

export function CostBenefitChart(p: {
  readonly cb: CostBenefit;
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly id: string;
}): VNode {
  const s = ui(p.lang);
  const h = htmlStrings(p.lang);
  const hatch = `${p.id}-hatch`;
  const max = Math.max(1, ...p.cb.parties.flatMap((x) => [x.cost, x.benefit]));
  const barMax = CHART_WIDTH - LABEL_W - AMOUNT_ROOM;
  const len = (v: number) => (v <= 0 ? 0 : Math.max(2, (v / max) * barMax));
  let y = 4;
  const parties = p.cb.parties.map((x) => {
    const top = y;
    const name = partyLabel(p.rules, x.party, p.lang);
    const head = `${name} — ${s.net} ${formatEuro(x.net, p.lang, true)}`;
    const lines = wrapLines(head, charsIn(CHART_WIDTH, FONT), 2);
    const bars = top + lines.length * 16 + 4;
    y = bars + 2 * (BAR + 4) + 12;
    const bar = (row: number, label: string, value: number, fill: string) => {
      const by = bars + row * (BAR + 4);
      return (
        <>
          <text x={0} y={by + BAR - 3} font-size={SMALL} fill={COLORS.muted}>
            {label}
          </text>
          <rect
            x={LABEL_W}
            y={by}
            width={len(value)}
            height={BAR}
            fill={fill}
            stroke={row === 0 ? COLORS.cost : COLORS.benefit}
          />
          <text x={LABEL_W + len(value) + 5} y={by + BAR - 3} font-size={SMALL} fill={COLORS.text}>
            {formatEuro(value, p.lang)}
          </text>
        </>
      );
    };
    return (
      <g key={x.party}>
        <text x={0} y={top + FONT} font-size={FONT} font-weight="bold" fill={COLORS.text}>
          {lines.map((l, j) => (
            <tspan key={j} x={0} dy={j === 0 ? 0 : 16}>
              {l}
            </tspan>
          ))}
        </text>
        {bar(0, s.cost, x.cost, `url(#${hatch})`)}
        {bar(1, s.benefit, x.benefit, COLORS.benefit)}
      </g>
    );
  });

  const transfers: VNode[] = [];
  if (p.cb.transfers.length > 0) {
    y += 4;
    transfers.push(
      <text key="head" x={0} y={y + FONT} font-size={FONT} font-weight="bold" fill={COLORS.text}>
        {wrapLines(s.transfers, charsIn(CHART_WIDTH, FONT), 1)[0]}
      </text>,
    );
    y += FONT + 12;
    const side = 128;
    const chars = charsIn(side, SMALL);
    for (const [i, t] of p.cb.transfers.entries()) {
      const from = wrapLines(partyLabel(p.rules, t.from, p.lang), chars, 2);
      const to = wrapLines(partyLabel(p.rules, t.to, p.lang), chars, 2);
      const rows = Math.max(from.length, to.length);
      const mid = y + 8 + (rows * 15) / 2;
      const amount = formatEuro(t.amount, p.lang);
      const ax1 = side + 4;
      const ax2 = CHART_WIDTH - side - 4;
      transfers.push(
        <g key={i}>
          <text x={0} y={y + SMALL + 4} font-size={SMALL} fill={COLORS.text}>
            {from.map((l, j) => (
              <tspan key={j} x={0} dy={j === 0 ? 0 : 15}>
                {l}
              </tspan>
            ))}
          </text>
          <line x1={ax1} y1={mid} x2={ax2 - 8} y2={mid} stroke={COLORS.text} stroke-width={2} />
          <polygon
            points={`${ax2},${mid} ${ax2 - 9},${mid - 5} ${ax2 - 9},${mid + 5}`}
            fill={COLORS.text}
          />
          <text
            x={(ax1 + ax2) / 2}
            y={mid - 5}
            font-size={SMALL}
            font-weight="bold"
            text-anchor="middle"
            fill={COLORS.text}
          >
            {textWidth(amount, SMALL) <= ax2 - ax1
              ? amount
              : formatEuro(t.amount, p.lang).replace(/\s/g, '')}
          </text>
          <text x={CHART_WIDTH - side} y={y + SMALL + 4} font-size={SMALL} fill={COLORS.text}>
            {to.map((l, j) => (
              <tspan key={j} x={CHART_WIDTH - side} dy={j === 0 ? 0 : 15}>
                {l}
              </tspan>
            ))}
          </text>
        </g>,
      );
      y += rows * 15 + 16;
    }
  }
  const height = y + 2;
  return (
    <SvgChart id={p.id} height={height} title={h.cbTitle} desc={h.cbDesc}>
      <defs>
        <pattern
          id={hatch}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} fill="#ffffff" />
          <line x1={0} y1={0} x2={0} y2={6} stroke={COLORS.cost} stroke-width={3} />
        </pattern>
      </defs>
      {parties}
      {transfers}
    </SvgChart>
  );
}

export interface PartyRef {
  readonly id: string;
  readonly label: string;
}

/** Without figures: who pays and who benefits, from the answers, side by side. */
export function WhoPaysChart(p: {
  readonly pays: readonly PartyRef[];
  readonly gains: readonly PartyRef[];
  readonly lang: Lang;
  readonly id: string;
}): VNode {
  const h = htmlStrings(p.lang);
  const col = (CHART_WIDTH - 40) / 2;
  const chars = charsIn(col - 12, SMALL);
  const both = new Set(p.pays.map((x) => x.id).filter((id) => p.gains.some((g) => g.id === id)));
  const column = (x0: number, head: string, parties: readonly PartyRef[], fill: string) => {
    let y = 28;
    const boxes = parties.map((party) => {
      const text = wrapLines(both.has(party.id) ? `${party.label} *` : party.label, chars, 2);
      const hgt = text.length * 15 + 10;
      const top = y;
      y += hgt + 6;
      return (
        <g key={party.id}>
          <rect x={x0} y={top} width={col} height={hgt} rx={4} fill={fill} stroke={COLORS.text} />
          <text x={x0 + 6} y={top + 5 + SMALL} font-size={SMALL} fill={COLORS.text}>
            {text.map((l, j) => (
              <tspan key={j} x={x0 + 6} dy={j === 0 ? 0 : 15}>
                {l}
              </tspan>
            ))}
          </text>
        </g>
      );
    });
    return {
      y,
      node: (
        <g>
          <text x={x0} y={FONT + 4} font-size={FONT} font-weight="bold" fill={COLORS.text}>
            {head}
          </text>
          {boxes}
        </g>
      ),
    };
  };
  const left = column(0, h.pays, p.pays, '#ffffff');
  const right = column(CHART_WIDTH - col, h.gains, p.gains, COLORS.faint);
  const height = Math.max(left.y, right.y, 60) + (both.size > 0 ? 18 : 2);
  const mid = 28 + 20;
  return (
    <SvgChart id={p.id} height={height} title={h.whoPaysTitle} desc={h.whoPaysDesc}>
      {left.node}
      {right.node}
      <line
        x1={col + 6}
        y1={mid}
        x2={CHART_WIDTH - col - 14}
        y2={mid}
        stroke={COLORS.text}
        stroke-width={2}
      />
      <polygon
        points={`${CHART_WIDTH - col - 6},${mid} ${CHART_WIDTH - col - 15},${mid - 5} ${CHART_WIDTH - col - 15},${mid + 5}`}
        fill={COLORS.text}
      />
      {both.size > 0 ? (
        <text x={0} y={height - 4} font-size={SMALL} fill={COLORS.muted}>
          * {h.both}
        </text>
      ) : null}
    </SvgChart>
  );
}
