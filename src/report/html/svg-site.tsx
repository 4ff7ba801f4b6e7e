// The static site's two pictures, as inline SVG with a title and a description (role="img"): the
// five families of payers with their number of routes above the cost/benefit question that goes
// with every route, and a route's place in its decision tree (the decisions from the root to the
// route, top to bottom). Each page says the same in words next to the picture.
import type { VNode } from 'preact';
import { COLORS } from './styles.ts';
import { SvgChart } from './svg-chart.tsx';
import { wrapLines } from './svg-util.ts';

const WIDTH = 400;
const FONT = 13;
const LINE = 17;

/** Five rows, one per family with its number of routes, and a bar for costs and benefits. */
export function FamiliesFigure(p: {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly families: readonly { readonly label: string; readonly count: string }[];
  readonly costBenefit: string;
}): VNode {
  const row = 34;
  const top = 8;
  const cbY = top + p.families.length * row + 10;
  const height = cbY + 44;
  return (
    <SvgChart
      id={p.id}
      title={p.title}
      desc={p.desc}
      height={height}
      width={WIDTH}
      fixed={false}
      font={{ family: 'system-ui, sans-serif', size: FONT }}
    >
      {p.families.map((f, i) => (
        <g key={f.label}>
          <rect
            x={4}
            y={top + i * row}
            width={WIDTH - 8}
            height={row - 6}
            rx={5}
            fill={COLORS.faint}
            stroke={COLORS.accent}
          />
          <text x={14} y={top + i * row + 19} fill={COLORS.text} font-weight="700">
            {f.label}
          </text>
          <text x={WIDTH - 14} y={top + i * row + 19} fill={COLORS.muted} text-anchor="end">
            {f.count}
          </text>
        </g>
      ))}
      <rect
        x={4}
        y={cbY}
        width={WIDTH - 8}
        height={34}
        rx={5}
        fill="#fff"
        stroke={COLORS.cost}
        stroke-dasharray="5 3"
      />
      <text x={WIDTH / 2} y={cbY + 22} fill={COLORS.text} text-anchor="middle">
        {wrapLines(p.costBenefit, 52, 1)[0]}
      </text>
    </SvgChart>
  );
}

/** The decisions from a tree's root down to a route, as boxes joined by arrows. */
export function TreePlaceFigure(p: {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly steps: readonly string[];
}): VNode {
  const gap = 18;
  const boxes = p.steps.map((s) => wrapLines(s, 50, 2));
  let y = 4;
  const placed = boxes.map((lines) => {
    const h = lines.length * LINE + 12;
    const at = y;
    y += h + gap;
    return { lines, y: at, h };
  });
  const height = y - gap + 4;
  return (
    <SvgChart
      id={p.id}
      title={p.title}
      desc={p.desc}
      height={height}
      width={WIDTH}
      fixed={false}
      font={{ family: 'system-ui, sans-serif', size: FONT }}
    >
      {placed.map((b, i) => {
        const last = i === placed.length - 1;
        return (
          <g key={i}>
            {i > 0 ? (
              <path
                d={`M ${WIDTH / 2} ${b.y - gap + 2} V ${b.y - 3} m -4 -5 l 4 5 l 4 -5`}
                stroke={COLORS.muted}
                fill="none"
              />
            ) : null}
            <rect
              x={4}
              y={b.y}
              width={WIDTH - 8}
              height={b.h}
              rx={last ? 12 : 4}
              fill={last ? COLORS.accent : COLORS.faint}
              stroke={COLORS.accent}
            />
            {b.lines.map((l, k) => (
              <text
                key={k}
                x={14}
                y={b.y + 6 + (k + 1) * LINE - 4}
                fill={last ? '#fff' : COLORS.text}
                font-weight={last ? '700' : '400'}
              >
                {l}
              </text>
            ))}
          </g>
        );
      })}
    </SvgChart>
  );
}
