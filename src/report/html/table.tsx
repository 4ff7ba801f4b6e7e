// A data table: a caption, column headers with scope, an optional row header per row, numbers
// right-aligned, and a box of its own that scrolls sideways when the table is wider than the
// screen (the page itself never does). `reflow`: on a narrow screen each row becomes a block whose
// cells are labelled by their column, for tables with long texts in several columns.
import type { ComponentChildren, VNode } from 'preact';

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T, index: number) => ComponentChildren;
  /** Right-aligned, tabular figures. */
  readonly num?: boolean;
  /** This column names the row: <th scope="row">. */
  readonly rowHeader?: boolean;
}

export interface DataTableProps<T> {
  readonly caption?: ComponentChildren;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly footer?: readonly ComponentChildren[];
  readonly reflow?: boolean;
  readonly class?: string;
  /** Names the table's scroll box for screen readers (a table may scroll sideways on a phone). */
  readonly label?: string;
}

export function DataTable<T>(p: DataTableProps<T>): VNode {
  const cls = [p.reflow ? 'reflow' : '', p.class ?? ''].filter((c) => c !== '').join(' ');
  return (
    // focusable, so that a keyboard can scroll it when it is wider than the screen
    <div class="table-wrap" tabIndex={0} role={p.label ? 'region' : undefined} aria-label={p.label}>
      <table class={cls || undefined}>
        {p.caption ? <caption>{p.caption}</caption> : null}
        <thead>
          <tr>
            {p.columns.map((c, i) => (
              <th key={i} scope="col" class={c.num ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row, r) => (
            <tr key={r}>
              {p.columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row">
                    {c.cell(row, r)}
                  </th>
                ) : (
                  <td
                    key={i}
                    class={c.num ? 'num' : undefined}
                    data-label={p.reflow ? c.header : undefined}
                  >
                    {c.cell(row, r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {p.footer ? (
          <tfoot>
            <tr>
              {p.footer.map((f, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {f}
                  </th>
                ) : (
                  <td key={i} class={p.columns[i]?.num ? 'num' : undefined}>
                    {f}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
