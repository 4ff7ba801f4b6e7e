// Rule-file problems are values: a code from a closed list, a severity, where, and a message.
// The core reports where as an Origin (file + path in the YAML); io turns that into line:col.
import type { Origin } from './ruleset.ts';

export const DIAGNOSTIC_CODES = {
  // reading and parsing
  'read-error': 'a file or directory could not be read',
  'no-rules': 'the directory holds no rule files',
  'file-too-large': 'a rule file is larger than the limit (2 MB, or a million values)',
  'outside-root': 'a symbolic link points outside the rule directory',
  'yaml-syntax': 'the YAML does not parse',
  'yaml-alias-limit':
    'the YAML has more than 1,000 aliases or expands to too much data (an alias bomb), or an alias is inside its own anchor',
  'yaml-nesting': 'lists and mappings are nested more than 64 levels deep',
  'duplicate-key': 'a mapping has the same key twice',
  'unsafe-key': 'a key such as __proto__ or constructor is not allowed',
  'unknown-kind': 'the file has no known `kind`',
  'schema-header': 'the file does not start with a `# yaml-language-server: $schema=` line',
  'unknown-key': 'a key that the file kind does not have',
  schema: 'a value does not fit the file kind',
  'missing-text': 'a text lacks its Dutch (nl) or English (en) version',
  'missing-sources':
    'a route, warning, stakeholder duty or contact, or bridge item cites no source',
  // the rule set as a whole
  'missing-ruleset': 'there is no ruleset file, or more than one',
  'duplicate-id': 'two things of the same kind share an id',
  'dangling-reference':
    'a reference to a question, option, node, route, stakeholder, warning, bridge item or source that does not exist',
  'unknown-question': 'a condition or switch names a question that does not exist',
  'unknown-option': 'a condition or case names an option the question does not have',
  'comparison-kind': 'a comparison does not fit the kind of its question',
  'unreachable-node': 'a node cannot be reached from the root',
  cycle: 'the nodes of a tree form a cycle',
  'no-outcome': 'a node has no path to an end node',
  'switch-gap': 'an option of the switch question is handled by no case',
  'switch-overlap': 'an option of the switch question is handled by more than one case',
  vocabulary:
    'a route or stakeholder id outside the contract vocabulary and not declared in a registry',
  'family-mismatch': 'a route is awarded by, or declared for, another family',
  'duplicate-tree': 'two trees for the same family',
  'expired-reachable': 'a time-limited instrument has expired at --as-of but can still be reached',
  'stale-review': 'last_reviewed is more than 18 months before --as-of',
  'citation-line': 'a citation points past the end of its seed document',
  'unsourced-site': "a stakeholder's contact site is not the address of a source the contact cites",
  // test cases
  'invalid-answer': 'a test case answer does not fit its question',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning';

/** A problem found by the core, located by origin. */
export interface Finding {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly origin: Origin;
  readonly message: string;
  /** Point at the key rather than its value. */
  readonly atKey?: boolean;
}

/** A located problem, ready to print. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.col - b.col ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
