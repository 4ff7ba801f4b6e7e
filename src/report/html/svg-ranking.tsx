// The route ranking as a picture: one bar per route, its length the score (0 to 100) on a faint
// track to 100, labelled with its rank, title, fit in words and score, so that neither colour nor
// length alone carries the meaning. The page puts the same in a table next to it.
import type { VNode } from 'preact';
import type { Lang } from '../../core/advice.ts';
import type { Fit } from '../../core/ids.ts';
import { ui } from '../ui-strings.ts';
import { htmlStrings } from './html-strings.ts';
import { COLORS } from './styles.ts';
import {
  BAR_HEIGHT,
  CHART_WIDTH,
  LABEL_FONT,
  LABEL_LINE,
  charsIn,
  textWidth,
  wrapLines,
} from './svg-util.ts';
import { SvgChart } from './svg-chart.tsx';
import { TextLines } from './svg-text.tsx';

export interface RankedRoute {
  readonly id: string;
  readonly title: string;
  readonly fit: Fit;
  readonly score: number;
}

const FONT = LABEL_FONT;
const LINE = LABEL_LINE;
const BAR = BAR_HEIGHT;
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
        <TextLines
          x={0}
          y={top + FONT}
          lines={lines}
          size={FONT}
          lineHeight={LINE}
          fill={COLORS.text}
        />
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
