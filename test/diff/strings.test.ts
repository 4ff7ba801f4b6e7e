// diff's summary line with the counts of a large portfolio, as each language writes numbers.
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/core/diff-report.ts';
import { summaryLine } from '../../src/report/diff-strings.ts';

// only the counts matter to the summary line
const counts = { inputs: 120_000, changed: 1_234, unchanged: 117_766, notAssessed: 1_000 };
const report = counts as unknown as DiffReport;

describe('the summary line', () => {
  it('writes large counts as the language does', () => {
    expect(summaryLine(report, 'nl')).toBe(
      '120.000 invoeren vergeleken: 1.234 veranderd, 117.766 ongewijzigd; 1.000 aan geen van beide kanten te beoordelen',
    );
    expect(summaryLine(report, 'en')).toBe(
      '120,000 inputs compared: 1,234 changed, 117,766 unchanged; 1,000 could be assessed on neither side',
    );
  });
});
