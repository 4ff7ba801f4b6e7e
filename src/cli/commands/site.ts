// innoroute site <out-dir>: the rules published as a static website — every route, party, bridge
// instrument, border, example and phase checklist as plain HTML with one stylesheet and a small
// search script, no server and no request to another site. Checks the output directory first,
// reads the rules as `test` does (checked, test cases included) and the worked cases, builds the
// site model (src/site, pure), renders it with the report's HTML layer and writes the directory
// at once (io/site-dir.ts). The same rules, date and language give the same bytes.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../../core/advice.ts';
import { readAnswersFile } from '../../io/answers-file.ts';
import { checkValidRuleSet } from '../../io/rules.ts';
import {
  SITE_MANIFEST,
  SiteDirRefusedError,
  checkSiteDir,
  writeSiteDir,
} from '../../io/site-dir.ts';
import type { SiteRefusal } from '../../io/site-dir.ts';
import type { ExampleInput } from '../../site/model.ts';
import { renderSite } from '../../site/render.ts';
import { buildSiteModel } from '../../site/site-model.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { UsageError } from '../errors.ts';
import { resolveAsOf, resolveLang, resolveRulesDir, shippedRulesDir } from '../options.ts';
import { cannotWrite } from '../output.ts';
import { withSignalsCaught } from '../signals.ts';

export interface SiteOptions extends GlobalOptions {
  /**
   * Directory of answers files shown as worked cases (default: innoroute's data/ with the
   * shipped rules, none with other rules).
   */
  readonly cases?: string;
}

function refusalText(dir: string, r: SiteRefusal, lang: Lang): string {
  if (lang === 'nl') {
    const head = `de site wordt niet in ${dir} geschreven: `;
    switch (r.kind) {
      case 'not-a-directory':
        return `${head}dat is een bestand, geen map. Geef een nieuwe of lege map, bijvoorbeeld ${dir}-site.`;
      case 'rules':
        return `${head}dat is de regelmap ${r.rulesDir}, ligt erin of bevat hem. Geef een map buiten de regels, bijvoorbeeld site naast de regelmap.`;
      case 'not-ours':
        return `${head}de map is niet leeg en niet door innoroute gemaakt (er staat geen ${SITE_MANIFEST} in). Geef een nieuwe of lege map, of maak deze map eerst zelf leeg.`;
    }
  }
  const head = `refusing to write the site into ${dir}: `;
  switch (r.kind) {
    case 'not-a-directory':
      return `${head}it is a file, not a directory. Give a new or empty directory, for example ${dir}-site.`;
    case 'rules':
      return `${head}it is the rule directory ${r.rulesDir}, inside it, or holds it. Give a directory outside the rules, for example site next to the rule directory.`;
    case 'not-ours':
      return `${head}the directory is not empty and was not made by innoroute (it holds no ${SITE_MANIFEST}). Give a new or empty directory, or empty this one yourself.`;
  }
}

/** The answers files of `dir` (YAML or JSON), by name; a file that cannot be read is said and skipped. */
function workedCases(dir: string, shownDir: string, ctx: CliContext, lang: Lang): ExampleInput[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.(ya?ml|json)$/i.test(n));
  } catch {
    throw new UsageError(
      lang === 'nl'
        ? `de map met cases bestaat niet of is niet te lezen: ${shownDir} (geef --cases <map>)`
        : `the cases directory does not exist or cannot be read: ${shownDir} (pass --cases <dir>)`,
    );
  }
  names.sort();
  const out: ExampleInput[] = [];
  for (const n of names) {
    const shown = `${shownDir.replace(/\/+$/, '')}/${n}`;
    const read = readAnswersFile(join(dir, n), shown, lang);
    const errors = read.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      ctx.stderr.write(
        lang === 'nl'
          ? `innoroute: ${shown} overgeslagen: ${errors[0]!.message}\n`
          : `innoroute: ${shown} skipped: ${errors[0]!.message}\n`,
      );
      continue;
    }
    out.push({ source: 'worked', file: shown, name: n, answers: read.raw });
  }
  return out;
}

/**
 * Without --cases: innoroute's worked cases (data/) with its own rules; with other rules none, as
 * those cases were written for innoroute's rules (said on stderr, with how to add cases).
 */
function defaultCases(rulesDir: string, ctx: CliContext, lang: Lang): ExampleInput[] {
  const shipped = shippedRulesDir();
  if (resolve(rulesDir) === resolve(shipped)) {
    return workedCases(resolve(shipped, '..', 'data'), 'data', ctx, lang);
  }
  ctx.stderr.write(
    lang === 'nl'
      ? 'innoroute: geen uitgewerkte cases op de site (alleen de testcases van de regels); geef --cases <map> met antwoordbestanden om ze te tonen\n'
      : 'innoroute: no worked cases on the site (only the rules’ test cases); pass --cases <dir> with answers files to show them\n',
  );
  return [];
}

export async function run(outDir: string, opts: SiteOptions, ctx: CliContext): Promise<number> {
  const started = process.hrtime.bigint();
  const lang = resolveLang(ctx, opts.lang);
  const asOf = resolveAsOf(opts.asOf, lang);
  const rulesDir = resolveRulesDir(ctx, opts.rules, lang);
  const target = resolve(ctx.cwd, outDir);
  const protect = [rulesDir, shippedRulesDir()];
  const refused = (e: unknown) =>
    e instanceof SiteDirRefusedError ? new UsageError(refusalText(outDir, e.refusal, lang)) : e;
  try {
    checkSiteDir(target, protect);
  } catch (e) {
    throw refused(e);
  }

  const { rules } = await checkValidRuleSet(rulesDir, asOf);
  const worked = opts.cases
    ? workedCases(resolve(ctx.cwd, opts.cases), opts.cases, ctx, lang)
    : defaultCases(rulesDir, ctx, lang);
  const model = buildSiteModel(rules, { asOf, lang, worked });
  const files = renderSite(model);
  const pages = files.filter((f) => f.path.endsWith('.html')).length;
  const manifest = `${JSON.stringify(
    {
      generator: 'innoroute site',
      ruleset: { name: rules.name, version: rules.version, hash: rules.hash },
      asOf,
      lang,
      pages,
      files: files.map((f) => f.path),
    },
    null,
    2,
  )}\n`;
  try {
    // a signal waits for the write to end (it is synchronous), then removes what is unfinished
    withSignalsCaught(() => writeSiteDir(target, files, manifest, protect));
  } catch (e) {
    if (e instanceof SiteDirRefusedError) throw refused(e);
    throw new UsageError(cannotWrite(e, outDir, lang));
  }

  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) + manifest.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Math.round(bytes / 1024).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const shown = outDir;
  ctx.stderr.write(
    lang === 'nl'
      ? `innoroute: ${pages} pagina’s (${kb} kB) geschreven in ${shown} in ${seconds.toFixed(1)} s; open ${join(shown, 'index.html')}\n`
      : `innoroute: ${pages} pages (${kb} kB) written to ${shown} in ${seconds.toFixed(1)} s; open ${join(shown, 'index.html')}\n`,
  );
  return 0;
}
