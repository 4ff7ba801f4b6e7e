// A benchmark's headline figure, for the summary that `npm run bench` prints at the end.
export interface Figure {
  /** What was measured, e.g. "evaluations/s". */
  readonly what: string;
  /** The figure as printed. */
  readonly value: string;
  /** The target as printed, e.g. "≥ 50,000". */
  readonly target: string;
  readonly met: boolean;
}

export function figure(what: string, value: string, target: string, met: boolean): Figure {
  return { what, value, target, met };
}
