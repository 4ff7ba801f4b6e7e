// The counts of `innoroute batch` for its summary: rows, rows with errors, rows per family (of the
// first route) and fit, stakeholders by the number of rows that list them, the first error rows,
// and — for the portfolio page of `--format html` — the first rows in a compact form. Taken slice
// by slice, in input order, as src/io/batch.ts writes them; memory stays bounded (the maps are
// as large as the rule set, the lists are capped).
import type { Family, Fit } from '../core/ids.ts';
import type { PortfolioRow } from '../core/portfolio.ts';
import type { ErrorRow, RowsDone } from './batch-rows.ts';
import { MAX_ERROR_ROWS } from './batch-rows.ts';

export interface BatchSummary {
  readonly rows: number;
  readonly errorRows: number;
  /** family → fit → rows, by the primary route. */
  readonly byFamily: ReadonlyMap<Family, ReadonlyMap<Fit, number>>;
  /** Assessed rows without any advised route. */
  readonly noRoute: number;
  /** Stakeholder id → rows that list it. */
  readonly stakeholders: ReadonlyMap<string, number>;
  /** The first error rows (at most MAX_ERROR_ROWS kept). */
  readonly errors: readonly ErrorRow[];
  /**
   * html only: the first MAX_PORTFOLIO_ROWS rows for the page's row list, and the first
   * MAX_PORTFOLIO_ERRORS rows with errors (the counts above stay exact).
   */
  readonly portfolio?: {
    readonly rows: readonly PortfolioRow[];
    readonly errors: readonly PortfolioRow[];
  };
}

/** Rows the portfolio page lists; beyond them it says how many more there are. */
export const MAX_PORTFOLIO_ROWS = 1000;
/** Rows with errors the portfolio page lists, with their line numbers. */
export const MAX_PORTFOLIO_ERRORS = 500;

/** Adds up the slices' counts. */
export class BatchTally {
  rows = 0;
  errorRows = 0;
  noRoute = 0;
  private readonly byFamily = new Map<Family, Map<Fit, number>>();
  private readonly stakeholders = new Map<string, number>();
  private readonly errors: ErrorRow[] = [];
  private readonly portfolioRows: PortfolioRow[] = [];
  private readonly portfolioErrors: PortfolioRow[] = [];

  /** `portfolio`: keep the rows for the portfolio page (html). */
  constructor(private readonly portfolio: boolean) {}

  count(done: RowsDone): void {
    this.rows += done.rows;
    this.errorRows += done.errorRows;
    this.noRoute += done.noRoute;
    for (const e of done.errors) if (this.errors.length < MAX_ERROR_ROWS) this.errors.push(e);
    for (const [family, fit, n] of done.primaries) {
      let fits = this.byFamily.get(family);
      if (!fits) this.byFamily.set(family, (fits = new Map()));
      fits.set(fit, (fits.get(fit) ?? 0) + n);
    }
    for (const [id, n] of done.stakeholders) {
      this.stakeholders.set(id, (this.stakeholders.get(id) ?? 0) + n);
    }
    for (const row of done.portfolio ?? []) {
      if (this.portfolioRows.length < MAX_PORTFOLIO_ROWS) this.portfolioRows.push(row);
      if (row.error !== undefined && this.portfolioErrors.length < MAX_PORTFOLIO_ERRORS) {
        this.portfolioErrors.push(row);
      }
    }
  }

  summary(): BatchSummary {
    return {
      rows: this.rows,
      errorRows: this.errorRows,
      byFamily: this.byFamily,
      noRoute: this.noRoute,
      stakeholders: this.stakeholders,
      errors: this.errors,
      ...(this.portfolio
        ? { portfolio: { rows: this.portfolioRows, errors: this.portfolioErrors } }
        : {}),
    };
  }
}
