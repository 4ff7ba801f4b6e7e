// What is wrong with a YAML text, in the reader's language: the bounded reader's problems
// (yaml-data.ts) and the parse errors of the yaml library, whose own messages are English and
// written for programmers. Answers files and the wizard's session reach the innovator, so under
// `--lang nl` they are said in Dutch; rule files are read by rule authors, whose diagnostics stay
// English (docs/rules.md). A parse error this table does not know keeps yaml's English words.
import type { Lang } from '../core/advice.ts';

/** What went wrong, for the caller's code: a limit passed, or a key or alias that cannot be. */
export type YamlProblemKind =
  'key' | 'unsafe-key' | 'no-anchor' | 'own-anchor' | 'aliases' | 'expansion' | 'values' | 'depth';

/** The kind of file a reader reads, as messages name it ("rule files"). */
export interface FileKindNames {
  readonly nl: string;
  readonly en: string;
}

/**
 * A problem of the bounded reader, said in `lang`. `arg`: the key or alias name, or the limit
 * passed; a `values` problem without `arg` is a value of a kind YAML data cannot hold.
 */
export function yamlProblemText(
  kind: YamlProblemKind,
  arg: string | number | undefined,
  files: FileKindNames,
  lang: Lang,
): string {
  const a = typeof arg === 'number' ? arg.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en') : arg;
  const f = files[lang];
  if (lang === 'nl') {
    switch (kind) {
      case 'key':
        return 'een sleutel moet gewone tekst zijn, geen lijst, map of alias';
      case 'unsafe-key':
        return `de sleutel "${a}" is niet toegestaan in ${f}`;
      case 'no-anchor':
        return `de alias *${a} heeft geen anker &${a} ervoor`;
      case 'own-anchor':
        return `de alias *${a} staat binnen zijn eigen anker: dat zou nooit eindigen`;
      case 'aliases':
        return `meer dan ${a} aliassen (*naam) in één bestand; schrijf de inhoud uit`;
      case 'expansion':
        return `de aliassen in dit bestand worden samen meer dan ${a} waarden (een aliasbom); schrijf de inhoud uit`;
      case 'values':
        return a === undefined
          ? 'deze waarde kan niet worden gelezen'
          : `het bestand bevat meer dan ${a} waarden; ${f} zijn veel kleiner: splits het`;
      case 'depth':
        return `lijsten en mappen zijn hier meer dan ${a} niveaus diep genest; ${f} hebben maar een paar niveaus nodig`;
    }
  }
  switch (kind) {
    case 'key':
      return 'a key must be plain text, not a list, a mapping or an alias';
    case 'unsafe-key':
      return `the key "${a}" is not allowed in ${f}`;
    case 'no-anchor':
      return `the alias *${a} has no anchor &${a} before it`;
    case 'own-anchor':
      return `the alias *${a} is inside its own anchor: it would never end`;
    case 'aliases':
      return `more than ${a} aliases (*name) in one file; write the content out instead`;
    case 'expansion':
      return `the aliases in this file expand to more than ${a} values (an alias bomb); write the content out instead`;
    case 'values':
      return a === undefined
        ? 'this value cannot be read'
        : `the file holds more than ${a} values; ${f} are much smaller: split it`;
    case 'depth':
      return `lists and mappings are nested more than ${a} levels deep here; ${f} need only a few levels`;
  }
}

/** The text of a nesting too deep for yaml's parser (`RESOURCE_EXHAUSTION`). */
export function tooDeepToParse(depth: number, lang: Lang): string {
  return lang === 'nl'
    ? `te diep genest om te lezen (meer dan ${depth} niveaus)`
    : `nested too deeply to read (more than ${depth} levels)`;
}

/**
 * A parse error of the yaml library in `lang`: `code` is yaml's error code, `message` its English
 * message without the position (the caller gives file:line:col). English gets yaml's words.
 */
export function yamlSyntaxText(code: string, message: string, lang: Lang): string {
  if (lang === 'en') return message;
  return dutchSyntax(code, message) ?? message;
}

function dutchSyntax(code: string, message: string): string | undefined {
  switch (code) {
    case 'BAD_INDENT': {
      const end = /end with an? ([\]}])/.exec(message)?.[1];
      if (end) {
        const what = end === ']' ? 'lijst die met [ begint' : 'map die met { begint';
        return `een ${what}, wordt niet met ${end} gesloten (of de regel erna springt niet ver genoeg in)`;
      }
      return 'de inspringing klopt niet: zet de regels van één lijst of map precies onder elkaar';
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(message)) return 'een aanhalingsteken wordt niet gesloten';
      if (/followed by map values/.test(message))
        return 'na een sleutel horen een dubbele punt en een waarde (sleutel: waarde)';
      return 'hier ontbreekt een teken, zoals : , ] of }';
    case 'TAB_AS_INDENT':
      return 'spring in met spaties, niet met tabs';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'een ": " in tekst zonder aanhalingstekens begint een nieuwe sleutel, en een lijst of map kan niet achter een sleutel op dezelfde regel beginnen: zet de tekst tussen aanhalingstekens, of begin de lijst op een nieuwe regel';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'een sleutel moet op één regel staan (is de inspringing van de regel ervoor goed?)';
    case 'MULTIPLE_DOCS':
      return 'het bestand bevat meer dan één document: haal de regel "---" weg';
    case 'BAD_DQ_ESCAPE': {
      const escape = /sequence (\S+)/.exec(message)?.[1];
      return `${escape ? `${escape} is ` : ''}geen geldige code tussen dubbele aanhalingstekens: schrijf \\\\ voor een backslash, of gebruik enkele aanhalingstekens`;
    }
    case 'BAD_SCALAR_START': {
      const char = /character (\S)/.exec(message)?.[1];
      return `een waarde zonder aanhalingstekens mag niet met ${char ?? 'dit teken'} beginnen: zet haar tussen aanhalingstekens`;
    }
    case 'MULTIPLE_ANCHORS':
      return 'een waarde kan maar één anker (&naam) hebben';
    case 'MULTIPLE_TAGS':
      return 'een waarde kan maar één tag (!naam) hebben';
    case 'BAD_ALIAS':
      return 'een alias (*naam) heeft een naam nodig';
    case 'UNEXPECTED_TOKEN': {
      const token = /: "(.+)"$/.exec(message)?.[1];
      return token
        ? `"${token}" past hier niet: controleer de inspringing en de aanhalingstekens`
        : 'hier staat iets wat niet past: controleer de inspringing en de aanhalingstekens';
    }
    case 'KEY_OVER_1024_CHARS':
      return 'een sleutel is langer dan 1024 tekens';
    default:
      return undefined;
  }
}
