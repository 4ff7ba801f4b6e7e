// Finding the rule files of a directory without leaving it. Kept apart from the YAML loader so
// that the compiled-rules cache can list and hash the files without loading a parser.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DiagnosticCode } from '../core/diagnostics.ts';

const SKIP_DIRS = new Set(['schema', 'node_modules']);

export function findYamlFiles(
  realRoot: string,
  report: (file: string, code: DiagnosticCode, message: string) => void,
): { abs: string; file: string }[] {
  const out: { abs: string; file: string }[] = [];
  const seenDirs = new Set<string>([realRoot]);
  const seenFiles = new Set<string>();
  const list = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (e) {
      report(toRel(realRoot, dir), 'read-error', `cannot read directory: ${(e as Error).message}`);
      return [];
    }
  };
  // Depth first in name order (the order of the rule set's hash), with an explicit stack so
  // that a deep directory tree cannot exhaust the call stack.
  const stack = [{ dir: realRoot, entries: list(realRoot), next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const entry = top.entries[top.next++];
    if (!entry) {
      stack.pop();
      continue;
    }
    const dir = top.dir;
    if (entry.name.startsWith('.')) continue;
    const abs = join(dir, entry.name);
    const rel = toRel(realRoot, abs);
    const yamlName = /\.ya?ml$/i.test(entry.name);
    let target = abs;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        target = realpathSync(abs);
      } catch {
        if (yamlName)
          report(rel, 'read-error', 'a broken symbolic link: its target does not exist');
        continue;
      }
      const st = statSafe(target);
      if (target !== realRoot && !target.startsWith(realRoot + sep)) {
        if (yamlName || st?.isDirectory()) {
          report(rel, 'outside-root', `links to ${target}, outside the rule directory; not read`);
        }
        continue;
      }
      isDir = st?.isDirectory() ?? false;
      isFile = st?.isFile() ?? false;
    }
    if (isDir) {
      if (SKIP_DIRS.has(entry.name) && dir === realRoot) continue;
      // a link back to a folder already read is not followed again
      if (seenDirs.has(target)) continue;
      seenDirs.add(target);
      stack.push({ dir: target, entries: list(target), next: 0 });
    } else if (isFile && yamlName) {
      // a link to a file that is read anyway is not read twice
      if (seenFiles.has(target)) continue;
      seenFiles.add(target);
      out.push({ abs: target, file: rel });
    }
    // anything else (sockets, FIFOs, devices) is never opened: reading it could block
  }
  return out;
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/') || '.';
}
