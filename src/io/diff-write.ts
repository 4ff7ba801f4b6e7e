// The streamed formats of `innoroute diff`: `csv` (one row per changed input, the id column as
// `batch` writes it, the input's delimiter, BOM and line ending, cells escaped against formulas)
// and `json` (one object: the changed inputs as they come, then the summary). Every changed input
// is written, however many; the other formats are reports of DiffReport (src/report/diff-*.ts).
import type { Cause, InputChange, SideOf } from '../core/diff.ts';
import type { DiffReport } from '../core/diff-report.ts';
import type { OutputCell } from './csv.ts';
import { csvRecord, escapeFormula, LIST_SEPARATOR, outputEol } from './csv.ts';
import type { DiffWriter } from './diff-rows.ts';
import type { FileShape } from './row-pipeline.ts';

export const DIFF_COLUMNS = [
  'id',
  'route_before',
  'route_after',
  'family_before',
  'family_after',
  'fit_before',
  'fit_after',
  'routes_added',
  'routes_dropped',
  'routes_moved',
  'stakeholders_added',
  'stakeholders_dropped',
  'warnings_added',
  'warnings_dropped',
  'bridge_opened',
  'bridge_lapsed',
  'arrangements_added',
  'arrangements_dropped',
  'error_before',
  'error_after',
  'causes',
] as const;

type Locate = (c: Cause) => { file: string; line?: number };

/** A cause as one short, language-free reference: `node zvw/x branch (then → else) @ file:12`. */
export function causeRef(c: Cause, locate: Locate): string {
  const what = c.kind === 'node' ? `node ${c.tree}/${c.id}` : `${c.kind} ${c.id}`;
  const at = locate(c);
  const where = at.line !== undefined ? `${at.file}:${at.line}` : at.file;
  return `${what} ${c.change}${c.detail ? ` (${c.detail})` : ''}${where ? ` @ ${where}` : ''}`;
}

const list = (xs: readonly string[]) => xs.join(LIST_SEPARATOR);

function sideCells(s: SideOf): [string, string, string] {
  const p = s.primary;
  return p ? [p.id, p.family, p.fit] : ['', '', ''];
}

function csvCells(c: InputChange, locate: Locate): OutputCell[] {
  const [ra, fa, fita] = sideCells(c.before);
  const [rb, fb, fitb] = sideCells(c.after);
  const cells: OutputCell[] = [
    c.id,
    ra,
    rb,
    fa,
    fb,
    fita,
    fitb,
    list(c.routes.added.map((r) => r.id)),
    list(c.routes.dropped.map((r) => r.id)),
    list(
      c.routes.moved.map(
        (m) => `${m.id} ${m.before.fit} ${m.before.score}>${m.after.fit} ${m.after.score}`,
      ),
    ),
    list(c.stakeholders.added),
    list(c.stakeholders.dropped),
    list(c.warnings.added),
    list(c.warnings.dropped),
    list(c.bridge.opened),
    list(c.bridge.lapsed),
    list(c.arrangements.added),
    list(c.arrangements.dropped),
    c.before.error ?? '',
    c.after.error ?? '',
    list(c.causes.map((x) => causeRef(x, locate))),
  ];
  return cells.map(escapeFormula);
}

export function csvWriter(locate: Locate): DiffWriter {
  let shape: FileShape = { delimiter: ',', bom: false, crlf: false };
  const record = (cells: readonly OutputCell[]) =>
    csvRecord(cells, shape.delimiter, outputEol(shape.crlf));
  return {
    head(s) {
      shape = s;
      return (s.bom ? '\ufeff' : '') + record(DIFF_COLUMNS);
    },
    rows: (changes) => changes.map((c) => record(csvCells(c, locate))).join(''),
    end: () => '',
  };
}

/** The change with each cause's place: what `json` writes per changed input. */
function located(c: InputChange, locate: Locate): object {
  return { ...c, causes: c.causes.map((x) => ({ ...x, ...locate(x) })) };
}

/**
 * `{"schemaVersion":1,"changes":[…],"summary":{…}}`: the changes streamed, the summary (the
 * report without its list) at the end, when it is known.
 */
export function jsonWriter(locate: Locate, summary: () => DiffReport): DiffWriter {
  let first = true;
  return {
    head: () => '{"schemaVersion":1,"changes":[',
    rows(changes) {
      const text = changes.map((c) => JSON.stringify(located(c, locate))).join(',\n');
      const sep = first ? '\n' : ',\n';
      first = false;
      return sep + text;
    },
    end() {
      const { listed: _listed, ...rest } = summary();
      return `${first ? '' : '\n'}],\n"summary":${JSON.stringify(rest, null, 2)}}\n`;
    },
  };
}

/** Writes nothing as the rows come: the report is rendered at the end. */
export const NO_WRITER: DiffWriter = { head: () => '', rows: () => '', end: () => '' };
