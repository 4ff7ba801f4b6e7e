// innoroute validate [dir]: static checks of a rule directory.
import type { ValidateOptions } from '../main.ts';
import type { CliContext } from '../context.ts';
import { resolveRulesDir } from '../options.ts';
import { readRuleSet } from '../rules.ts';

export async function run(dir: string | undefined, opts: ValidateOptions, ctx: CliContext): Promise<number> {
  const root = resolveRulesDir(ctx, dir ?? opts.rules);
  const { diagnostics } = readRuleSet(root);
  for (const d of diagnostics) {
    ctx.stdout.write(`${d.file}:${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  ctx.stdout.write(`${errors} error(s), ${diagnostics.length - errors} warning(s)\n`);
  return errors > 0 ? 1 : 0;
}
