import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/core/advice.ts';
import {
  csvRecord,
  describeHead,
  detectDelimiter,
  errorCells,
  escapeFormula,
  lineBreaks,
  OUTPUT_COLUMNS,
  parseDelimiterOption,
  peekHead,
  verdictCells,
} from '../../src/io/csv.ts';
import { verdictOf } from '../../src/core/engine.ts';

describe('detectDelimiter', () => {
  it('takes the most frequent of , ; and tab in the header', () => {
    expect(detectDelimiter('id,innovation_type,goal')).toBe(',');
    expect(detectDelimiter('id;innovation_type;goal')).toBe(';');
    expect(detectDelimiter('id\tinnovation_type\tgoal')).toBe('\t');
  });

  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('"a,b,c,d";x;y')).toBe(';');
    expect(detectDelimiter('"a;b;c;d",x,y')).toBe(',');
  });

  it('falls back to , for one column and for ties', () => {
    expect(detectDelimiter('innovation_type')).toBe(',');
    expect(detectDelimiter('a,b;c')).toBe(',');
  });
});

describe('parseDelimiterOption', () => {
  it('accepts , ; tab and \\t', () => {
    expect(parseDelimiterOption(',')).toBe(',');
    expect(parseDelimiterOption(';')).toBe(';');
    expect(parseDelimiterOption('tab')).toBe('\t');
    expect(parseDelimiterOption('TAB')).toBe('\t');
    expect(parseDelimiterOption('\\t')).toBe('\t');
    expect(parseDelimiterOption('\t')).toBe('\t');
  });

  it('refuses anything else', () => {
    expect(parseDelimiterOption('|')).toBeUndefined();
    expect(parseDelimiterOption(',;')).toBeUndefined();
    expect(parseDelimiterOption('')).toBeUndefined();
  });
});

describe('describeHead', () => {
  it('sees a BOM, CRLF and the header line', () => {
    const head = describeHead(Buffer.from('\ufeffid;goal\r\nA;prevention\r\n'));
    expect(head).toEqual({
      bom: true,
      headerLine: 'id;goal',
      crlf: true,
      notUtf8: false,
      empty: false,
      kind: { kind: 'text' },
    });
  });

  it('reads a header line with a quoted newline as one line', () => {
    const head = describeHead(Buffer.from('"id\nx",goal\nA,b\n'));
    expect(head.headerLine).toBe('"id\nx",goal');
    expect(head.crlf).toBe(false);
  });

  it('flags bytes that are not UTF-8 (a Windows-1252 export)', () => {
    const head = describeHead(Buffer.from([0x69, 0x64, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expect(head.notUtf8).toBe(true);
  });

  it('does not flag a character cut at the end of the bytes read', () => {
    const euro = Buffer.from('id\n€', 'utf8');
    expect(describeHead(euro.subarray(0, euro.length - 1)).notUtf8).toBe(false);
  });
});

describe('peekHead', () => {
  it('gives back every byte, head included, across chunks', async () => {
    const chunks = ['id;go', 'al\r\nA;prev', 'ention\r\n', 'B;cure_treatment\r\n'];
    const { head, stream } = await peekHead(Readable.from(chunks.map((c) => Buffer.from(c))));
    expect(head.headerLine).toBe('id;goal');
    expect(head.crlf).toBe(true);
    const back: Buffer[] = [];
    for await (const c of stream) back.push(c as Buffer);
    expect(Buffer.concat(back).toString()).toBe(chunks.join(''));
  });

  it('reports an empty input', async () => {
    const { head } = await peekHead(Readable.from([]));
    expect(head.empty).toBe(true);
  });
});

describe('lineBreaks', () => {
  it('counts CRLF, LF and CR once each', () => {
    expect(lineBreaks('a\r\nb\nc\rd')).toBe(3);
    expect(lineBreaks('abc')).toBe(0);
  });
});

describe('escapeFormula', () => {
  it('prefixes text that a spreadsheet would run', () => {
    for (const s of ['=1+1', '+31', '-2', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(escapeFormula(s)).toBe(`'${s}`);
    }
  });

  it('leaves other text and all numbers alone', () => {
    expect(escapeFormula('Cue2Walk')).toBe('Cue2Walk');
    expect(escapeFormula('a=b')).toBe('a=b');
    expect(escapeFormula('')).toBe('');
    expect(escapeFormula(-300000)).toBe(-300000);
    expect(escapeFormula(82)).toBe(82);
  });
});

describe('csvRecord', () => {
  const delimiters = ['\t', ',', ';'] as const;
  // the characters that matter (delimiters, quotes, line breaks, formula starters) and any other
  const cellText = fc.string({
    unit: fc.oneof(
      fc.constantFrom(',', ';', '\t', '"', '\r', '\n', '=', '-', "'", ' ', 'é', '—', '\ud800'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 12,
  });
  const cell = fc.oneof(cellText, fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true }));

  it('writes what csv-stringify writes (quoting every line break), and reads back the same', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...delimiters),
        fc.boolean(),
        (cells, delimiter, crlf) => {
          const got = csvRecord(cells, delimiter, crlf ? '\r\n' : '\n');
          const record_delimiter = crlf ? 'windows' : 'unix';
          const options = { delimiter, record_delimiter, quote_record_delimiter: true } as const;
          expect(got).toBe(stringify([cells], options));
          // read back as bytes, as a file is (a lone surrogate is written as U+FFFD)
          const back = parse(Buffer.from(got), { delimiter, relax_quotes: true }) as string[][];
          expect(back).toEqual([cells.map((c) => Buffer.from(String(c)).toString())]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('quotes a lone CR or LF whatever the line ending, so that the row stays one row', () => {
    expect(csvRecord(['a\rb', 'c'], ',', '\n')).toBe('"a\rb",c\n');
    expect(csvRecord(['a\nb', 'c'], ',', '\r\n')).toBe('"a\nb",c\r\n');
    expect(csvRecord(['a,b', 'say "hi"', -5, ''], ';', '\n')).toBe('a,b;"say ""hi""";-5;\n');
    expect(csvRecord(['a;b', 'x'], ',', '\n')).toBe('a;b,x\n');
  });
});

describe('output cells', () => {
  const advice = {
    schemaVersion: 1,
    ruleset: { version: '1.0.0', hash: 'sha256:x', asOf: '2026-11-27' },
    input: { id: 'CVA' },
    routes: [
      {
        id: 'zvw.existing-prestatie',
        family: 'zvw',
        fit: 'strong',
        score: 82,
        title: 't',
        reasons: [],
        steps: [],
        evidence: [],
        verify: false,
      },
      {
        id: 'wmo.maatwerk',
        family: 'wmo',
        fit: 'possible',
        score: 50,
        title: 't',
        reasons: [],
        steps: [],
        evidence: [],
        verify: false,
      },
    ],
    excluded: [],
    stakeholders: [
      { id: 'zorgverzekeraar', name: 'Z', phase: 'implement', why: 'w' },
      { id: 'nza', name: 'N', phase: 'develop', why: 'w' },
    ],
    costBenefit: {
      parties: [
        { party: 'hospital', cost: 0, benefit: 20000000, net: 20000000 },
        { party: 'gp', cost: 2000000, benefit: 0, net: -2000000 },
        { party: 'patient', cost: 0.4, benefit: 0, net: -0.4 },
      ],
      total: 17999999.6,
      wrongPocket: true,
      transfers: [],
      arrangements: [],
    },
    bridgeFunding: [],
    warnings: [{ id: 'wrong-pocket', text: 'w' }],
    openQuestions: ['phase', 'evidence_level'],
  } as const satisfies Advice;

  it('fill every column of an advised row', () => {
    const cells = verdictCells('CVA', verdictOf(advice));
    expect(cells).toHaveLength(OUTPUT_COLUMNS.length);
    expect(Object.fromEntries(OUTPUT_COLUMNS.map((c, i) => [c, cells[i]]))).toEqual({
      id: 'CVA',
      status: 'ok',
      route: 'zvw.existing-prestatie',
      family: 'zvw',
      fit: 'strong',
      score: 82,
      alternatives: 'wmo.maatwerk (possible)',
      stakeholders: 'zorgverzekeraar|nza',
      warnings: 'wrong-pocket',
      open_questions: 'phase|evidence_level',
      wrong_pocket: 'yes',
      wrong_pocket_amount: -2000000,
      error: '',
    });
  });

  it('leave the advice columns of an error row empty', () => {
    const cells = errorCells('7', 'line 7: wrong');
    expect(cells).toHaveLength(OUTPUT_COLUMNS.length);
    expect(cells[1]).toBe('error');
    expect(cells.slice(2, -1).every((c) => c === '')).toBe(true);
    expect(cells.at(-1)).toBe('line 7: wrong');
  });

  it('leave wrong pocket empty without figures', () => {
    const cells = verdictCells('x', verdictOf({ ...advice, costBenefit: null, routes: [] }));
    expect(cells.slice(2, 6)).toEqual(['', '', '', '']);
    expect(cells[10]).toBe('');
    expect(cells[11]).toBe('');
  });
});
