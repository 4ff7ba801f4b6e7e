// The words only the HTML pages need (the pictures' titles and descriptions, the portfolio page),
// in Dutch and English. The rest comes from ui-strings.ts and summary-strings.ts, shared with the
// text and Markdown reports. One table per language, typed by one interface.
import type { Lang } from '../../core/advice.ts';

export interface HtmlStrings {
  readonly ranking: string;
  readonly rankingTitle: string;
  readonly rankingDesc: (n: number) => string;
  readonly rank: string;
  readonly family: string;
  readonly phasesTitle: string;
  readonly phasesDesc: (n: number) => string;
  readonly phaseNow: string;
  readonly nobody: string;
  readonly more: (n: number) => string;
  readonly cbTitle: string;
  readonly cbDesc: string;
  readonly cbNoFigures: string;
  readonly whoPaysTitle: string;
  readonly whoPaysDesc: string;
  readonly pays: string;
  readonly gains: string;
  readonly both: string;
  readonly transfersNone: string;
  readonly ask: string;
  readonly site: (name: string) => string;
  readonly sourceLink: (n: number) => string;
  readonly citedAs: string;
  readonly tick: (name: string) => string;
  readonly generated: (version: string, asOf: string) => string;
  readonly summaryOnly: string;
}

const nl: HtmlStrings = {
  ranking: 'Alle routes op volgorde',
  rankingTitle: 'Routes op volgorde van score',
  rankingDesc: (n) =>
    `Staafdiagram van ${n} ${n === 1 ? 'route' : 'routes'}: per route de score van 0 tot 100 en hoe goed de route past. De tabel eronder zegt hetzelfde.`,
  rank: '#',
  family: 'Familie',
  phasesTitle: 'Wie betrek je in welke fase',
  phasesDesc: (n) =>
    `Tijdlijn van de vijf fasen met ${n} ${n === 1 ? 'partij' : 'partijen'}; de lijst eronder zegt hetzelfde.`,
  phaseNow: 'jouw fase',
  nobody: '—',
  more: (n) => `+${n} meer`,
  cbTitle: 'Wie betaalt, wie wint',
  cbDesc:
    'Per partij de kosten en de baten per jaar als staven, met het netto bedrag; daaronder de verrekeningen. De tabel eronder zegt hetzelfde.',
  cbNoFigures:
    'Er zijn geen bedragen opgegeven (cost_… en benefit_…), dus er is geen rekensom per partij.',
  whoPaysTitle: 'Wie betaalt, wie profiteert',
  whoPaysDesc:
    'Twee kolommen: links de partijen die betalen, rechts de partijen die profiteren, volgens je antwoorden. De lijst eronder zegt hetzelfde.',
  pays: 'Betaalt',
  gains: 'Profiteert',
  both: 'betaalt en profiteert',
  transfersNone: 'Geen verrekening nodig.',
  ask: 'Vraag',
  site: (name) => `Website van ${name}`,
  sourceLink: (n) => `bron ${n}`,
  citedAs: 'Bron',
  tick: (name) => `Gesproken met ${name}`,
  generated: (version, asOf) => `Gemaakt met innoroute, regelset ${version}, peildatum ${asOf}.`,
  summaryOnly: 'Alleen de samenvatting; het hele advies: innoroute advise --format html.',
};

const en: HtmlStrings = {
  ranking: 'All routes in order',
  rankingTitle: 'Routes by score',
  rankingDesc: (n) =>
    `Bar chart of ${n} ${n === 1 ? 'route' : 'routes'}: for each route its score from 0 to 100 and how well it fits. The table below says the same.`,
  rank: '#',
  family: 'Family',
  phasesTitle: 'Whom to involve in which phase',
  phasesDesc: (n) =>
    `Timeline of the five phases with ${n} ${n === 1 ? 'party' : 'parties'}; the list below says the same.`,
  phaseNow: 'your phase',
  nobody: '—',
  more: (n) => `+${n} more`,
  cbTitle: 'Who pays, who gains',
  cbDesc:
    'For each party its costs and benefits per year as bars, with the net amount; below them the transfers. The table below says the same.',
  cbNoFigures: 'No amounts were given (cost_… and benefit_…), so there is no sum per party.',
  whoPaysTitle: 'Who pays, who benefits',
  whoPaysDesc:
    'Two columns: on the left the parties that pay, on the right those that benefit, from your answers. The list below says the same.',
  pays: 'Pays',
  gains: 'Benefits',
  both: 'pays and benefits',
  transfersNone: 'No transfer needed.',
  ask: 'Ask',
  site: (name) => `Website of ${name}`,
  sourceLink: (n) => `source ${n}`,
  citedAs: 'Source',
  tick: (name) => `Spoken to ${name}`,
  generated: (version, asOf) => `Made with innoroute, rule set ${version}, as of ${asOf}.`,
  summaryOnly: 'The summary only; the whole advice: innoroute advise --format html.',
};

export function htmlStrings(lang: Lang): HtmlStrings {
  return lang === 'en' ? en : nl;
}
