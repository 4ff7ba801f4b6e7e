// Scripts the harness evaluates inside the page. They are strings, not functions, because the
// project's TypeScript has no DOM library (and should not: src/ must not see `document`).

export interface OverflowMeasure {
  /** window.innerWidth */
  readonly width: number;
  /** document.documentElement.scrollWidth */
  readonly scrollWidth: number;
  /** The elements that cause the overflow, described for a message (at most five). */
  readonly culprits: readonly string[];
}

/**
 * Measures horizontal overflow. When the document is wider than the window, names the elements
 * that cause it, leaving out those inside a scrolling or clipping ancestor: the outermost ones
 * whose box ends past the window's right edge; or, when no box does, the innermost ones whose
 * content is wider than their box (a long word).
 */
export const MEASURE_OVERFLOW = `(() => {
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width) return { width, scrollWidth, culprits: [] };
  const contained = (el) => {
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const label = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = el.getAttribute('class');
    if (cls && cls.trim()) s += '.' + cls.trim().split(/\\s+/).join('.');
    return s;
  };
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(label(e));
    return parts.join(' > ');
  };
  const elements = [...document.body.querySelectorAll('*')].filter((el) => {
    const r = el.getBoundingClientRect();
    return (r.width > 0 || r.height > 0) && !contained(el);
  });
  // a box that ends past the right edge: the outermost such box is the one to fix
  const boxes = elements.filter((el) => el.getBoundingClientRect().right > width + 0.5);
  // else content wider than its box (a long word): the innermost such element holds it
  const content = elements.filter((el) => {
    const r = el.getBoundingClientRect();
    return getComputedStyle(el).overflowX === 'visible' && r.left + el.scrollWidth > width + 0.5;
  });
  const found = boxes.length > 0
    ? boxes.filter((el) => !boxes.some((other) => other !== el && other.contains(el)))
    : content.filter((el) => !content.some((other) => other !== el && el.contains(other)));
  const culprits = found.slice(0, 5).map((el) => {
    const r = el.getBoundingClientRect();
    return path(el) + ' (box ' + Math.round(r.left) + '–' + Math.round(r.right) + ' px, content ' + el.scrollWidth + ' px wide)';
  });
  return { width, scrollWidth, culprits };
})()`;

/** Whether the page has a viewport meta element with width=device-width (phones need it). */
export const HAS_VIEWPORT_META = `(() => {
  const meta = document.querySelector('meta[name="viewport"]');
  return !!meta && /width\\s*=\\s*device-width/.test(meta.getAttribute('content') || '');
})()`;

export interface Box {
  readonly label: string;
  readonly width: number;
  readonly height: number;
}

/** The bounding boxes of the elements that match a selector (JSON-quoted into the script). */
export function measureBoxes(selector: string): string {
  return `(() => [...document.querySelectorAll(${JSON.stringify(selector)})].map((el, i) => {
    const r = el.getBoundingClientRect();
    const name = el.getAttribute('aria-label') || el.id || (el.tagName.toLowerCase() + '[' + i + ']');
    const hidden = getComputedStyle(el).visibility === 'hidden';
    return { label: name, width: hidden ? 0 : r.width, height: hidden ? 0 : r.height };
  }))()`;
}
