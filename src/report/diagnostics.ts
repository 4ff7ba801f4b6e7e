// Renderers for the diagnostics of `innoroute validate`: readable text grouped by file, JSON,
// SARIF 2.1.0 for code scanning, and GitHub workflow annotations. Pure: data in, a string out.
import type { ChalkInstance } from 'chalk';
import type { Diagnostic, DiagnosticCode, Severity } from '../core/diagnostics.ts';
import { DIAGNOSTIC_CODES } from '../core/diagnostics.ts';

export interface ValidationSummary {
  readonly errors: number;
  readonly warnings: number;
  /** Rule files that were read and understood. */
  readonly files: number;
  readonly filesWithProblems: number;
  readonly trees: number;
  readonly nodes: number;
  readonly questions: number;
  readonly routes: number;
  /**
   * False when the cross-file checks did not run because some files could not be read: their
   * ids would all look like dangling references.
   */
  readonly checked: boolean;
}

export interface ValidationReport {
  /** The rule directory as the user should see it (relative to the working directory). */
  readonly rulesDir: string;
  readonly asOf: string;
  /** Sorted. `file` is relative to the rule directory. */
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: ValidationSummary;
  /** A diagnostic's file as a path relative to the working directory, forward slashes. */
  readonly displayPath: (file: string) => string;
}

/** Codes that are warnings wherever they occur (the rest are errors, or depend on the place). */
const WARNING_CODES: ReadonlySet<DiagnosticCode> = new Set([
  'schema-header',
  'stale-review',
  'expired-reachable',
]);

export function defaultSeverity(code: DiagnosticCode): Severity {
  return WARNING_CODES.has(code) ? 'warning' : 'error';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(summary: ValidationSummary): string {
  const { errors, warnings } = summary;
  const counts = `${plural(summary.files, 'file')}, ${plural(summary.trees, 'tree')}, ${plural(summary.nodes, 'node')}, ${plural(summary.questions, 'question')}, ${plural(summary.routes, 'route')}`;
  if (errors > 0) {
    return `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(summary.filesWithProblems, 'file')}`;
  }
  if (warnings > 0) {
    return `⚠ ${plural(warnings, 'warning')} in ${plural(summary.filesWithProblems, 'file')}, no errors: ${counts}`;
  }
  return `✓ rules valid: ${counts}`;
}

/** Grouped by file; every line starts with file:line:col so that terminals can link it. */
export function renderText(report: ValidationReport, chalk: ChalkInstance): string {
  const out: string[] = [];
  const groups = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    const g = groups.get(d.file);
    if (g) g.push(d);
    else groups.set(d.file, [d]);
  }
  for (const [file, diags] of groups) {
    const path = report.displayPath(file);
    const rows = diags.map((d) => ({ d, where: `${path}:${d.line}:${d.col}` }));
    // reduce, not Math.max(...): a file can have more diagnostics than a call has arguments
    const whereWidth = rows.reduce((w, r) => Math.max(w, r.where.length), 0);
    const codeWidth = diags.reduce((w, d) => Math.max(w, d.code.length), 0);
    out.push(chalk.bold.underline(path));
    for (const { d, where } of rows) {
      const severity = d.severity === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
      out.push(
        `  ${where.padEnd(whereWidth)}  ${severity}  ${chalk.dim(d.code.padEnd(codeWidth))}  ${d.message}`,
      );
    }
    out.push('');
  }
  const s = report.summary;
  if (!s.checked) {
    out.push(
      chalk.yellow(
        'The checks across files (references, trees, tests) run once every file above can be read.',
      ),
    );
  }
  const line = summaryLine(s);
  out.push(
    s.errors > 0 ? chalk.red.bold(line) : s.warnings > 0 ? chalk.yellow(line) : chalk.green(line),
  );
  return `${out.join('\n')}\n`;
}

export function renderJson(report: ValidationReport): string {
  const json = {
    schemaVersion: 1,
    rules: report.rulesDir,
    asOf: report.asOf,
    summary: report.summary,
    diagnostics: report.diagnostics.map((d) => ({
      file: d.file,
      path: report.displayPath(d.file),
      line: d.line,
      col: d.col,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
}

/** `file:///…/` for an absolute directory, with a trailing slash as SARIF base URIs need. */
export function directoryUri(absDir: string): string {
  const posix = absDir.split('\\').join('/');
  const withSlash = posix.endsWith('/') ? posix : `${posix}/`;
  return `file://${withSlash.startsWith('/') ? '' : '/'}${encodeURI(withSlash)}`;
}

/**
 * SARIF 2.1.0, the subset GitHub code scanning reads: one run, a rule per diagnostic code,
 * results with a level, a message and a location relative to %SRCROOT% (the working directory,
 * usually the repository root).
 */
export function renderSarif(report: ValidationReport, tool: ToolInfo, srcRoot: string): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: DIAGNOSTIC_CODES[code] },
              fullDescription: { text: DIAGNOSTIC_CODES[code] },
              defaultConfiguration: { level: defaultSeverity(code) },
              properties: { tags: ['innoroute', 'rules'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(srcRoot) } },
        columnKind: 'utf16CodeUnits',
        results: report.diagnostics.map((d) => {
          const path = report.displayPath(d.file);
          const outside = path === '..' || path.startsWith('../') || path.startsWith('/');
          return {
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code) ?? 0,
            level: d.severity,
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: outside
                    ? { uri: `file://${encodeURI(absolutePosix(srcRoot, path))}` }
                    : { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
                  region: { startLine: d.line, startColumn: d.col },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function absolutePosix(root: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const parts = root.split('\\').join('/').split('/');
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  const joined = parts.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

/** Workflow-command escaping: the message may not hold %, CR or LF as such. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties are also delimited by `,` and `:`. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: one `::error …::message` line per diagnostic, then the summary. */
export function renderGithub(report: ValidationReport): string {
  const lines = report.diagnostics.map((d) => {
    const props = [
      `file=${escapeProperty(report.displayPath(d.file))}`,
      `line=${d.line}`,
      `col=${d.col}`,
      `title=${escapeProperty(d.code)}`,
    ].join(',');
    return `::${d.severity} ${props}::${escapeData(d.message)}`;
  });
  lines.push(summaryLine(report.summary));
  return `${lines.join('\n')}\n`;
}
