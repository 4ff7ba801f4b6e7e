// Blocks only the static site (`innoroute site`) uses, with the one stylesheet: the breadcrumbs
// above a page's heading and the search box. The search box is a plain form that goes to the
// list of all pages, so it does something without script; the site's search script (when it
// runs) answers in the list under it instead, from an index in the page's own files.
import type { VNode } from 'preact';

export interface Crumb {
  readonly href: string;
  readonly label: string;
}

/** "Start › Routes › This page": the links above the heading; the page itself is not a link. */
export function Breadcrumbs(p: {
  readonly label: string;
  readonly trail: readonly Crumb[];
  readonly here: string;
}): VNode | null {
  if (p.trail.length === 0) return null;
  return (
    <nav class="crumbs" aria-label={p.label}>
      <ol>
        {p.trail.map((c) => (
          <li key={c.href}>
            <a href={c.href}>{c.label}</a>
          </li>
        ))}
        <li aria-current="page">{p.here}</li>
      </ol>
    </nav>
  );
}

/** The search form; `action`: the page it goes to without script (the list of all pages). */
export function SearchBox(p: {
  readonly action: string;
  readonly label: string;
  readonly button: string;
}): VNode {
  return (
    <form class="search" role="search" action={p.action} method="get">
      <label for="q">{p.label}</label>
      <div class="search-row">
        <input id="q" name="q" type="search" autocomplete="off" />
        <button type="submit">{p.button}</button>
      </div>
      <div id="search-results" aria-live="polite"></div>
    </form>
  );
}
