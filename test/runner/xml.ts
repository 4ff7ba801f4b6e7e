// A small XML well-formedness check for the JUnit report: tags nest, attributes are quoted, & and
// < appear only as markup. Returns the document element, with entities resolved.
import { expect } from 'vitest';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function unescape(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
  });
}

export function parseXml(xml: string): El {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  let rest = xml.slice(xml.indexOf('?>') + 2);
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const badAmp = /&(?!(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);)/i;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (badAmp.test(text)) throw new Error(`raw & in text: ${text}`);
    if (text.includes('>')) throw new Error(`raw > in text: ${text}`);
    stack[stack.length - 1]!.text += unescape(text);
    if (lt < 0) break;
    rest = rest.slice(lt);
    const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest);
    if (close) {
      const top = stack.pop()!;
      if (top.name !== close[1]) throw new Error(`</${close[1]}> closes <${top.name}>`);
      rest = rest.slice(close[0].length);
      continue;
    }
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/.exec(rest);
    if (!open) throw new Error(`malformed markup at: ${rest.slice(0, 60)}`);
    const attrs: Record<string, string> = {};
    for (const m of open[2]!.matchAll(/([A-Za-z_][\w.-]*)="([^"<]*)"/g)) {
      if (badAmp.test(m[2]!)) throw new Error(`raw & in attribute: ${m[2]}`);
      if (m[1]! in attrs) throw new Error(`duplicate attribute ${m[1]}`);
      attrs[m[1]!] = unescape(m[2]!);
    }
    const el: El = { name: open[1]!, attrs, children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    if (!open[3]) stack.push(el);
    rest = rest.slice(open[0].length);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

export const all = (el: El, name: string): El[] =>
  el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
