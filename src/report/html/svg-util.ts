// What the SVG pictures share: text laid out without a browser (an estimate of a line's width, and
// words wrapped into lines), the chart's width, and the id scheme for its title and description.

/** The width of every picture's viewBox: about a phone's width, so its text is read at 1:1 there. */
export const CHART_WIDTH = 360;

/** The bar charts' label font and line height, and the height of a bar: the same in every chart. */
export const LABEL_FONT = 13;
export const LABEL_LINE = 16;
export const BAR_HEIGHT = 16;

/** Average advance of a character of the sans-serif font, as a fraction of the font size. */
const CHAR_EM = 0.56;

/** The estimated width of a line of text at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHAR_EM;
}

/** How many characters fit in `width` pixels at `fontSize`. */
export function charsIn(width: number, fontSize: number): number {
  return Math.max(4, Math.floor(width / (fontSize * CHAR_EM)));
}

/**
 * A text in at most `maxLines` lines of at most `maxChars` characters, broken between words (a
 * word longer than a line is cut); the last line ends in … when text was left out.
 */
export function wrapLines(text: string, maxChars: number, maxLines: number): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!.length > maxChars ? `${words[i]!.slice(0, maxChars - 1)}…` : words[i]!;
    const next = line === '' ? w : `${line} ${w}`;
    if (next.length <= maxChars) {
      line = next;
      continue;
    }
    lines.push(line);
    line = w;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line !== '') {
    lines.push(line);
    line = '';
  }
  const cut = i < words.length || line !== '';
  if (cut && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    lines[lines.length - 1] =
      last.length + 1 > maxChars ? `${last.slice(0, maxChars - 1)}…` : `${last}…`;
  }
  return lines;
}

/** The ids of a picture's <title> and <desc>, for aria-labelledby / aria-describedby. */
export function chartIds(id: string): { title: string; desc: string } {
  return { title: `${id}-title`, desc: `${id}-desc` };
}
