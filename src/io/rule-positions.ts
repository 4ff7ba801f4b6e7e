// Where a rule is written, as file:line, for reports that point at rule files (diff's `github`
// annotations and its tables). A rule set keeps each node's and entry's origin as a file and a
// YAML path (the loader's positions are not kept: they would cost memory on every run); the few
// files asked about are parsed again here, each once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Origin } from '../core/ruleset.ts';
import type { SourceFile } from './yaml-source.ts';
import { positionOf, syntaxTree } from './yaml-source.ts';

export class RulePositions {
  private readonly files = new Map<string, SourceFile | undefined>();

  /** `root`: the rule directory read; `shown`: how its files are named in reports. */
  constructor(
    private readonly root: string,
    private readonly shown: string,
  ) {}

  /** The file as reports name it, and the line, when the file can be read. */
  locate(origin: Origin): { file: string; line?: number } {
    const file = this.shown === '.' ? origin.file : `${this.shown}/${origin.file}`;
    let src = this.files.get(origin.file);
    if (!this.files.has(origin.file)) {
      try {
        src = syntaxTree(origin.file, readFileSync(join(this.root, origin.file), 'utf8')).source;
      } catch {
        src = undefined;
      }
      this.files.set(origin.file, src);
    }
    if (!src?.doc) return { file };
    return { file, line: positionOf(src, origin.path, false).line };
  }
}
