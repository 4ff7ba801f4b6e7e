// The words of `innoroute diff`'s reports, in Dutch and English, and the lines every format
// shares: the summary line, a cause in words, an input's changes as short lines.
import type { Lang } from '../core/advice.ts';
import type { InputChange } from '../core/diff.ts';
import type { DiffReport, LocatedCause } from '../core/diff-report.ts';
import { primaryLabel } from '../core/diff-report.ts';
import type { Fit } from '../core/schema.ts';
import { formatCount } from './labels.ts';
import { ui } from './ui-strings.ts';

const nl = (n: number) => formatCount(n, 'nl');
const en = (n: number) => formatCount(n, 'en');

const TEXTS = {
  nl: {
    title: 'Wat verandert er in het advies',
    summary: (changed: number, inputs: number, unchanged: number) =>
      `${nl(inputs)} ${inputs === 1 ? 'invoer' : 'invoeren'} vergeleken: ${nl(changed)} veranderd, ${nl(unchanged)} ongewijzigd`,
    notAssessed: (n: number) => `${nl(n)} aan geen van beide kanten te beoordelen`,
    sides: (a: string, b: string) => `van ${a} naar ${b}`,
    side: (rules: string, version: string, asOf: string) => `${rules} (${version}) op ${asOf}`,
    noChange: 'Geen enkel advies verandert.',
    primaries: 'Eerste route: van → naar',
    from: 'van',
    to: 'naar',
    inputs: 'invoeren',
    input: 'invoer',
    causes: 'Waardoor',
    cause: 'oorzaak',
    where: 'waar',
    untraced: (n: number) => `${nl(n)} ${n === 1 ? 'invoer' : 'invoeren'} zonder herleide oorzaak`,
    details: 'Per invoer',
    more: (n: number) => `… en nog ${nl(n)}; --format csv of json geeft ze allemaal`,
    primary: 'eerste route',
    routesAdded: 'routes erbij',
    routesDropped: 'routes eraf',
    moved: 'fit of score',
    stakeholdersAdded: 'partijen erbij',
    stakeholdersDropped: 'partijen eraf',
    warningsAdded: 'waarschuwingen erbij',
    warningsDropped: 'waarschuwingen eraf',
    bridgeOpened: 'overbrugging geopend',
    bridgeLapsed: 'overbrugging vervallen',
    arrangementsAdded: 'kosten/baten-afspraak erbij',
    arrangementsDropped: 'kosten/baten-afspraak eraf',
    why: 'waardoor',
    notTraced: 'niet te herleiden',
    node: 'knoop',
    kinds: {
      route: 'route',
      bridge: 'overbrugging',
      warning: 'waarschuwing',
      fit: 'fit-grenzen',
      question: 'vraag',
    },
    changes: {
      branch: 'neemt een andere tak',
      changed: 'is gewijzigd',
      added: 'is toegevoegd',
      removed: 'is verwijderd',
      lapsed: 'is vervallen',
      opened: 'is gaan gelden',
    },
    none: 'geen route',
    error: 'niet te beoordelen',
  },
  en: {
    title: 'What changes in the advice',
    summary: (changed: number, inputs: number, unchanged: number) =>
      `${en(inputs)} input${inputs === 1 ? '' : 's'} compared: ${en(changed)} changed, ${en(unchanged)} unchanged`,
    notAssessed: (n: number) => `${en(n)} could be assessed on neither side`,
    sides: (a: string, b: string) => `from ${a} to ${b}`,
    side: (rules: string, version: string, asOf: string) => `${rules} (${version}) on ${asOf}`,
    noChange: 'No advice changes.',
    primaries: 'Primary route: from → to',
    from: 'from',
    to: 'to',
    inputs: 'inputs',
    input: 'input',
    causes: 'Why',
    cause: 'cause',
    where: 'where',
    untraced: (n: number) => `${en(n)} input${n === 1 ? '' : 's'} without a traced cause`,
    details: 'Per input',
    more: (n: number) => `… and ${en(n)} more; --format csv or json lists them all`,
    primary: 'primary route',
    routesAdded: 'routes added',
    routesDropped: 'routes dropped',
    moved: 'fit or score',
    stakeholdersAdded: 'stakeholders added',
    stakeholdersDropped: 'stakeholders dropped',
    warningsAdded: 'warnings added',
    warningsDropped: 'warnings dropped',
    bridgeOpened: 'bridge funding opened',
    bridgeLapsed: 'bridge funding lapsed',
    arrangementsAdded: 'cost/benefit arrangements added',
    arrangementsDropped: 'cost/benefit arrangements dropped',
    why: 'why',
    notTraced: 'not traced',
    node: 'node',
    kinds: {
      route: 'route',
      bridge: 'bridge funding',
      warning: 'warning',
      fit: 'fit thresholds',
      question: 'question',
    },
    changes: {
      branch: 'takes another branch',
      changed: 'changed',
      added: 'was added',
      removed: 'was removed',
      lapsed: 'lapsed',
      opened: 'came into force',
    },
    none: 'no route',
    error: 'not assessed',
  },
} as const;

export type DiffTexts = (typeof TEXTS)[Lang];

export function diffTexts(lang: Lang): DiffTexts {
  return TEXTS[lang];
}

/** "12 of 35 inputs change; 23 unchanged" (and the inputs assessed on neither side). */
export function summaryLine(r: DiffReport, lang: Lang): string {
  const t = TEXTS[lang];
  const line = t.summary(r.changed, r.inputs, r.unchanged);
  return r.notAssessed > 0 ? `${line}; ${t.notAssessed(r.notAssessed)}` : line;
}

export function sidesLine(r: DiffReport, lang: Lang): string {
  const t = TEXTS[lang];
  const side = (s: DiffReport['before']) => t.side(s.rules, s.version, s.asOf);
  return t.sides(side(r.before), side(r.after));
}

/** A cause in words: `node zvw/zvw.package takes another branch (then → else)`. */
export function causeText(c: LocatedCause, lang: Lang): string {
  const t = TEXTS[lang];
  const what =
    c.kind === 'node'
      ? `${t.node} ${c.tree}/${c.id}`
      : c.kind === 'fit'
        ? t.kinds.fit
        : `${t.kinds[c.kind]} ${c.id}`;
  return `${what} ${t.changes[c.change]}${c.detail ? ` (${c.detail})` : ''}`;
}

/** `rules/trees/zvw.yaml:1761`, or the file alone. */
export function causeWhere(c: LocatedCause): string {
  return c.line !== undefined ? `${c.file}:${c.line}` : c.file;
}

/**
 * A primary's label (`zvw.x (possible)`, `-` none, `!` could not be assessed: the JSON's form) in
 * words of `lang`.
 */
export function labelText(label: string, lang: Lang): string {
  const t = TEXTS[lang];
  if (label === '-') return t.none;
  if (label === '!') return t.error;
  return label.replace(/ \((strong|possible|unlikely)\)$/, (_, f: Fit) => ` (${ui(lang).fit[f]})`);
}

/** The primary before or after, in words. */
export function primaryText(side: InputChange['before'], lang: Lang): string {
  return labelText(primaryLabel(side), lang);
}

/** An input's changes as label and value pairs, the empty ones left out. */
export function changeLines(c: InputChange, lang: Lang): [string, string][] {
  const t = TEXTS[lang];
  const fit = ui(lang).fit;
  const lines: [string, string][] = [];
  const list = (label: string, xs: readonly string[]) => {
    if (xs.length > 0) lines.push([label, xs.join(', ')]);
  };
  if (c.primaryChanged) {
    lines.push([t.primary, `${primaryText(c.before, lang)} → ${primaryText(c.after, lang)}`]);
  }
  for (const [side, s] of [
    ['before', c.before],
    ['after', c.after],
  ] as const) {
    if (s.error !== undefined)
      lines.push([`${t.error} (${t[side === 'before' ? 'from' : 'to']})`, s.error]);
  }
  list(
    t.routesAdded,
    c.routes.added.map((r) => `${r.id} (${fit[r.fit]})`),
  );
  list(
    t.routesDropped,
    c.routes.dropped.map((r) => `${r.id} (${fit[r.fit]})`),
  );
  list(
    t.moved,
    c.routes.moved.map(
      (m) =>
        `${m.id} ${fit[m.before.fit]} ${m.before.score} → ${fit[m.after.fit]} ${m.after.score}`,
    ),
  );
  list(t.stakeholdersAdded, c.stakeholders.added);
  list(t.stakeholdersDropped, c.stakeholders.dropped);
  list(t.warningsAdded, c.warnings.added);
  list(t.warningsDropped, c.warnings.dropped);
  list(t.bridgeOpened, c.bridge.opened);
  list(t.bridgeLapsed, c.bridge.lapsed);
  list(t.arrangementsAdded, c.arrangements.added);
  list(t.arrangementsDropped, c.arrangements.dropped);
  return lines;
}
