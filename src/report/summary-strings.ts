// The words of the summary ("In het kort") and of the wizard's question after it, in Dutch and
// English. One table per language, typed by one interface, so a string missing in either is a type
// error (as ui-strings.ts does for the rest of the advice).
import type { Lang } from '../core/advice.ts';
import type { Family } from '../core/schema.ts';

export interface SummaryStrings {
  readonly heading: string;
  /** The families by their short names: the summary has little room. */
  readonly family: Readonly<Record<Family, string>>;
  readonly recommended: string;
  readonly noRoute: string;
  readonly why: string;
  readonly firstStep: string;
  readonly callFirst: string;
  readonly alsoCall: string;
  readonly nextRoutes: string;
  readonly notPaying: string;
  /** A family of which the rules named no route for these answers. */
  readonly noRouteNamed: string;
  readonly sharpen: string;
  readonly more: (n: number) => string;
  readonly warningsLabel: string;
  readonly warnings: (n: number) => string;
  /** The wizard, after the summary. */
  readonly showDetails: string;
}

const nl: SummaryStrings = {
  heading: 'In het kort',
  family: {
    zvw: 'Zvw',
    wlz: 'Wlz',
    wmo: 'Wmo en Jeugdwet',
    'werk-en-inkomen': 'Werk en inkomen',
    consumer: 'Consument',
  },
  recommended: 'Aanbevolen route',
  noRoute: 'nog geen — met deze antwoorden past nog geen route',
  why: 'Waarom',
  firstStep: 'Eerste stap',
  callFirst: 'Neem eerst contact op met',
  alsoCall: 'Ook',
  nextRoutes: 'Daarna',
  notPaying: 'Betalen niet',
  noRouteNamed: 'geen route bij deze antwoorden',
  sharpen: 'Scherper met antwoord op',
  more: (n) => `+${n} meer`,
  warningsLabel: 'Waarschuwingen',
  warnings: (n) => (n === 0 ? 'geen' : `${n}, in het hele advies onder „Let op”`),
  showDetails: 'Het hele advies hier tonen?',
};

const en: SummaryStrings = {
  heading: 'In short',
  family: {
    zvw: 'Zvw',
    wlz: 'Wlz',
    wmo: 'Wmo and Youth Act',
    'werk-en-inkomen': 'Work and income',
    consumer: 'Consumer',
  },
  recommended: 'Recommended route',
  noRoute: 'none yet — no route fits these answers',
  why: 'Why',
  firstStep: 'First step',
  callFirst: 'Contact first',
  alsoCall: 'Also',
  nextRoutes: 'Next',
  notPaying: 'Do not pay',
  noRouteNamed: 'no route for these answers',
  sharpen: 'Sharper with answers to',
  more: (n) => `+${n} more`,
  warningsLabel: 'Warnings',
  warnings: (n) => (n === 0 ? 'none' : `${n}, under “Watch out” in the full advice`),
  showDetails: 'Show the whole advice here?',
};

export function summaryStrings(lang: Lang): SummaryStrings {
  return lang === 'en' ? en : nl;
}
