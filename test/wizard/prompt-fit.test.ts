// The wizard's prompt lines fitted to the terminal (src/cli/prompt-fit.ts): the library would
// break a long question in the middle of a word at the last column.
import { stripVTControlCharacters as plain } from 'node:util';
import { describe, expect, it } from 'vitest';
import { promptStyle } from '../../src/cli/prompt-fit.ts';

const question =
  'Vraag 8 van ~29 Wordt de innovatie binnen een behandeling ingezet of voorgeschreven door een zorgverlener? (Nee = de gebruiker gebruikt haar zelf, als zelfzorg.)';

/** What the library draws: the sign, a space, the message, and when answered a space and the answer. */
const drawn = (message: string, answer?: string) =>
  plain(`✔ ${message}${answer === undefined ? '' : ` ${answer}`}`).split('\n');

describe('promptStyle', () => {
  it('wraps a long message at words, its lines under the first, within the width', () => {
    for (const columns of [100, 60, 40]) {
      const style = promptStyle(() => columns);
      const lines = drawn(style.message(question, 'idle'));
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) expect(l.length, l).toBeLessThan(columns);
      for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}\S/);
      // every word whole, in order
      expect(lines.map((l) => l.trim()).join(' ')).toBe(`✔ ${question}`);
    }
  });

  it('leaves a message that fits on one line as it is', () => {
    const style = promptStyle(() => 100);
    expect(plain(style.message('Hoe heet je innovatie?', 'idle'))).toBe('Hoe heet je innovatie?');
  });

  it('puts an answer after the message when it fits, else on a line of its own', () => {
    const style = promptStyle(() => 60);
    const short = style.message('Wie gebruikt de innovatie vooral?', 'done');
    expect(drawn(short, style.answer('Zorgverlener'))).toEqual([
      '✔ Wie gebruikt de innovatie vooral? Zorgverlener',
    ]);
    const long = style.message(question, 'done');
    const lines = drawn(long, style.answer('Patiënten in de curatieve zorg, Mantelzorgers'));
    expect(lines.at(-1)).toBe('  Patiënten in de curatieve zorg, Mantelzorgers');
    for (const l of lines) expect(l.trimEnd().length, l).toBeLessThan(60);
  });

  it('shows the hint while the prompt is open, not once it is answered', () => {
    const style = promptStyle(() => 100, '(spatie = aanvinken)');
    expect(plain(style.message('Voor wie?', 'idle'))).toBe('Voor wie? (spatie = aanvinken)');
    expect(plain(style.message('Voor wie?', 'done'))).toBe('Voor wie?');
  });

  it('wraps a choice description to the width, and follows a resized terminal', () => {
    let columns = 100;
    const style = promptStyle(() => columns);
    const text =
      'Mensen die bijvoorbeeld door een ziekenhuis, huisarts, fysiotherapeut of de ggz worden behandeld.';
    expect(plain(style.description(text)).split('\n')).toHaveLength(1);
    columns = 40;
    const lines = plain(style.description(text)).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.length).toBeLessThan(40);
  });
});
