// Resolving the global options every command shares: the rule directory, language, evaluation
// date and colour. Each resolver throws a UsageError that says what to do.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../core/advice.ts';
import type { CliContext, GlobalOptions } from './context.ts';
import { UsageError } from './errors.ts';

/** The rules shipped with the package: <package>/rules, two levels above dist/cli. */
export function shippedRulesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');
}

export function resolveRulesDir(
  ctx: CliContext,
  dir: string | undefined,
  lang: Lang = 'en',
): string {
  if (!dir) return shippedRulesDir();
  const abs = resolve(ctx.cwd, dir);
  if (!existsSync(abs)) {
    throw new UsageError(
      lang === 'nl'
        ? `de regelmap bestaat niet: ${dir} (geef --rules <map>, of laat het weg voor de meegeleverde regels)`
        : `rule directory not found: ${dir} (pass --rules <dir>, or leave it out to use the shipped rules)`,
    );
  }
  return abs;
}

export function resolveLang(ctx: CliContext, lang: string | undefined): Lang {
  const value = (lang ?? ctx.env.INNOROUTE_LANG ?? 'nl').toLowerCase();
  if (value !== 'nl' && value !== 'en') {
    throw new UsageError(`unknown language "${value}": use --lang nl or --lang en`);
  }
  return value;
}

/** Today's date in the local time zone, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function resolveAsOf(asOf: string | undefined, lang: Lang = 'en'): string {
  if (asOf === undefined) return today();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.toISOString().slice(0, 10) !== asOf) {
    throw new UsageError(
      lang === 'nl'
        ? `--as-of verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2026-11-27); niet "${asOf}"`
        : `--as-of takes a date as YYYY-MM-DD (for example 2026-11-27); got "${asOf}"`,
    );
  }
  return asOf;
}

/** Columns text reports fit when they are not on a terminal (a file, a pipe). */
export const OFF_TERMINAL_WIDTH = 100;

/**
 * The columns a report on `stream` fits: the terminal's width, or OFF_TERMINAL_WIDTH when the
 * output goes to a file (`toFile`) or is not a terminal.
 */
export function reportWidth(ctx: CliContext, stream: 'stdout' | 'stderr', toFile = false): number {
  const out = ctx[stream];
  return !toFile && out.isTTY ? (out.columns ?? OFF_TERMINAL_WIDTH) : OFF_TERMINAL_WIDTH;
}

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function useColor(
  ctx: CliContext,
  stream: 'stdout' | 'stderr',
  opts: GlobalOptions,
): boolean {
  if (opts.color === false) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0') return true;
  return Boolean(ctx[stream].isTTY);
}
