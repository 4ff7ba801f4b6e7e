// The words of the static site (`innoroute site`) around the rules' own texts, in Dutch and
// English. Headings shared with the advice reports (steps, evidence, sources, fit words, phases,
// families) come from ui-strings.ts; only what the site alone says lives here. One table per
// language, typed by one interface, so a string missing in either is a type error.
import type { Lang } from '../core/advice.ts';
import { formatDate } from '../core/texts.ts';

export interface SiteStrings {
  readonly siteName: string;
  readonly nav: Readonly<
    Record<
      | 'start'
      | 'routes'
      | 'stakeholders'
      | 'bridges'
      | 'borders'
      | 'examples'
      | 'phases'
      | 'wizard',
      string
    >
  >;
  readonly kind: Readonly<
    Record<'route' | 'stakeholder' | 'bridge' | 'example' | 'phase' | 'page', string>
  >;
  readonly builtFrom: (name: string, version: string, hash: string, asOf: string) => string;
  readonly reviewed: (date: string) => string;
  readonly breadcrumb: string;
  readonly searchLabel: string;
  readonly searchButton: string;
  readonly searchResults: (n: number) => string;
  readonly searchNone: string;
  readonly indexHeading: string;
  readonly indexIntro: string;
  readonly indexBuilt: string;
  readonly familiesHeading: string;
  readonly familiesFigure: string;
  readonly familiesFigureDesc: string;
  readonly routesOf: (n: number) => string;
  readonly costBenefitHeading: string;
  readonly arrangementsIntro: string;
  readonly findYourRoute: string;
  readonly findYourRouteText: string;
  readonly wizardLink: string;
  readonly moreHeading: string;
  readonly more: Readonly<
    Record<'borders' | 'examples' | 'phases' | 'stakeholders' | 'bridges' | 'pages', string>
  >;
  readonly routesHeading: string;
  readonly routesIntro: string;
  readonly family: string;
  readonly lapsed: string;
  readonly validFrom: (date: string) => string;
  readonly validUntil: (date: string) => string;
  readonly verifyMark: string;
  readonly fitsHeading: string;
  readonly fitsIntro: string;
  readonly noFits: string;
  readonly inTree: (tree: string) => string;
  readonly always: string;
  readonly allOf: string;
  readonly anyOf: string;
  readonly when: string;
  readonly adjustsHeading: string;
  readonly adjustsIntro: string;
  readonly excludesHeading: string;
  readonly excludesIntro: string;
  readonly noExcludes: string;
  readonly placeHeading: string;
  readonly placeDesc: (tree: string, steps: number, nodes: number) => string;
  readonly evidenceHeading: string;
  readonly bridgesToRoute: string;
  readonly examplesOfRoute: string;
  readonly stakeholdersHeading: string;
  readonly stakeholdersIntro: string;
  readonly role: string;
  readonly whenInvolve: string;
  readonly routesNeeding: string;
  readonly noRoutesNeeding: string;
  readonly alsoInTrees: string;
  readonly bridgesHeading: string;
  readonly bridgesIntro: string;
  readonly leadsTo: string;
  readonly offeredHeading: string;
  readonly notOffered: string;
  readonly bordersHeading: string;
  readonly bordersIntro: string;
  readonly borderPair: (a: string, b: string) => string;
  readonly decidingQuestion: string;
  readonly rulesSay: string;
  readonly borderExamples: string;
  readonly examplesHeading: string;
  readonly examplesIntro: string;
  readonly workedHeading: string;
  readonly testsHeading: string;
  readonly testsIntro: string;
  readonly caseFile: (file: string) => string;
  readonly answersHeading: string;
  readonly adviceHeading: string;
  readonly adviceAsOf: (date: string) => string;
  readonly caseName: string;
  readonly noAnswers: string;
  readonly allRoutesHeading: string;
  readonly excludedHeading: string;
  readonly noRoute: string;
  readonly phasesHeading: string;
  readonly phasesIntro: string;
  readonly phaseTitle: (phase: string) => string;
  readonly phaseIntro: string;
  readonly phaseNobody: string;
  readonly forRoutes: string;
  readonly pagesHeading: string;
  readonly pagesIntro: string;
  readonly wizardHeading: string;
  readonly wizardParagraphs: readonly string[];
  readonly wizardCommands: readonly { readonly text: string; readonly command: string }[];
}

const nl: SiteStrings = {
  siteName: 'innoroute: financieringsroutes voor zorginnovatie',
  nav: {
    start: 'Start',
    routes: 'Routes',
    stakeholders: 'Partijen',
    bridges: 'Overbrugging',
    borders: 'Grenzen',
    examples: 'Voorbeelden',
    phases: 'Per fase',
    wizard: 'Wizard',
  },
  kind: {
    route: 'Route',
    stakeholder: 'Partij',
    bridge: 'Overbrugging',
    example: 'Voorbeeld',
    phase: 'Fase',
    page: 'Pagina',
  },
  builtFrom: (name, version, hash, asOf) =>
    `Gemaakt uit regelset ${name} ${version} (${hash}) met peildatum ${formatDate(asOf, 'nl')}.`,
  reviewed: (date) => `De regels zijn het laatst nagekeken op ${formatDate(date, 'nl')}.`,
  breadcrumb: 'Kruimelpad',
  searchLabel: 'Zoek op deze site',
  searchButton: 'Zoek',
  searchResults: (n) => (n === 1 ? '1 pagina gevonden' : `${n} pagina’s gevonden`),
  searchNone: 'Niets gevonden. Probeer een ander woord, of kijk in de lijst van alle pagina’s.',
  indexHeading: 'Elke financieringsroute voor je zorginnovatie op één plek',
  indexIntro:
    'Zorg en ondersteuning worden in Nederland betaald via aparte wetten, elk met een eigen betaler en eigen regels. Hier staat elke route die innoroute kent: wat ze vraagt, wie beslist en waar de grenzen tussen de betalers liggen. Alles komt uit dezelfde nagekeken, gedateerde regels met bronnen als het advies van innoroute.',
  indexBuilt: 'Waar deze site op steunt',
  familiesHeading: 'De vijf families van betalers',
  familiesFigure: 'De vijf families en de vraag wie de kosten draagt en wie de baten krijgt',
  familiesFigureDesc:
    'Vijf vakken, één per familie van betalers, met het aantal routes; eronder een balk voor de kosten-batenvraag die bij elke route hoort. De lijst hieronder zegt hetzelfde.',
  routesOf: (n) => (n === 1 ? '1 route' : `${n} routes`),
  costBenefitHeading: 'Kosten en baten: wie betaalt, wie wint',
  arrangementsIntro:
    'Vallen kosten en baten bij verschillende partijen, dan stellen de regels afspraken voor zoals:',
  findYourRoute: 'Zelf je route vinden',
  findYourRouteText:
    'Beantwoord een paar vragen en krijg een advies op maat: de aanbevolen route, wie je wanneer betrekt, het bewijs dat nodig is en de kosten en baten per partij.',
  wizardLink: 'Zo werkt de wizard',
  moreHeading: 'Verder op deze site',
  more: {
    borders: 'Grenzen tussen de families: welke vraag beslist',
    examples: 'Voorbeelden: uitgewerkte cases en testgevallen, met hun advies',
    phases: 'Per fase: wie je wanneer betrekt (een afvinklijst)',
    stakeholders: 'Alle partijen',
    bridges: 'Overbruggingsfinanciering',
    pages: 'Alle pagina’s',
  },
  routesHeading: 'Alle routes',
  routesIntro: 'Elke route per familie van betalers, met wat ze vraagt en wanneer ze past.',
  family: 'Familie',
  lapsed: 'Vervallen',
  validFrom: (d) => `Geldt vanaf ${formatDate(d, 'nl')}.`,
  validUntil: (d) => `Geldt tot en met ${formatDate(d, 'nl')}.`,
  verifyMark: 'Controleer',
  fitsHeading: 'Wanneer deze route past',
  fitsIntro:
    'De regels noemen deze route als het volgende klopt. Elk blok is één weg door de beslisboom, de beste eerst.',
  noFits: 'Geen beslisboom noemt deze route.',
  inTree: (tree) => `in de boom ${tree}`,
  always: 'elke weg door deze boom komt hier langs',
  allOf: 'al het volgende:',
  anyOf: 'een van de volgende:',
  when: 'Als',
  adjustsHeading: 'Wat de score verandert',
  adjustsIntro: 'Staat de route in het advies, dan past de score zich aan als:',
  excludesHeading: 'Wanneer niet',
  excludesIntro: 'De regels sluiten deze route uit als:',
  noExcludes: 'Geen regel sluit deze route uit.',
  placeHeading: 'Plaats in de beslisboom',
  placeDesc: (tree, steps, nodes) =>
    `De kortste weg door de boom ${tree} (${nodes} knopen) naar deze route: ${steps} ${steps === 1 ? 'beslissing' : 'beslissingen'}, van boven naar beneden. De lijst onder „${'Wanneer deze route past'}” zegt hetzelfde in woorden.`,
  evidenceHeading: 'Benodigd bewijs',
  bridgesToRoute: 'Overbrugging naar deze route',
  examplesOfRoute: 'Voorbeelden waarin dit de aanbevolen route is',
  stakeholdersHeading: 'Alle partijen',
  stakeholdersIntro: 'Wie ze zijn, wanneer je ze betrekt en welke routes hen nodig hebben.',
  role: 'Wie',
  whenInvolve: 'Wanneer betrekken',
  routesNeeding: 'Routes die deze partij nodig hebben',
  noRoutesNeeding: 'Geen route noemt deze partij.',
  alsoInTrees: 'Ook genoemd door de regels',
  bridgesHeading: 'Overbruggingsfinanciering',
  bridgesIntro:
    'Geld voor de tussenfase: ontwikkelen, bewijs verzamelen, invoeren. Het vervangt geen structurele route; elke regeling zegt naar welke familie ze leidt.',
  leadsTo: 'Leidt naar',
  offeredHeading: 'Wanneer de regels dit noemen',
  notOffered: 'Geen beslisboom noemt deze regeling.',
  bordersHeading: 'Grenzen tussen de families',
  bordersIntro:
    'Het meeste verkeerde advies ontstaat op de grens tussen twee wetten. Per paar families: welke vraag beslist, wat de regels dan zeggen, en testgevallen waarin dat antwoord een route uitsloot.',
  borderPair: (a, b) => `${a} en ${b}`,
  decidingQuestion: 'Vraag die beslist',
  rulesSay: 'Wat de regels dan zeggen',
  borderExamples: 'Voorbeelden uit de testgevallen',
  examplesHeading: 'Voorbeelden',
  examplesIntro:
    'De uitgewerkte cases en de testgevallen van de regels, elk met de antwoorden en het advies dat innoroute geeft.',
  workedHeading: 'Uitgewerkte cases',
  testsHeading: 'Testgevallen van de regels',
  testsIntro:
    'De regelauteurs schreven de namen van de testgevallen in het Engels; de antwoorden en het advies staan in het Nederlands.',
  caseFile: (file) => `Uit ${file}`,
  answersHeading: 'Antwoorden',
  adviceHeading: 'Advies',
  adviceAsOf: (d) => `Advies met peildatum ${formatDate(d, 'nl')}.`,
  caseName: 'Testgeval',
  noAnswers: 'Geen antwoorden.',
  allRoutesHeading: 'Routes in het advies',
  excludedHeading: 'Uitgesloten routes',
  noRoute: 'Met deze antwoorden past geen route.',
  phasesHeading: 'Per fase: wie je wanneer betrekt',
  phasesIntro:
    'Vijf fasen, van verkennen tot opschalen. Per fase de partijen die een route dan vraagt, als afvinklijst.',
  phaseTitle: (p) => `Fase: ${p}`,
  phaseIntro:
    'Wie je in deze fase betrekt, met de routes die erom vragen. Vink af wie je gesproken hebt (het vinkje blijft niet bewaard).',
  phaseNobody: 'Geen route noemt een partij voor deze fase.',
  forRoutes: 'Voor',
  pagesHeading: 'Alle pagina’s',
  pagesIntro: 'Elke pagina van deze site, per soort.',
  wizardHeading: 'Zo vind je je eigen route: de wizard',
  wizardParagraphs: [
    'Deze site toont alle routes. Welke route bij jouw innovatie past, hangt af van je antwoorden: voor wie, waar, binnen een behandeling of niet, in welke fase. innoroute stelt die vragen in de terminal en geeft dan het advies.',
    'innoroute is een programma voor de opdrachtregel (Node.js 20.17 of nieuwer). Bij elke vraag kies je „Uitleg bij deze vraag” voor meer toelichting; terug kan altijd. Je antwoorden worden na elk antwoord bewaard, zodat je later verder kunt.',
    'Het advies is een oriëntatie, geen juridisch of financieel advies: bevestig elke stap bij de genoemde instanties.',
  ],
  wizardCommands: [
    {
      text: 'Installeren (in een kopie van innoroute):',
      command: 'npm install && npm install -g .',
    },
    { text: 'De vragen beantwoorden:', command: 'innoroute wizard' },
    {
      text: 'Hetzelfde advies voor een antwoordenbestand, als Markdown:',
      command: 'innoroute advise antwoorden.yaml --format markdown --out advies.md',
    },
    {
      text: 'Waarom deze route, en wat het advies zou veranderen:',
      command: 'innoroute explain antwoorden.yaml',
    },
  ],
};

const en: SiteStrings = {
  siteName: 'innoroute: financing routes for care innovation',
  nav: {
    start: 'Start',
    routes: 'Routes',
    stakeholders: 'Parties',
    bridges: 'Bridge funding',
    borders: 'Borders',
    examples: 'Examples',
    phases: 'By phase',
    wizard: 'Wizard',
  },
  kind: {
    route: 'Route',
    stakeholder: 'Party',
    bridge: 'Bridge funding',
    example: 'Example',
    phase: 'Phase',
    page: 'Page',
  },
  builtFrom: (name, version, hash, asOf) =>
    `Built from rule set ${name} ${version} (${hash}) as of ${formatDate(asOf, 'en')}.`,
  reviewed: (date) => `The rules were last reviewed on ${formatDate(date, 'en')}.`,
  breadcrumb: 'Breadcrumb',
  searchLabel: 'Search this site',
  searchButton: 'Search',
  searchResults: (n) => (n === 1 ? '1 page found' : `${n} pages found`),
  searchNone: 'Nothing found. Try another word, or look at the list of all pages.',
  indexHeading: 'Every financing route for your care innovation in one place',
  indexIntro:
    'Care and support in the Netherlands are paid through separate laws, each with its own payer and its own rules. This site shows every route innoroute knows: what it asks, who decides and where the borders between the payers lie. All of it comes from the same checked, dated and sourced rules as innoroute’s advice.',
  indexBuilt: 'What this site is built from',
  familiesHeading: 'The five families of payers',
  familiesFigure: 'The five families, and who bears the costs and who gets the benefits',
  familiesFigureDesc:
    'Five boxes, one per family of payers, with the number of routes; below them a bar for the cost/benefit question that goes with every route. The list below says the same.',
  routesOf: (n) => (n === 1 ? '1 route' : `${n} routes`),
  costBenefitHeading: 'Costs and benefits: who pays, who gains',
  arrangementsIntro:
    'When costs and benefits fall on different parties, the rules propose arrangements such as:',
  findYourRoute: 'Find your own route',
  findYourRouteText:
    'Answer a few questions and get advice for your innovation: the recommended route, whom to involve when, the evidence needed and the costs and benefits per party.',
  wizardLink: 'How the wizard works',
  moreHeading: 'More on this site',
  more: {
    borders: 'Borders between the families: which question decides',
    examples: 'Examples: worked cases and test cases, with their advice',
    phases: 'By phase: whom to involve when (a checklist)',
    stakeholders: 'All parties',
    bridges: 'Bridge funding',
    pages: 'All pages',
  },
  routesHeading: 'All routes',
  routesIntro: 'Every route by family of payers, with what it asks and when it fits.',
  family: 'Family',
  lapsed: 'Lapsed',
  validFrom: (d) => `Applies from ${formatDate(d, 'en')}.`,
  validUntil: (d) => `Applies up to and including ${formatDate(d, 'en')}.`,
  verifyMark: 'Confirm',
  fitsHeading: 'When this route fits',
  fitsIntro:
    'The rules name this route when the following holds. Each block is one way through the decision tree, the best first.',
  noFits: 'No decision tree names this route.',
  inTree: (tree) => `in the tree ${tree}`,
  always: 'every way through this tree passes here',
  allOf: 'all of the following:',
  anyOf: 'one of the following:',
  when: 'If',
  adjustsHeading: 'What changes the score',
  adjustsIntro: 'When the route is in the advice, its score changes if:',
  excludesHeading: 'When not',
  excludesIntro: 'The rules rule this route out if:',
  noExcludes: 'No rule rules this route out.',
  placeHeading: 'Place in the decision tree',
  placeDesc: (tree, steps, nodes) =>
    `The shortest way through the tree ${tree} (${nodes} nodes) to this route: ${steps} ${steps === 1 ? 'decision' : 'decisions'}, top to bottom. The list under “When this route fits” says the same in words.`,
  evidenceHeading: 'Evidence needed',
  bridgesToRoute: 'Bridge funding towards this route',
  examplesOfRoute: 'Examples where this is the recommended route',
  stakeholdersHeading: 'All parties',
  stakeholdersIntro: 'Who they are, when to involve them and which routes need them.',
  role: 'Who',
  whenInvolve: 'When to involve',
  routesNeeding: 'Routes that need this party',
  noRoutesNeeding: 'No route names this party.',
  alsoInTrees: 'Also named by the rules',
  bridgesHeading: 'Bridge funding',
  bridgesIntro:
    'Money for the phase in between: developing, gathering evidence, implementing. It replaces no structural route; each scheme says which family it leads to.',
  leadsTo: 'Leads to',
  offeredHeading: 'When the rules name it',
  notOffered: 'No decision tree names this scheme.',
  bordersHeading: 'Borders between the families',
  bordersIntro:
    'Most wrong advice happens at the border between two laws. Per pair of families: which question decides, what the rules then say, and test cases where that answer ruled a route out.',
  borderPair: (a, b) => `${a} and ${b}`,
  decidingQuestion: 'Question that decides',
  rulesSay: 'What the rules then say',
  borderExamples: 'Examples from the test cases',
  examplesHeading: 'Examples',
  examplesIntro:
    'The worked cases and the rule test cases, each with its answers and the advice innoroute gives.',
  workedHeading: 'Worked cases',
  testsHeading: 'Rule test cases',
  testsIntro: 'Each test case as the rule authors named it, with its answers and its advice.',
  caseFile: (file) => `From ${file}`,
  answersHeading: 'Answers',
  adviceHeading: 'Advice',
  adviceAsOf: (d) => `Advice as of ${formatDate(d, 'en')}.`,
  caseName: 'Test case',
  noAnswers: 'No answers.',
  allRoutesHeading: 'Routes in the advice',
  excludedHeading: 'Excluded routes',
  noRoute: 'With these answers no route fits.',
  phasesHeading: 'By phase: whom to involve when',
  phasesIntro:
    'Five phases, from exploring to scaling up. Per phase the parties a route asks for then, as a checklist.',
  phaseTitle: (p) => `Phase: ${p}`,
  phaseIntro:
    'Whom to involve in this phase, with the routes that ask for them. Tick whom you have talked to (the tick is not saved).',
  phaseNobody: 'No route names a party for this phase.',
  forRoutes: 'For',
  pagesHeading: 'All pages',
  pagesIntro: 'Every page of this site, by kind.',
  wizardHeading: 'Find your own route: the wizard',
  wizardParagraphs: [
    'This site shows every route. Which route fits your innovation depends on your answers: for whom, where, within a treatment or not, in which phase. innoroute asks those questions in the terminal and then gives the advice.',
    'innoroute is a command-line program (Node.js 20.17 or later). At every question, choose “Explain this question” for more; you can always go back. Your answers are saved after every answer, so you can continue later.',
    'The advice is an orientation, not legal or financial advice: confirm each step with the authorities named.',
  ],
  wizardCommands: [
    { text: 'Install (in a clone of innoroute):', command: 'npm install && npm install -g .' },
    { text: 'Answer the questions:', command: 'innoroute wizard --lang en' },
    {
      text: 'The same advice for an answers file, as Markdown:',
      command: 'innoroute advise answers.yaml --lang en --format markdown --out advice.md',
    },
    {
      text: 'Why this route, and what would change the advice:',
      command: 'innoroute explain answers.yaml --lang en',
    },
  ],
};

export function siteStrings(lang: Lang): SiteStrings {
  return lang === 'en' ? en : nl;
}
