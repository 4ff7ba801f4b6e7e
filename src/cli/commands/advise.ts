// Being written (see the open issues); replaced before release.
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';

export async function run(..._args: [...unknown[], CliContext]): Promise<number> {
  throw new UsageError('innoroute advise is not available in this build yet');
}
