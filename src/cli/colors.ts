// A chalk instance for a report on stdout or stderr: in its own module so that only the commands
// that colour text (validate, test) load chalk; advise loads it only for its text format.
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import type { CliContext, GlobalOptions } from './context.ts';
import { useColor } from './options.ts';

export function chalkFor(
  ctx: CliContext,
  stream: 'stdout' | 'stderr',
  opts: GlobalOptions,
): ChalkInstance {
  return new Chalk({ level: useColor(ctx, stream, opts) ? 1 : 0 });
}
