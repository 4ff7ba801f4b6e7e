// The portfolio as a picture: per family one bar, its length the rows whose first route is of that
// family, split by fit (strong, possible, unlikely) and labelled with the family and the counts in
// words, so that neither colour nor length alone carries the meaning; rows without a route get a
// bar of their own. All bars share one scale (the largest family fills the width). The page puts
// the same in a table next to it.
import type { VNode } from 'preact';
import type { Lang } from '../../core/advice.ts';
import { FITS } from '../../core/ids.ts';
import { ui } from '../ui-strings.ts';
import { portfolioStrings } from './portfolio-strings.ts';
import { COLORS } from './styles.ts';
import { BAR_HEIGHT, CHART_WIDTH, LABEL_FONT, LABEL_LINE, charsIn, wrapLines } from './svg-util.ts';
import { SvgChart } from './svg-chart.tsx';
import { TextLines } from './svg-text.tsx';

export interface PortfolioBar {
  readonly label: string;
  /** Rows per fit, in FITS order; empty for the rows without a route. */
  readonly counts: readonly number[];
  readonly total: number;
}

const FONT = LABEL_FONT;
const LINE = LABEL_LINE;
const BAR = BAR_HEIGHT;
const GAP = 12;

export function PortfolioChart(p: {
  readonly bars: readonly PortfolioBar[];
  readonly lang: Lang;
  readonly id: string;
}): VNode {
  const s = ui(p.lang);
  const t = portfolioStrings(p.lang);
  const most = Math.max(1, ...p.bars.map((b) => b.total));
  const scale = (n: number) => (n / most) * CHART_WIDTH;
  let y = 4;
  const rows = p.bars.map((b) => {
    const split = FITS.map((f, i) => ({ fit: f, n: b.counts[i] ?? 0 })).filter((x) => x.n > 0);
    const words =
      split.length > 0 ? split.map((x) => `${x.n} ${s.fit[x.fit]}`).join(', ') : String(b.total);
    const lines = wrapLines(`${b.label}: ${words}`, charsIn(CHART_WIDTH, FONT), 3);
    const top = y;
    const barY = top + lines.length * LINE + 4;
    y = barY + BAR + GAP;
    let x = 0;
    const segments =
      split.length > 0
        ? split.map((seg) => {
            const at = x;
            x += scale(seg.n);
            return { key: seg.fit, at, width: scale(seg.n), fill: COLORS[seg.fit] };
          })
        : [{ key: 'none', at: 0, width: scale(b.total), fill: COLORS.muted }];
    return (
      <g key={b.label}>
        <TextLines
          x={0}
          y={top + FONT}
          lines={lines}
          size={FONT}
          lineHeight={LINE}
          fill={COLORS.text}
        />
        <rect x={0} y={barY} width={CHART_WIDTH} height={BAR} rx={3} fill={COLORS.faint} />
        {segments.map((g) => (
          // a white edge between the segments, so that two fits never run into one
          <rect
            key={g.key}
            x={g.at}
            y={barY}
            width={Math.max(2, g.width)}
            height={BAR}
            fill={g.fill}
            stroke="#ffffff"
            stroke-width={1}
          />
        ))}
      </g>
    );
  });
  const height = Math.max(20, y - GAP + 4);
  const total = p.bars.reduce((a, b) => a + b.total, 0);
  return (
    <SvgChart
      id={p.id}
      height={height}
      title={t.chartTitle}
      desc={t.chartDesc(p.bars.length, total)}
    >
      {rows}
    </SvgChart>
  );
}
