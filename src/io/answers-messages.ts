// What the answers-file reader says about a file, in Dutch and English: these messages reach the
// innovator as they are (advise, explain and wizard --answers print them with file:line:col).
import type { Lang } from '../core/advice.ts';

export interface AnswersMessages {
  readonly warning: string;
  readonly cannotParse: (detail: string) => string;
  readonly yamlError: (detail: string) => string;
  readonly noAnswers: string;
  readonly notAMap: (found: string) => string;
  readonly aList: string;
  readonly aSingleValue: (value: string) => string;
  readonly somethingElse: string;
  readonly badKey: string;
  readonly answeredAgain: (id: string, as: string, line: number, first: string) => string;
  readonly valueUnreadable: (detail: string) => string;
  readonly tooLarge: (what: string, max: string) => string;
  readonly fileSize: (bytes: string) => string;
  readonly holdsMore: (max: string) => string;
  readonly isDirectory: string;
  readonly noSuchFile: string;
  readonly permissionDenied: string;
  readonly cannotRead: (detail: string) => string;
  readonly thousands: (id: string, text: string, value: number, plain: string) => string;
  readonly windows1252: string;
  readonly locale: string;
}

const nl: AnswersMessages = {
  warning: 'waarschuwing',
  cannotParse: (detail) => `het bestand kan niet worden gelezen: ${detail}`,
  yamlError: (detail) => `dit is geen geldige YAML: ${detail}`,
  noAnswers: 'het bestand bevat geen antwoorden; elke vraag staat nog open',
  notAMap: (found) =>
    `een antwoordenbestand koppelt vraag-id's aan antwoorden (innovation_type: device); gevonden: ${found}`,
  aList: 'een lijst',
  aSingleValue: (value) => `één losse waarde (${value})`,
  somethingElse: 'iets anders',
  badKey: "de sleutels zijn vraag-id's, zoals innovation_type",
  answeredAgain: (id, as, line, first) =>
    `${id} wordt nog eens beantwoord${as ? ` als "${as}"` : ''}; eerst beantwoord op regel ${line} als "${first}"; houd er één over`,
  valueUnreadable: (detail) => `de waarde kan niet worden gelezen: ${detail}`,
  tooLarge: (what, max) =>
    `${what}; een antwoordenbestand mag hoogstens ${max} bytes (1 MiB) zijn, en een echt bestand is een paar kilobytes: controleer of dit het antwoordenbestand is dat je bedoelt`,
  fileSize: (bytes) => `het bestand is ${bytes} bytes`,
  holdsMore: (max) => `het bevat meer dan ${max} bytes`,
  isDirectory: 'is een map, geen antwoordenbestand',
  noSuchFile: 'het bestand bestaat niet',
  permissionDenied: 'geen toegang (leesrechten ontbreken)',
  cannotRead: (detail) => `kan niet worden gelezen: ${detail}`,
  thousands: (id, text, value, plain) =>
    `${id}: ${text} wordt gelezen als ${value} (een punt of komma is een decimaalteken); schrijf ${plain} als je ${plain} euro bedoelt`,
  windows1252:
    'het bestand is geen UTF-8; gelezen als Windows-1252 (de oude standaard van Windows). Kijk tekens als é na, of sla het op als UTF-8',
  locale: 'nl-NL',
};

const en: AnswersMessages = {
  warning: 'warning',
  cannotParse: (detail) => `the file cannot be parsed: ${detail}`,
  yamlError: (detail) => detail,
  noAnswers: 'the file has no answers; every question is open',
  notAMap: (found) =>
    `an answers file is a map from question id to answer (innovation_type: device); found ${found}`,
  aList: 'a list',
  aSingleValue: (value) => `a single value (${value})`,
  somethingElse: 'something else',
  badKey: 'keys are question ids, such as innovation_type',
  answeredAgain: (id, as, line, first) =>
    `${id} is answered again${as ? ` as "${as}"` : ''}; first answered on line ${line} as "${first}"; keep one of them`,
  valueUnreadable: (detail) => `the value cannot be read: ${detail}`,
  tooLarge: (what, max) =>
    `${what}; an answers file may be at most ${max} bytes (1 MiB), and a real one is a few kilobytes: check that this is the answers file you meant`,
  fileSize: (bytes) => `the file is ${bytes} bytes`,
  holdsMore: (max) => `it holds more than ${max} bytes`,
  isDirectory: 'is a directory, not an answers file',
  noSuchFile: 'no such file',
  permissionDenied: 'permission denied',
  cannotRead: (detail) => `cannot read: ${detail}`,
  thousands: (id, text, value, plain) =>
    `${id}: ${text} is read as ${value} (a point or comma is a decimal mark); write ${plain} if you meant ${plain} euros`,
  windows1252:
    "the file is not UTF-8; read as Windows-1252 (Windows' old default). Check characters such as é, or save it as UTF-8",
  locale: 'en',
};

export function answersMessages(lang: Lang): AnswersMessages {
  return lang === 'nl' ? nl : en;
}
