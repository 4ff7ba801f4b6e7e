// One row of a portfolio as the portfolio page (`batch --format html`) lists it: what batch keeps
// of each row while it streams (io/batch-summary.ts) and what the page draws
// (report/html/portfolio-page.tsx). Plain data, so io and report share it without importing each other.
import type { Family, Fit } from './ids.ts';

export interface PortfolioRow {
  readonly line: number;
  readonly id: string;
  /** The innovation_name cell, when the file has that column and it is filled. */
  readonly name?: string;
  /** The first route; absent for a row without a route or with an error. */
  readonly route?: {
    readonly id: string;
    readonly family: Family;
    readonly fit: Fit;
    readonly score: number;
  };
  readonly warnings: number;
  readonly openQuestions: number;
  readonly wrongPocket: boolean;
  /** The row could not be assessed: why (with its line). */
  readonly error?: string;
}
