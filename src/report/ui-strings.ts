// The words around the advice: headings, labels and the few sentences the renderers and the wizard
// add themselves, in Dutch and English. The advice's own texts come from the rule files; only the
// frame lives here, so that every user-facing string exists in both languages (contract §1).
// One table per language, typed by one interface, so a string missing in either is a type error.
import type { Lang } from '../core/advice.ts';
import type { Family, Fit, Phase } from '../core/schema.ts';

export interface UiStrings {
  readonly adviceFor: (name: string) => string;
  readonly adviceUntitled: string;
  readonly rulesetLine: (version: string, asOf: string) => string;
  readonly recommendation: string;
  readonly noRoute: string;
  readonly why: string;
  readonly firstStep: string;
  readonly callFirst: string;
  readonly whoDecides: string;
  readonly nextSteps: string;
  readonly pitfalls: string;
  readonly alternatives: string;
  readonly excluded: string;
  readonly stakeholders: string;
  readonly stakeholdersIntro: string;
  readonly bring: string;
  readonly evidence: string;
  readonly evidenceNone: string;
  readonly bridge: string;
  readonly bridgeIntro: string;
  readonly leadsTo: string;
  readonly warnings: string;
  readonly costBenefit: string;
  readonly costBenefitUnit: string;
  readonly party: string;
  readonly cost: string;
  readonly benefit: string;
  readonly net: string;
  readonly total: string;
  readonly netPerParty: string;
  readonly wrongPocket: string;
  readonly noWrongPocket: string;
  readonly transfers: string;
  readonly transfer: (from: string, to: string, amount: string) => string;
  readonly arrangementsHeading: string;
  readonly openQuestions: string;
  readonly openQuestionsIntro: string;
  readonly sources: string;
  readonly verify: string;
  readonly verifyIntro: string;
  readonly verifyDefault: string;
  readonly route: string;
  readonly fitHeading: string;
  readonly score: string;
  readonly whyNot: string;
  /** Under the list of sources: where the exact places are. */
  readonly sourcesNote: string;
  readonly none: string;
  readonly fit: Readonly<Record<Fit, string>>;
  readonly phase: Readonly<Record<Phase, string>>;
  readonly when: Readonly<Record<'now' | 'next' | 'later', string>>;
  readonly family: Readonly<Record<Family, string>>;
  readonly arrangement: Readonly<Record<string, string>>;
  readonly wizard: WizardStrings;
}

export interface WizardStrings {
  readonly intro: string;
  readonly progress: (n: number, estimate: number) => string;
  readonly helpChoice: string;
  readonly backChoice: string;
  readonly skipChoice: string;
  readonly yes: string;
  readonly no: string;
  readonly textHint: string;
  readonly textHintFirst: string;
  readonly numberInvalid: string;
  readonly numberAmbiguous: (plain: string) => string;
  readonly noHelp: string;
  readonly whyAsked: string;
  readonly sourcesLabel: string;
  readonly atFirst: string;
  readonly dropped: (ids: string) => string;
  readonly unused: (ids: string) => string;
  readonly prefilled: (n: number) => string;
  readonly resumed: (n: number) => string;
  readonly done: string;
  readonly saveAnswers: string;
  readonly answersPath: string;
  readonly saveReport: string;
  readonly reportPath: string;
  readonly reportFormat: string;
  readonly reportHtml: string;
  readonly reportMarkdown: string;
  readonly overwrite: (file: string) => string;
  readonly saved: (file: string) => string;
  readonly notSaved: string;
  readonly sessionSaved: (file: string, command: string) => string;
  readonly sessionUnwritable: (file: string, why: string) => string;
  readonly needsTty: string;
  readonly noSession: (file: string) => string;
  readonly badSession: (at: string, why: string, newCommand: string, backup: string) => string;
  readonly checkboxHint: string;
  readonly sessionIsAnswers: string;
  readonly rulesChanged: string;
  readonly savedSession: (
    file: string,
    n: number,
    name: string | undefined,
    when: string,
  ) => string;
  readonly whatNow: string;
  readonly continueChoice: string;
  readonly startOverChoice: (backup: string) => string;
  readonly quitChoice: string;
  readonly sessionUnchanged: (file: string, command: string) => string;
  readonly nothingSaved: string;
  readonly startingOver: (file: string, backup: string) => string;
  readonly resumeAndNew: string;
  readonly legacyMoved: (legacy: string, file: string) => string;
  readonly legacyAlso: (legacy: string) => string;
}

const nl: UiStrings = {
  adviceFor: (name) => `Advies voor ${name}`,
  adviceUntitled: 'Advies voor je innovatie',
  rulesetLine: (version, asOf) => `Regelset ${version} · peildatum ${asOf}`,
  recommendation: 'Aanbevolen route',
  noRoute:
    'Met deze antwoorden past nog geen route. Beantwoord de open vragen hieronder, dan wordt het advies scherper.',
  why: 'Waarom',
  firstStep: 'Eerste stap',
  callFirst: 'Neem eerst contact op met',
  whoDecides: 'Wie beslist',
  nextSteps: 'Stappen',
  pitfalls: 'Valkuilen',
  alternatives: 'Andere routes',
  excluded: 'Uitgesloten routes (waarom niet)',
  stakeholders: 'Wie betrek je, per fase',
  stakeholdersIntro: 'Vink af wie je gesproken hebt. "Nu" hoort bij je huidige fase of eerder.',
  bring: 'Neem mee',
  evidence: 'Bewijs per route',
  evidenceNone: 'De regels noemen geen specifiek bewijs voor deze route.',
  bridge: 'Overbruggingsfinanciering',
  bridgeIntro: 'Geld voor de tussenfase; het vervangt geen structurele route.',
  leadsTo: 'leidt naar',
  warnings: 'Let op',
  costBenefit: 'Kosten en baten',
  costBenefitUnit: 'euro per jaar',
  party: 'Partij',
  cost: 'Kosten',
  benefit: 'Baten',
  net: 'Netto',
  total: 'Totaal',
  netPerParty: 'Netto per partij',
  wrongPocket:
    'Verkeerde zak: een partij die investeert, krijgt de baten niet. Maak afspraken over het verdelen van de besparing.',
  noWrongPocket: 'Kosten en baten vallen bij dezelfde partijen.',
  transfers: 'Verrekening om iedereen quitte te laten spelen',
  transfer: (from, to, amount) => `${from} → ${to}: ${amount}`,
  arrangementsHeading: 'Afspraken die hierbij passen',
  openQuestions: 'Open vragen',
  openQuestionsIntro: 'Beantwoord deze om het advies scherper te maken:',
  sources: 'Bronnen',
  verify: 'Controleer',
  verifyIntro: 'Deze punten hangen af van details die kunnen veranderen; bevestig ze eerst:',
  verifyDefault: 'bevestig dit bij de genoemde instantie',
  route: 'Route',
  fitHeading: 'Past',
  score: 'Score',
  whyNot: 'Waarom niet',
  sourcesNote:
    'De precieze plaatsen in de brondocumenten (regelnummers) staan in innoroute advise --format json.',
  none: 'geen',
  fit: { strong: 'sterk', possible: 'mogelijk', unlikely: 'onwaarschijnlijk' },
  phase: {
    explore: 'Verkennen',
    develop: 'Ontwikkelen',
    demonstrate: 'Demonstreren',
    implement: 'Implementeren',
    scale: 'Opschalen',
  },
  when: { now: 'nu', next: 'straks', later: 'later' },
  family: {
    zvw: 'Zvw (zorgverzekeraar)',
    wlz: 'Wlz (zorgkantoor)',
    wmo: 'Wmo en Jeugdwet (gemeente)',
    'werk-en-inkomen': 'Werk en inkomen',
    consumer: 'Consument',
  },
  arrangement: {
    'shared-savings': 'gedeelde besparingen (shared savings)',
    'bundled-payment': 'bundelbekostiging voor de hele keten',
    'population-payment': 'populatiebekostiging',
    'joint-plan-gemeente-insurer': 'gezamenlijk plan van gemeente en zorgverzekeraar',
    'insurance-group-multi-line':
      'verzekeraar die meerdere verzekeringen (zorg, inkomen) combineert',
    'charge-employer': 'de werkgever laten betalen',
    'multi-year-contract': 'meerjarig contract',
    'bridge-investor': 'investeerder die de aanloop overbrugt',
    'sroi-first': 'eerst de maatschappelijke opbrengst (SROI) in kaart brengen',
    'transition-fund': 'transitiefonds',
  },
  wizard: {
    intro:
      'innoroute stelt je een paar vragen over je innovatie en geeft dan een advies over de financieringsroute.\n' +
      'Kies "? Uitleg" voor de reden van een vraag, "← Vorige vraag" om terug te gaan. Ctrl+C bewaart je sessie.',
    progress: (n, estimate) => `Vraag ${n} van ~${estimate}`,
    helpChoice: '? Uitleg bij deze vraag',
    backChoice: '← Vorige vraag',
    skipChoice: 'Weet ik niet / sla over',
    yes: 'Ja',
    no: 'Nee',
    textHint: '(? = uitleg, < = vorige vraag, leeg = overslaan)',
    textHintFirst: '(? = uitleg, leeg = overslaan)',
    numberAmbiguous: (plain) =>
      `Schrijf bedragen zonder punten voor duizendtallen: ${plain} (een komma alleen voor centen, zoals 1250,50)`,
    numberInvalid:
      'Vul een bedrag in euro in, zoals 250000 of 1250,50 (zonder punten voor duizendtallen)',
    noHelp: 'Bij deze vraag is geen uitleg vastgelegd.',
    whyAsked: 'Waarom we dit vragen',
    sourcesLabel: 'Bron',
    atFirst: 'Dit is de eerste vraag; er is geen vorige.',
    dropped: (ids) =>
      `Met dit antwoord zijn eerdere antwoorden niet meer van toepassing en vervallen: ${ids}`,
    unused: (ids) => `Deze antwoorden tellen niet mee voor het advies en zijn weggelaten: ${ids}`,
    prefilled: (n) => `${n} antwoord(en) overgenomen; die vragen slaan we over.`,
    resumed: (n) => `Sessie hervat met ${n} antwoord(en).`,
    done: 'Klaar. Dit is je advies:',
    saveAnswers: 'Je antwoorden bewaren (YAML, te gebruiken met innoroute advise)?',
    answersPath: 'Bestand voor de antwoorden',
    saveReport: 'Het advies bewaren als rapport om te delen?',
    reportPath: 'Bestand voor het rapport',
    reportFormat: 'In welke vorm?',
    reportHtml: 'HTML — een pagina voor de browser, te printen als pdf',
    reportMarkdown: 'Markdown — tekst voor een wiki, e-mail of document',
    overwrite: (file) => `${file} bestaat al. Overschrijven?`,
    saved: (file) => `Bewaard: ${file}`,
    notSaved: 'Niet bewaard.',
    sessionSaved: (file, command) => `Sessie bewaard in ${file}; ga verder met ${command}`,
    sessionUnwritable: (file, why) =>
      `de sessie kan niet worden bewaard in ${file}: ${why}; kies een andere plek met --session <bestand>`,
    needsTty:
      'de wizard heeft een terminal nodig om vragen te stellen; gebruik innoroute advise <antwoordenbestand> voor een advies zonder vragen',
    noSession: (file) =>
      `geen bewaarde sessie gevonden in ${file}; start een nieuwe met innoroute wizard (of geef --session <bestand>)`,
    badSession: (at, why, newCommand, backup) =>
      `de bewaarde sessie kan niet worden gelezen: ${at}: ${why}. Het bestand blijft zoals het is; herstel het, of begin opnieuw met ${newCommand} (de sessie gaat dan naar ${backup})`,
    rulesChanged:
      'De regels zijn veranderd sinds de sessie werd bewaard; je antwoorden zijn opnieuw nagekeken en er kunnen nieuwe vragen zijn.',
    sessionIsAnswers:
      '--session en --answers wijzen naar hetzelfde bestand; kies een ander sessiebestand',
    checkboxHint: '(niets aangevinkt = overslaan)',
    savedSession: (file, n, name, when) =>
      `Er is een bewaarde sessie in ${file}: ${n} antwoord(en)${name ? ` voor ${name}` : ''}, bewaard ${when}.`,
    whatNow: 'Wat wil je doen?',
    continueChoice: 'Verdergaan met die sessie',
    startOverChoice: (backup) => `Opnieuw beginnen (de bewaarde sessie gaat naar ${backup})`,
    quitChoice: 'Stoppen (er verandert niets)',
    sessionUnchanged: (file, command) =>
      `De bewaarde sessie in ${file} is niet veranderd; ga verder met ${command}`,
    nothingSaved: 'Gestopt. Er was nog niets beantwoord, dus er is niets bewaard.',
    startingOver: (file, backup) =>
      `Je begint opnieuw. Bij je eerste antwoord gaat de bewaarde sessie uit ${file} naar ${backup}; stop je eerder, dan verandert er niets.`,
    resumeAndNew: '--resume en --new sluiten elkaar uit: kies verdergaan of opnieuw beginnen',
    legacyMoved: (legacy, file) =>
      `Sessie van een eerdere versie gevonden in ${legacy}; vanaf nu wordt die bewaard in ${file}.`,
    legacyAlso: (legacy) =>
      `In ${legacy} staat nog een sessie van een eerdere versie; ga daarmee verder met innoroute wizard --resume --session ${legacy}`,
  },
};

const en: UiStrings = {
  adviceFor: (name) => `Advice for ${name}`,
  adviceUntitled: 'Advice for your innovation',
  rulesetLine: (version, asOf) => `Rule set ${version} · as of ${asOf}`,
  recommendation: 'Recommended route',
  noRoute:
    'No route fits these answers yet. Answer the open questions below to sharpen the advice.',
  why: 'Why',
  firstStep: 'First step',
  callFirst: 'Contact first',
  whoDecides: 'Who decides',
  nextSteps: 'Steps',
  pitfalls: 'Pitfalls',
  alternatives: 'Other routes',
  excluded: 'Excluded routes (why not)',
  stakeholders: 'Whom to involve, by phase',
  stakeholdersIntro:
    'Tick off whom you have spoken to. "Now" belongs to your current phase or earlier.',
  bring: 'Bring',
  evidence: 'Evidence per route',
  evidenceNone: 'The rules name no specific evidence for this route.',
  bridge: 'Bridge funding',
  bridgeIntro: 'Money for the interim; it does not replace a structural route.',
  leadsTo: 'leads to',
  warnings: 'Watch out',
  costBenefit: 'Costs and benefits',
  costBenefitUnit: 'euros per year',
  party: 'Party',
  cost: 'Cost',
  benefit: 'Benefit',
  net: 'Net',
  total: 'Total',
  netPerParty: 'Net per party',
  wrongPocket:
    'Wrong pocket: a party that invests does not get the benefits. Agree how the savings are shared.',
  noWrongPocket: 'Costs and benefits fall on the same parties.',
  transfers: 'Transfers that would leave no party worse off',
  transfer: (from, to, amount) => `${from} → ${to}: ${amount}`,
  arrangementsHeading: 'Arrangements that fit',
  openQuestions: 'Open questions',
  openQuestionsIntro: 'Answer these to sharpen the advice:',
  sources: 'Sources',
  verify: 'Confirm',
  verifyIntro: 'These points depend on details that may change; confirm them first:',
  verifyDefault: 'confirm this with the authority named',
  route: 'Route',
  fitHeading: 'Fit',
  score: 'Score',
  whyNot: 'Why not',
  sourcesNote:
    'The exact places in the source documents (line numbers) are in innoroute advise --format json.',
  none: 'none',
  fit: { strong: 'strong', possible: 'possible', unlikely: 'unlikely' },
  phase: {
    explore: 'Explore',
    develop: 'Develop',
    demonstrate: 'Demonstrate',
    implement: 'Implement',
    scale: 'Scale',
  },
  when: { now: 'now', next: 'next', later: 'later' },
  family: {
    zvw: 'Zvw (health insurer)',
    wlz: 'Wlz (zorgkantoor)',
    wmo: 'Wmo and Youth Act (gemeente)',
    'werk-en-inkomen': 'Work and income',
    consumer: 'Consumer',
  },
  arrangement: {
    'shared-savings': 'shared savings',
    'bundled-payment': 'a bundled payment for the whole chain',
    'population-payment': 'population-based payment',
    'joint-plan-gemeente-insurer': 'a joint plan of gemeente and health insurer',
    'insurance-group-multi-line': 'an insurer that combines several lines (health, income)',
    'charge-employer': 'charging the employer',
    'multi-year-contract': 'a multi-year contract',
    'bridge-investor': 'an investor who bridges the start-up period',
    'sroi-first': 'mapping the social return (SROI) first',
    'transition-fund': 'a transition fund',
  },
  wizard: {
    intro:
      'innoroute asks a few questions about your innovation, then advises on the financing route.\n' +
      'Choose "? Explain" for why a question is asked, "← Previous question" to go back. Ctrl+C saves your session.',
    progress: (n, estimate) => `Question ${n} of ~${estimate}`,
    helpChoice: '? Explain this question',
    backChoice: '← Previous question',
    skipChoice: "Don't know / skip",
    yes: 'Yes',
    no: 'No',
    textHint: '(? = explain, < = previous question, empty = skip)',
    textHintFirst: '(? = explain, empty = skip)',
    numberAmbiguous: (plain) =>
      `Write amounts without thousands separators: ${plain} (a decimal mark only for cents, such as 1250.50)`,
    numberInvalid: 'Enter an amount in euros, such as 250000 or 1250.50 (no thousands separators)',
    noHelp: 'No explanation is recorded for this question.',
    whyAsked: 'Why we ask',
    sourcesLabel: 'Source',
    atFirst: 'This is the first question; there is no previous one.',
    dropped: (ids) => `With this answer, earlier answers no longer apply and were dropped: ${ids}`,
    unused: (ids) => `These answers do not count for the advice and were left out: ${ids}`,
    prefilled: (n) => `${n} answer(s) taken over; those questions are skipped.`,
    resumed: (n) => `Session resumed with ${n} answer(s).`,
    done: 'Done. This is your advice:',
    saveAnswers: 'Save your answers (YAML, usable with innoroute advise)?',
    answersPath: 'File for the answers',
    saveReport: 'Save the advice as a report to share?',
    reportPath: 'File for the report',
    reportFormat: 'In which form?',
    reportHtml: 'HTML — a page for the browser, printable to PDF',
    reportMarkdown: 'Markdown — text for a wiki, an e-mail or a document',
    overwrite: (file) => `${file} exists. Overwrite?`,
    saved: (file) => `Saved: ${file}`,
    notSaved: 'Not saved.',
    sessionSaved: (file, command) => `Session saved in ${file}; continue with ${command}`,
    sessionUnwritable: (file, why) =>
      `the session cannot be saved in ${file}: ${why}; choose another place with --session <file>`,
    needsTty:
      'the wizard needs a terminal to ask questions; use innoroute advise <answers-file> for an advice without questions',
    noSession: (file) =>
      `no saved session found at ${file}; start a new one with innoroute wizard (or pass --session <file>)`,
    badSession: (at, why, newCommand, backup) =>
      `the saved session cannot be read: ${at}: ${why}. The file is left as it is; repair it, or start over with ${newCommand} (the session then moves to ${backup})`,
    rulesChanged:
      'The rules changed since the session was saved; your answers were checked again and there may be new questions.',
    sessionIsAnswers: '--session and --answers name the same file; choose another session file',
    checkboxHint: '(nothing ticked = skip)',
    savedSession: (file, n, name, when) =>
      `There is a saved session in ${file}: ${n} answer(s)${name ? ` for ${name}` : ''}, saved ${when}.`,
    whatNow: 'What do you want to do?',
    continueChoice: 'Continue that session',
    startOverChoice: (backup) => `Start over (the saved session moves to ${backup})`,
    quitChoice: 'Quit (nothing changes)',
    sessionUnchanged: (file, command) =>
      `The saved session in ${file} is unchanged; continue with ${command}`,
    nothingSaved: 'Stopped. Nothing was answered yet, so nothing was saved.',
    startingOver: (file, backup) =>
      `Starting over. At your first answer the saved session in ${file} moves to ${backup}; if you stop before that, nothing changes.`,
    resumeAndNew: '--resume and --new exclude each other: choose to continue or to start over',
    legacyMoved: (legacy, file) =>
      `Found a session from an earlier version in ${legacy}; from now on it is kept in ${file}.`,
    legacyAlso: (legacy) =>
      `${legacy} holds a session from an earlier version; continue it with innoroute wizard --resume --session ${legacy}`,
  },
};

const STRINGS: Readonly<Record<Lang, UiStrings>> = { nl, en };

export function ui(lang: Lang): UiStrings {
  return STRINGS[lang];
}
