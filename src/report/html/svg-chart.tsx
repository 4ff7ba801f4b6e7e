// The frame every picture shares: an <svg role="img"> named by its <title> and described by its
// <desc> (aria-labelledby both), so a screen reader says what the picture shows; the page puts the
// same in words or a table beside it.
import type { ComponentChildren, VNode } from 'preact';
import { CHART_WIDTH, chartIds } from './svg-util.ts';

export interface SvgChartProps {
  /** The picture's id on the page: its title and description get `<id>-title`, `<id>-desc`. */
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly height: number;
  /** The viewBox width (default CHART_WIDTH). */
  readonly width?: number;
  /** Drawn at its own size (width and height attributes), or scaled to its box by CSS. */
  readonly fixed?: boolean;
  /** Font of its text, when the picture sets one for all of it. */
  readonly font?: { readonly family: string; readonly size: number };
  readonly children?: ComponentChildren;
}

export function SvgChart(p: SvgChartProps): VNode {
  const ids = chartIds(p.id);
  const width = p.width ?? CHART_WIDTH;
  const fixed = p.fixed ?? true;
  return (
    <svg
      role="img"
      aria-labelledby={`${ids.title} ${ids.desc}`}
      viewBox={`0 0 ${width} ${p.height}`}
      width={fixed ? width : undefined}
      height={fixed ? p.height : undefined}
      font-family={p.font?.family}
      font-size={p.font?.size}
    >
      <title id={ids.title}>{p.title}</title>
      <desc id={ids.desc}>{p.desc}</desc>
      {p.children}
    </svg>
  );
}
