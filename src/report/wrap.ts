// Word-wrapping for the terminal reports, by visible width (colour codes take no columns).
import { stripVTControlCharacters } from 'node:util';

export function visibleLength(s: string): number {
  return stripVTControlCharacters(s).length;
}

/**
 * Word-wraps plain text to `width` columns; the first line starts with `first`, the others with
 * `rest` (a hanging indent). Words longer than a line are left whole.
 */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = out.length === 0 ? first : rest;
    let lineHasWord = false;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const sep = lineHasWord ? ' ' : '';
      if (lineHasWord && visibleLength(line) + sep.length + visibleLength(word) > width) {
        out.push(line);
        line = rest + word;
      } else {
        line += sep + word;
      }
      lineHasWord = true;
    }
    out.push(line);
  }
  return out.join('\n');
}
