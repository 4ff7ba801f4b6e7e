// The words of `innoroute explain` and of the "what would change the advice" section, in Dutch and
// English. One table per language, typed by one interface, so a string missing in either is a
// type error (as ui-strings.ts does for the advice).
import type { Lang } from '../core/advice.ts';
import { formatCount } from './labels.ts';

export type RouteStatus = 'first' | 'advised' | 'excluded' | 'absent';

export interface ExplainStrings {
  readonly title: (name: string | undefined) => string;
  readonly routeTitle: (route: string) => string;
  readonly recommendation: string;
  readonly noRoute: string;
  readonly status: Readonly<Record<RouteStatus, string>>;
  readonly score: (n: number) => string;
  readonly howItGotHere: string;
  readonly nothingAsked: string;
  readonly effects: string;
  readonly effect: {
    readonly award: (where: string, score: number) => string;
    readonly adjust: (where: string, add: number) => string;
    readonly exclude: (where: string) => string;
  };
  readonly notPaying: string;
  readonly notPayingIntro: string;
  readonly familyAbsent: string;
  readonly familyExcluded: (routes: string) => string;
  readonly everyFamilyPays: string;
  readonly changes: string;
  readonly changesIntro: string;
  readonly otherFirst: string;
  readonly opensFamily: string;
  readonly makesFirst: string;
  readonly bringsIn: string;
  readonly noChange: string;
  readonly alreadyFirst: string;
  readonly ifThen: (conditions: readonly string[], outcome: string) => string;
  readonly setTo: (question: string, label: string, ref: string) => string;
  readonly addTo: (question: string, label: string, ref: string) => string;
  readonly removeFrom: (question: string, label: string, ref: string) => string;
  readonly becomesFirst: (route: string) => string;
  readonly opens: (routes: readonly string[]) => string;
  readonly more: (n: number) => string;
  /** The advice reports' short section: no change found. */
  readonly briefNone: string;
  /** The advice reports' short section: where the rest is (`shown` of `n` changes were named). */
  readonly briefRest: (n: number, shown: number) => string;
  readonly searched: (n: number, questions: number) => string;
  readonly cutShort: (n: number) => string;
  readonly holds: { readonly true: string; readonly false: string; readonly unknown: string };
  readonly answer: string;
  readonly unanswered: string;
  readonly yes: string;
  readonly no: string;
  readonly stopped: string;
  readonly op: Readonly<Record<string, string>>;
  readonly quote: (s: string) => string;
}

const nl: ExplainStrings = {
  title: (name) => (name ? `Uitleg bij het advies voor ${name}` : 'Uitleg bij het advies'),
  routeTitle: (route) => `Uitleg bij één route: ${route}`,
  recommendation: 'Aanbevolen route',
  noRoute: 'Met deze antwoorden is er geen route.',
  status: {
    first: 'de eerste route van het advies',
    advised: 'in het advies, niet als eerste',
    excluded: 'uitgesloten',
    absent: 'niet in het advies: de regels kwamen er niet langs',
  },
  score: (n) => `score ${n}`,
  howItGotHere: 'Zo kwam het advies hier (vraag, antwoord):',
  nothingAsked: 'De regels stelden hier geen vraag.',
  effects: 'Waar de regels deze route noemen:',
  effect: {
    award: (where, score) => `toegekend in ${where} (score ${score})`,
    adjust: (where, add) => `bijgesteld in ${where} (${add > 0 ? '+' : ''}${add})`,
    exclude: (where) => `uitgesloten in ${where}`,
  },
  notPaying: 'Families die niet betalen',
  notPayingIntro: 'Voor deze financiers staat geen route in het advies; zo liepen de regels.',
  familyAbsent: 'geen route in het advies',
  familyExcluded: (routes) => `uitgesloten: ${routes}`,
  everyFamilyPays: 'Elke familie heeft een route in het advies.',
  changes: 'Wat het advies zou veranderen',
  changesIntro:
    'De kleinste veranderingen van één of twee antwoorden die het advies anders maken, gevonden door de regels opnieuw door te rekenen.',
  otherFirst: 'Een andere route eerst',
  opensFamily: 'Een route van een familie die nu niet betaalt',
  makesFirst: 'Wat deze route de eerste maakt',
  bringsIn: 'Wat deze route in het advies brengt',
  noChange: 'Geen verandering van één of twee antwoorden doet dit.',
  alreadyFirst: 'Deze route is al de eerste.',
  ifThen: (conditions, outcome) => `Als ${conditions.join(' en ')}, ${outcome}.`,
  setTo: (q, label, ref) => `je bij „${q}” „${label}” antwoordt (${ref})`,
  addTo: (q, label, ref) => `je bij „${q}” ook „${label}” kiest (${ref})`,
  removeFrom: (q, label, ref) => `je bij „${q}” „${label}” weglaat (${ref})`,
  becomesFirst: (route) => `wordt ${route} de eerste route`,
  opens: (routes) =>
    routes.length === 1
      ? `komt ${routes[0]} in het advies`
      : `komen ${routes.slice(0, -1).join(', ')} en ${routes.at(-1)} in het advies`,
  more: (n) => `… en nog ${n} (--format json toont ze allemaal)`,
  briefNone:
    'Geen verandering van één of twee antwoorden maakt een andere route de eerste of laat een familie die nu niet betaalt in het advies komen.',
  briefRest: (n, shown) =>
    n > shown
      ? `Alle ${n} gevonden veranderingen, en waarom elke route er staat: innoroute explain <antwoordenbestand>.`
      : 'Waarom elke route er staat: innoroute explain <antwoordenbestand>.',
  searched: (n, q) =>
    `De regels zijn ${formatCount(n, 'nl')} keer doorgerekend, met andere antwoorden op ${q} ${q === 1 ? 'vraag' : 'vragen'}.`,
  cutShort: (n) =>
    `Het zoeken is na ${n} doorrekeningen afgebroken: een kleinere verandering kan ontbreken.`,
  holds: { true: 'klopt', false: 'klopt niet', unknown: 'onbekend' },
  answer: 'antwoord',
  unanswered: 'niet beantwoord',
  yes: 'ja',
  no: 'nee',
  stopped: 'de regels stoppen hier',
  op: {
    equals: 'is',
    in: 'is een van',
    includes: 'bevat',
    includes_any: 'bevat een van',
    includes_all: 'bevat alle',
    answered: 'is beantwoord',
    not_answered: 'is niet beantwoord',
    gte: 'is minstens',
    lte: 'is hoogstens',
    gt: 'is meer dan',
    lt: 'is minder dan',
    none: 'is',
  },
  quote: (s) => `„${s}”`,
};

const en: ExplainStrings = {
  title: (name) => (name ? `Why this advice for ${name}` : 'Why this advice'),
  routeTitle: (route) => `One route explained: ${route}`,
  recommendation: 'Recommended route',
  noRoute: 'With these answers there is no route.',
  status: {
    first: 'the first route of the advice',
    advised: 'in the advice, not first',
    excluded: 'excluded',
    absent: 'not in the advice: the rules did not come to it',
  },
  score: (n) => `score ${n}`,
  howItGotHere: 'How the advice got here (question, answer):',
  nothingAsked: 'The rules asked nothing here.',
  effects: 'Where the rules name this route:',
  effect: {
    award: (where, score) => `awarded at ${where} (score ${score})`,
    adjust: (where, add) => `adjusted at ${where} (${add > 0 ? '+' : ''}${add})`,
    exclude: (where) => `excluded at ${where}`,
  },
  notPaying: 'Families that do not pay',
  notPayingIntro: 'No route of these payers is in the advice; this is how the rules went.',
  familyAbsent: 'no route in the advice',
  familyExcluded: (routes) => `excluded: ${routes}`,
  everyFamilyPays: 'Every family has a route in the advice.',
  changes: 'What would change the advice',
  changesIntro:
    'The smallest changes of one or two answers that make the advice different, found by working the rules through again.',
  otherFirst: 'Another route first',
  opensFamily: 'A route of a family that does not pay now',
  makesFirst: 'What would make this route first',
  bringsIn: 'What would bring this route into the advice',
  noChange: 'No change of one or two answers does this.',
  alreadyFirst: 'This route is already first.',
  ifThen: (conditions, outcome) => `If ${conditions.join(' and ')}, ${outcome}.`,
  setTo: (q, label, ref) => `you answer “${label}” to “${q}” (${ref})`,
  addTo: (q, label, ref) => `you also choose “${label}” for “${q}” (${ref})`,
  removeFrom: (q, label, ref) => `you leave out “${label}” for “${q}” (${ref})`,
  becomesFirst: (route) => `${route} becomes the first route`,
  opens: (routes) =>
    routes.length === 1
      ? `${routes[0]} comes into the advice`
      : `${routes.slice(0, -1).join(', ')} and ${routes.at(-1)} come into the advice`,
  more: (n) => `… and ${n} more (--format json lists them all)`,
  briefNone:
    'No change of one or two answers makes another route first or brings a family that does not pay now into the advice.',
  briefRest: (n, shown) =>
    n > shown
      ? `All ${n} changes found, and why each route is where it is: innoroute explain <answers-file>.`
      : 'Why each route is where it is: innoroute explain <answers-file>.',
  searched: (n, q) =>
    `The rules were worked through ${formatCount(n, 'en')} ${n === 1 ? 'time' : 'times'}, with other answers to ${q} ${q === 1 ? 'question' : 'questions'}.`,
  cutShort: (n) => `The search stopped after ${n} evaluations: a smaller change may be missing.`,
  holds: { true: 'holds', false: 'does not hold', unknown: 'unknown' },
  answer: 'answer',
  unanswered: 'not answered',
  yes: 'yes',
  no: 'no',
  stopped: 'the rules stop here',
  op: {
    equals: 'is',
    in: 'is one of',
    includes: 'includes',
    includes_any: 'includes one of',
    includes_all: 'includes all of',
    answered: 'is answered',
    not_answered: 'is not answered',
    gte: 'is at least',
    lte: 'is at most',
    gt: 'is more than',
    lt: 'is less than',
    none: 'is',
  },
  quote: (s) => `“${s}”`,
};

export function explainStrings(lang: Lang): ExplainStrings {
  return lang === 'en' ? en : nl;
}
