// An answers file or a saved session that is not valid YAML is explained in the innovator's
// language: yaml's English messages (written for programmers) are said in Dutch under --lang nl,
// with the same place; English keeps yaml's own words.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionReadError, readSession } from '../../src/cli/wizard/session-file.ts';
import { formatProblemIn, parseAnswersText } from '../../src/io/answers-file.ts';
import { tempDir } from '../advise/helpers.ts';

const said = (text: string, lang: 'nl' | 'en') =>
  parseAnswersText(text, 'a.yaml', lang).problems.map((p) => formatProblemIn(p, lang));

describe('YAML mistakes in an answers file, in Dutch', () => {
  it.each([
    [
      'phase: [explore\n',
      'a.yaml:2:1 dit is geen geldige YAML: een lijst die met [ begint, wordt niet met ] gesloten (of de regel erna springt niet ver genoeg in)',
    ],
    [
      'innovation_name: "Cue2Walk\n',
      'a.yaml:2:1 dit is geen geldige YAML: een aanhalingsteken wordt niet gesloten',
    ],
    [
      'goal:\n\t- prevention\n',
      'a.yaml:2:1 dit is geen geldige YAML: spring in met spaties, niet met tabs',
    ],
    [
      'innovation_name: Cue: 2 Walk\n',
      'a.yaml:1:18 dit is geen geldige YAML: een ": " in tekst zonder aanhalingstekens begint een nieuwe sleutel, en een lijst of map kan niet achter een sleutel op dezelfde regel beginnen: zet de tekst tussen aanhalingstekens, of begin de lijst op een nieuwe regel',
    ],
    [
      'phase: explore\n---\ngoal: cure\n',
      'a.yaml:2:1 dit is geen geldige YAML: het bestand bevat meer dan één document: haal de regel "---" weg',
    ],
    [
      'innovation_name: @home\n',
      'a.yaml:1:18 dit is geen geldige YAML: een waarde zonder aanhalingstekens mag niet met @ beginnen: zet haar tussen aanhalingstekens',
    ],
    [
      'goal: [prevention, *x]\n',
      'a.yaml:1:20 de waarde kan niet worden gelezen: de alias *x heeft geen anker &x ervoor',
    ],
  ])('%j', (text, message) => {
    expect(said(text, 'nl')).toContain(message);
  });

  it('every mistake above reads differently in Dutch than in English, at the same place', () => {
    const texts = [
      'phase: [explore\n',
      'phase: {a: 1\n',
      'innovation_name: "x\n',
      'goal:\n\t- prevention\n',
      'a:\n  - b\n - c\n',
      'a: "\\q"\n',
      'a: &x &y 1\n',
      'a: *\n',
      '- a\nb: 1\n',
      'a: ]\n',
    ];
    for (const text of texts) {
      const nl = parseAnswersText(text, 'a.yaml', 'nl').problems;
      const en = parseAnswersText(text, 'a.yaml', 'en').problems;
      expect(nl.length, text).toBeGreaterThan(0);
      expect(nl.map((p) => [p.line, p.col])).toEqual(en.map((p) => [p.line, p.col]));
      nl.forEach((p, i) => expect(p.message, text).not.toBe(en[i]!.message));
    }
  });

  it('English keeps yaml’s words', () => {
    expect(said('innovation_name: "Cue2Walk\n', 'en')).toEqual([
      'a.yaml:2:1 Missing closing "quote',
    ]);
  });

  it('a limit of the bounded reader is said in Dutch', () => {
    const lines = ['goal: &a [prevention, cure]'];
    for (let i = 0; i < 101; i++) lines.push(`k${i}: *a`);
    expect(said(lines.join('\n'), 'nl')).toContain(
      'a.yaml:102:7 de waarde kan niet worden gelezen: meer dan 100 aliassen (*naam) in één bestand; schrijf de inhoud uit',
    );
  });
});

describe('a saved session that cannot be read, in Dutch', () => {
  const session = (text: string) => {
    const path = join(tempDir(), 'session.yaml');
    writeFileSync(path, text);
    return path;
  };
  const why = (path: string, lang: 'nl' | 'en') => {
    try {
      readSession(path, 'session.yaml', lang);
    } catch (e) {
      if (e instanceof SessionReadError) return e.message;
      throw e;
    }
    return 'read';
  };

  it('says a YAML mistake and a wrong file in Dutch', () => {
    expect(why(session('version: 1\nanswers: {phase: explore\n'), 'nl')).toBe(
      'session.yaml:3:1: een map die met { begint, wordt niet met } gesloten (of de regel erna springt niet ver genoeg in)',
    );
    expect(why(session('version: 1\nanswers: {phase: explore\n'), 'en')).toBe(
      'session.yaml:3:1: Flow map in block collection must be sufficiently indented and end with a }',
    );
    expect(why(session('version: 99\nanswers: {}\n'), 'nl')).toMatch(
      /^session\.yaml:1:\d+: dit is geen innoroute-sessie \(versie \d+ verwacht\)$/,
    );
    expect(why(session('- a\n'), 'nl')).toBe('session.yaml:1:1: dit is geen innoroute-sessie');
  });
});
