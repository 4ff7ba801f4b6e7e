// Prompt lines that fit the terminal. @inquirer/prompts breaks a line that is wider than the
// terminal at the last column, in the middle of a word ("behandeling of genezi / ng"), and the
// wizard's questions are often longer than a line. This wraps a prompt's message at words itself,
// its further lines indented under the first, puts the answer of an answered prompt on a line of
// its own when it no longer fits after the message, and wraps a choice's description too.
import { styleText } from 'node:util';
import { visibleLength, wrap } from '../report/wrap.ts';

/** Where the message starts: after the prompt's sign and a space ("? ", "✔ "). */
const SIGN = 2;
/** What lines after the first start with: the message's column. */
const INDENT = ' '.repeat(SIGN);

export interface PromptStyle {
  readonly message: (text: string, status: string) => string;
  readonly answer: (text: string) => string;
  /** A choice's description, under the list. */
  readonly description: (text: string) => string;
}

/**
 * The message and answer styles of one prompt, for a terminal `columns()` wide (asked at every
 * draw, so a resized window is followed). `hint` follows the message while the prompt is open.
 * The library's own look: the message bold, the hint dim, the answer cyan. (A style's codes span
 * the lines it is wrapped over; terminals keep it from one line to the next.)
 */
export function promptStyle(columns: () => number | undefined, hint?: string): PromptStyle {
  // one column spare: a line that fills the terminal exactly makes some terminals add an empty one
  const width = () => Math.max(20, (columns() ?? 80) - 1);
  // where the answer would start: after the message's last line, as last drawn
  let end = 0;
  return {
    message: (text, status) => {
      const open = status !== 'done' && hint !== undefined;
      const styled = styleText('bold', text) + (open ? ` ${styleText('dim', hint)}` : '');
      const wrapped = wrap(styled, width() - SIGN, '', INDENT);
      end = SIGN + visibleLength(wrapped.slice(wrapped.lastIndexOf('\n') + 1));
      return wrapped;
    },
    answer: (text) => {
      if (end + 1 + visibleLength(text) <= width()) return styleText('cyan', text);
      // on a line of its own under the message (the library puts a space before it)
      return `\n${styleText('cyan', wrap(text, width(), INDENT, INDENT))}`;
    },
    description: (text) => styleText('cyan', wrap(text, width())),
  };
}
