// The stakeholders along the five phases as a picture: a vertical timeline (it fits a phone), a
// dot per phase with its name, the innovator's own phase marked in words and with a ring, and
// under each phase the parties to involve then, with when (now, next, later). Phases without a
// party show a dash. The page lists the same as a checklist next to it.
import type { VNode } from 'preact';
import type { Lang, StakeholderItem } from '../../core/advice.ts';
import type { Phase } from '../../core/ids.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { PHASE_ORDER } from '../checklists.ts';
import { phaseLabel } from '../labels.ts';
import { ui } from '../ui-strings.ts';
import { htmlStrings } from './html-strings.ts';
import { COLORS } from './styles.ts';
import { CHART_WIDTH, charsIn, wrapLines } from './svg-util.ts';
import { SvgChart } from './svg-chart.tsx';
import { TextLines } from './svg-text.tsx';

/** Parties named per phase; the rest are counted ("+3 meer"). */
export const PHASE_NAMES_MAX = 6;
/** Lines per party: a long name wraps (indented) rather than being cut at the chart's edge. */
const NAME_LINES_MAX = 3;
const INDENT = 11;

const X_LINE = 10;
const X_TEXT = 28;
const HEAD = 15;
const FONT = 13;
const LINE = 17;
const GAP = 12;

export function PhaseTimeline(p: {
  readonly stakeholders: readonly StakeholderItem[];
  /** The innovator's phase, when answered. */
  readonly current?: Phase;
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly id: string;
}): VNode {
  const s = ui(p.lang);
  const h = htmlStrings(p.lang);
  // room for the indented continuation lines (the first line then has a little to spare)
  const maxChars = charsIn(CHART_WIDTH - X_TEXT - INDENT - 8, FONT);
  let y = 4;
  const dots: number[] = [];
  const phases = PHASE_ORDER.map((phase) => {
    const items = p.stakeholders.filter((x) => x.phase === phase);
    const now = phase === p.current;
    const top = y;
    dots.push(top + 10);
    const head = now
      ? `${phaseLabel(p.rules, phase, p.lang)} — ${h.phaseNow}`
      : phaseLabel(p.rules, phase, p.lang);
    // each party's line, wrapped at the chart's width: the continuation lines indented under it
    const names: { readonly text: string; readonly indent: boolean }[] = [];
    for (const x of items.slice(0, PHASE_NAMES_MAX)) {
      const when = x.when ? ` (${s.when[x.when]})` : '';
      wrapLines(`• ${x.name}${when}`, maxChars, NAME_LINES_MAX).forEach((text, k) =>
        names.push({ text, indent: k > 0 }),
      );
    }
    if (items.length > PHASE_NAMES_MAX) {
      names.push({ text: h.more(items.length - PHASE_NAMES_MAX), indent: false });
    }
    if (names.length === 0) names.push({ text: h.nobody, indent: false });
    y += HEAD + 6 + names.length * LINE + GAP;
    return (
      <g key={phase}>
        <circle
          cx={X_LINE}
          cy={top + 10}
          r={now ? 8 : 6}
          fill={items.length > 0 ? COLORS.accent : '#ffffff'}
          stroke={COLORS.accent}
          stroke-width={2}
        />
        {now ? (
          <circle
            cx={X_LINE}
            cy={top + 10}
            r={11}
            fill="none"
            stroke={COLORS.text}
            stroke-width={1.5}
          />
        ) : null}
        <text x={X_TEXT} y={top + HEAD} font-size={HEAD} font-weight="bold" fill={COLORS.text}>
          {head}
        </text>
        <TextLines
          x={X_TEXT}
          y={top + HEAD + 6 + FONT}
          lines={names.map((n) => n.text)}
          xOf={(j) => (names[j]!.indent ? X_TEXT + INDENT : X_TEXT)}
          size={FONT}
          lineHeight={LINE}
          fill={items.length > 0 ? COLORS.text : COLORS.muted}
        />
      </g>
    );
  });
  const height = y - GAP + 4;
  return (
    <SvgChart
      id={p.id}
      height={height}
      title={h.phasesTitle}
      desc={h.phasesDesc(p.stakeholders.length)}
    >
      <line
        x1={X_LINE}
        y1={dots[0]}
        x2={X_LINE}
        y2={dots[dots.length - 1]}
        stroke={COLORS.line}
        stroke-width={2}
      />
      {phases}
    </SvgChart>
  );
}
