// The one stylesheet of every HTML page innoroute writes (the advice, the portfolio of `batch`, the
// static site): inlined in a <style> by page.tsx, so a page is a single file that makes no request.
// A .ts module, not a .css file, because tsc does not copy .css files into dist/.
//
// Readable on a phone (no horizontal page overflow at 390 px: wide tables scroll inside their own
// box, long words and URLs break) and on a desktop (a measure of about 46em), and printable: black
// on white, no link colours, the address of a source link printed after it, no page break inside a
// card, a figure or a table row. Colours meet WCAG AA contrast on white; no colour carries
// meaning alone (every bar, fit and phase is also written out).

/** Colours shared with the SVG pictures (svg-*.tsx), so the chart and the page agree. */
export const COLORS = {
  text: '#1a1a1a',
  muted: '#4a4a4a',
  line: '#b8b8b8',
  faint: '#f2f2f2',
  accent: '#0b4f8a',
  strong: '#1d6b3a',
  possible: '#8a5300',
  unlikely: '#5c5c5c',
  cost: '#a3261c',
  benefit: '#1d6b3a',
  warn: '#8a5300',
} as const;

export const STYLESHEET = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; padding: 0 1rem 2rem; background: #fff; color: ${COLORS.text};
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: break-word; word-wrap: break-word;
}
.page { max-width: 46rem; margin: 0 auto; }
.page-wide { max-width: 64rem; }
a { color: ${COLORS.accent}; overflow-wrap: anywhere; }
a:focus-visible { outline: 3px solid ${COLORS.accent}; outline-offset: 2px; }
h1, h2, h3 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.75rem; margin-top: 1rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid ${COLORS.line}; padding-bottom: 0.2em; }
h3 { font-size: 1.1rem; }
p, ul, ol { margin: 0.5em 0; }
ul, ol { padding-left: 1.4em; }
li { margin: 0.2em 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em;
  background: ${COLORS.faint}; padding: 0 0.2em; border-radius: 3px; overflow-wrap: anywhere; }
.site-header { border-bottom: 1px solid ${COLORS.line}; padding: 0.5rem 0; }
.site-header .meta { color: ${COLORS.muted}; margin: 0.25em 0; font-size: 0.95rem; }
.disclaimer { border-left: 4px solid ${COLORS.line}; padding: 0.25em 0.75em; margin: 0.75em 0;
  color: ${COLORS.muted}; font-size: 0.95rem; }
nav ul { list-style: none; padding: 0; margin: 0.5em 0; display: flex; flex-wrap: wrap; gap: 0.25em 1em; }
nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: ${COLORS.text}; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.25em 0.5em; }
.summary { border: 2px solid ${COLORS.accent}; border-radius: 6px; padding: 0.25rem 1rem 0.75rem; margin: 1rem 0; }
.summary h2 { border: 0; margin-top: 0.5em; }
.summary dl { margin: 0; }
.summary dt { font-weight: 700; margin-top: 0.5em; }
.summary dd { margin: 0 0 0 0; }
.card { border: 1px solid ${COLORS.line}; border-radius: 6px; padding: 0.25rem 1rem 0.75rem; margin: 1rem 0; }
.card h3 { margin-top: 0.6em; }
.fit { display: inline-block; font-weight: 700; font-size: 0.9rem; padding: 0 0.45em;
  border: 1.5px solid currentColor; border-radius: 999px; white-space: nowrap; }
.fit-strong { color: ${COLORS.strong}; }
.fit-possible { color: ${COLORS.possible}; }
.fit-unlikely { color: ${COLORS.unlikely}; }
.muted { color: ${COLORS.muted}; }
.id { color: ${COLORS.muted}; font-size: 0.85rem; }
.cite { text-decoration: none; white-space: nowrap; font-size: 0.9em; }
.warnings li { list-style: none; margin-left: -1.4em; padding-left: 1.6em; text-indent: -1.6em; }
.warnings li::before { content: "⚠ "; color: ${COLORS.warn}; }
.checklist { list-style: none; padding-left: 0; }
.checklist li { display: flex; gap: 0.5em; align-items: flex-start; margin: 0.5em 0; }
.checklist input { margin-top: 0.35em; width: 1.1em; height: 1.1em; flex: none; }
.checklist .when { font-size: 0.85rem; color: ${COLORS.muted}; }
.contact { font-size: 0.95rem; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: 0.75em 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 700; padding: 0.25em 0; }
th, td { border-bottom: 1px solid ${COLORS.line}; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: ${COLORS.faint}; }
tbody th { background: none; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot td, tfoot th { font-weight: 700; border-top: 2px solid ${COLORS.text}; }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 28rem; }
figcaption { font-size: 0.95rem; color: ${COLORS.muted}; margin-top: 0.25em; }
.note { font-size: 0.9rem; color: ${COLORS.muted}; }
.sources li { margin: 0.35em 0; }
.site-footer { border-top: 1px solid ${COLORS.line}; margin-top: 2rem; padding-top: 0.5rem;
  color: ${COLORS.muted}; font-size: 0.9rem; }
@media (max-width: 40rem) {
  body { padding: 0 0.75rem 1.5rem; }
  h1 { font-size: 1.45rem; }
  h2 { font-size: 1.2rem; }
  /* a table of many columns: each row a block, each cell labelled by its column */
  table.reflow thead { position: absolute; left: -9999px; }
  table.reflow, table.reflow tbody, table.reflow tr, table.reflow td, table.reflow th { display: block; width: 100%; }
  table.reflow tr { border-bottom: 1px solid ${COLORS.line}; padding: 0.35em 0; }
  table.reflow td, table.reflow th[scope="row"] { border: 0; padding: 0.1em 0; text-align: left; background: none; }
  table.reflow td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
}
@media print {
  @page { margin: 15mm; }
  body { padding: 0; font-size: 10.5pt; color: #000; }
  .page, .page-wide { max-width: none; }
  a { color: #000; text-decoration: none; }
  a.cite { color: #000; }
  .sources a[href^="http"]::after, .contact a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
  nav, .skip, .no-print { display: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .card, figure, tr, .summary, .checklist li { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  th { background: none; }
  .summary { border-color: #000; }
}
`
  .trim()
  .replace(/\n\s*/g, '\n');
