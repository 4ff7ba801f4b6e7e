// The words of the portfolio page (`batch --format html`), in Dutch and English.
import type { Lang } from '../../core/advice.ts';

export interface PortfolioStrings {
  readonly title: (file: string) => string;
  readonly inShort: string;
  readonly rowsLabel: string;
  readonly rows: (rows: number, ok: number, errors: number) => string;
  readonly mostCommon: string;
  readonly mostCommonText: (family: string, rows: number) => string;
  readonly noRouteLabel: string;
  readonly noRouteText: (rows: number) => string;
  readonly byFamily: string;
  readonly byFamilyIntro: string;
  readonly chartTitle: string;
  readonly chartDesc: (bars: number, rows: number) => string;
  readonly family: string;
  readonly total: string;
  readonly noRoute: string;
  readonly topStakeholders: string;
  readonly topIntro: (n: number) => string;
  readonly stakeholder: string;
  readonly rowCount: string;
  readonly share: string;
  readonly errors: string;
  readonly errorsNone: string;
  readonly line: string;
  readonly id: string;
  readonly message: string;
  readonly errorsCapped: (shown: number, total: number) => string;
  readonly rowList: string;
  readonly rowListIntro: string;
  readonly rowsCapped: (shown: number, total: number) => string;
  readonly name: string;
  readonly route: string;
  readonly fit: string;
  readonly score: string;
  readonly warnings: string;
  readonly openQuestions: string;
  readonly wrongPocket: string;
  readonly yes: string;
  readonly error: string;
  readonly noRows: string;
}

const nl: PortfolioStrings = {
  title: (file) => `Portfolio-overzicht van ${file}`,
  inShort: 'In het kort',
  rowsLabel: 'Rijen',
  rows: (rows, ok, errors) =>
    `${rows} ${rows === 1 ? 'rij' : 'rijen'}: ${ok} beoordeeld, ${errors} met fouten`,
  mostCommon: 'Meest aanbevolen familie',
  mostCommonText: (family, rows) => `${family} (${rows} ${rows === 1 ? 'rij' : 'rijen'})`,
  noRouteLabel: 'Zonder route',
  noRouteText: (rows) => `${rows} ${rows === 1 ? 'rij' : 'rijen'} zonder passende route`,
  byFamily: 'Rijen per familie en fit',
  byFamilyIntro: 'Per rij telt de eerste (aanbevolen) route.',
  chartTitle: 'Rijen per familie, naar fit',
  chartDesc: (bars, rows) =>
    `Een balk per familie (${bars}) met de ${rows} beoordeelde rijen naar fit; de tabel eronder zegt hetzelfde.`,
  family: 'Familie',
  total: 'Totaal',
  noRoute: '(geen route)',
  topStakeholders: 'Vaakst genoemde partijen',
  topIntro: (n) => `De ${n} partijen die in de meeste adviezen op de lijst staan.`,
  stakeholder: 'Partij',
  rowCount: 'Rijen',
  share: 'Deel',
  errors: 'Rijen met fouten',
  errorsNone: 'Alle rijen zijn beoordeeld.',
  line: 'Regel',
  id: 'Id',
  message: 'Fout',
  errorsCapped: (shown, total) =>
    `De eerste ${shown} van ${total} rijen met fouten; alle staan in innoroute batch --format csv (kolom error).`,
  rowList: 'Alle rijen',
  rowListIntro:
    'Per rij de aanbevolen route; het hele advies per rij: innoroute batch --format ndjson.',
  rowsCapped: (shown, total) =>
    `De eerste ${shown} van ${total} rijen staan hier; alle rijen: innoroute batch --format csv.`,
  name: 'Naam',
  route: 'Aanbevolen route',
  fit: 'Past',
  score: 'Score',
  warnings: 'Let op',
  openQuestions: 'Open vragen',
  wrongPocket: 'Verkeerde zak',
  yes: 'ja',
  error: 'fout',
  noRows: 'Er zijn geen rijen beoordeeld.',
};

const en: PortfolioStrings = {
  title: (file) => `Portfolio overview of ${file}`,
  inShort: 'In short',
  rowsLabel: 'Rows',
  rows: (rows, ok, errors) =>
    `${rows} ${rows === 1 ? 'row' : 'rows'}: ${ok} assessed, ${errors} with errors`,
  mostCommon: 'Most recommended family',
  mostCommonText: (family, rows) => `${family} (${rows} ${rows === 1 ? 'row' : 'rows'})`,
  noRouteLabel: 'Without a route',
  noRouteText: (rows) => `${rows} ${rows === 1 ? 'row' : 'rows'} without a fitting route`,
  byFamily: 'Rows by family and fit',
  byFamilyIntro: 'Each row counts its first (recommended) route.',
  chartTitle: 'Rows per family, by fit',
  chartDesc: (bars, rows) =>
    `One bar per family (${bars}) with the ${rows} assessed rows by fit; the table below says the same.`,
  family: 'Family',
  total: 'Total',
  noRoute: '(no route)',
  topStakeholders: 'Most frequent stakeholders',
  topIntro: (n) => `The ${n} parties on the checklist of the most advices.`,
  stakeholder: 'Party',
  rowCount: 'Rows',
  share: 'Share',
  errors: 'Rows with errors',
  errorsNone: 'Every row was assessed.',
  line: 'Line',
  id: 'Id',
  message: 'Error',
  errorsCapped: (shown, total) =>
    `The first ${shown} of ${total} rows with errors; all of them are in innoroute batch --format csv (the error column).`,
  rowList: 'All rows',
  rowListIntro:
    'The recommended route of each row; the whole advice per row: innoroute batch --format ndjson.',
  rowsCapped: (shown, total) =>
    `The first ${shown} of ${total} rows are listed here; all rows: innoroute batch --format csv.`,
  name: 'Name',
  route: 'Recommended route',
  fit: 'Fit',
  score: 'Score',
  warnings: 'Warnings',
  openQuestions: 'Open questions',
  wrongPocket: 'Wrong pocket',
  yes: 'yes',
  error: 'error',
  noRows: 'No rows were assessed.',
};

export function portfolioStrings(lang: Lang): PortfolioStrings {
  return lang === 'en' ? en : nl;
}
