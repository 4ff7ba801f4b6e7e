// The route ranking as a picture: one bar per route, its length the score (0 to 100) on a faint
// track to 100, labelled with its rank, title, fit in words and score, so that neither colour nor
// length alone carries the meaning. The page puts the same in a table next to it.
import type { VNode } from 'preact';
import type { Lang } from '../../core/advice.ts';
import type { Fit } from '../../core/ids.ts';
import { ui } from '../ui-strings.ts';
import { htmlStrings } from './html-strings.ts';
import { COLORS } from './styles.ts';
import { CHART_WIDTH, charsIn, textWidth, wrapLines } from './svg-util.ts';
import { SvgChart } from './svg-chart.tsx';

export interface RankedRoute {
  readonly id: string;
  readonly title: string;
  readonly fit: Fit;
  readonly score: number;
}

const FONT = 13;
const LINE = 16;
const BAR = 16;
const GAP = 14;

export function RankingChart(p: {
  readonly routes: readonly RankedRoute[];
  readonly lang: Lang;
  readonly id: string;
}): VNode {
  const s = ui(p.lang);
  const h = htmlStrings(p.lang);
  const barMax = CHART_WIDTH;
  let y = 4;
  const rows = p.routes.map((r, i) => {
    const lines = wrapLines(`${i + 1}. ${r.title}`, charsIn(CHART_WIDTH, FONT), 2);
    const top = y;
    y += lines.length * LINE + 4 + BAR + GAP;
    const len = Math.max(2, (Math.min(100, Math.max(0, r.score)) / 100) * barMax);
    const label = `${s.fit[r.fit]} · ${r.score}`;
    // the label inside the bar when it fits there (white on the bar's colour), else after it
    const inside = len >= textWidth(label, 12) + 12;
    const barY = top + lines.length * LINE + 4;
    return (
      <g key={r.id}>
        <text x={0} y={top + FONT} font-size={FONT} fill={COLORS.text}>
          {lines.map((l, j) => (
            <tspan key={j} x={0} dy={j === 0 ? 0 : LINE}>
              {l}
            </tspan>
          ))}
        </text>
        <rect x={0} y={barY} width={barMax} height={BAR} rx={3} fill={COLORS.faint} />
        <rect x={0} y={barY} width={len} height={BAR} rx={3} fill={COLORS[r.fit]} />
        <text
          x={inside ? 6 : len + 6}
          y={barY + BAR - 4}
          font-size={12}
          font-weight="bold"
          fill={inside ? '#ffffff' : COLORS.text}
        >
          {label}
        </text>
      </g>
    );
  });
  const height = Math.max(20, y - GAP + 4);
  return (
    <SvgChart
      id={p.id}
      height={height}
      title={h.rankingTitle}
      desc={h.rankingDesc(p.routes.length)}
    >
      {rows}
    </SvgChart>
  );
}
