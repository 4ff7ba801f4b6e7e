// Lines of text in a picture: one <text> with a <tspan> per line (SVG does not wrap text itself;
// svg-util.ts wrapLines breaks it), each line at its own x when it is indented.
import type { VNode } from 'preact';

export function TextLines(p: {
  readonly x: number;
  /** The baseline of the first line. */
  readonly y: number;
  readonly lines: readonly string[];
  readonly size: number;
  readonly lineHeight: number;
  readonly fill: string;
  /** A line's x, when not `x` (an indented continuation line). */
  readonly xOf?: (line: number) => number;
}): VNode {
  return (
    <text x={p.x} y={p.y} font-size={p.size} fill={p.fill}>
      {p.lines.map((l, j) => (
        <tspan key={j} x={p.xOf ? p.xOf(j) : p.x} dy={j === 0 ? 0 : p.lineHeight}>
          {l}
        </tspan>
      ))}
    </text>
  );
}
