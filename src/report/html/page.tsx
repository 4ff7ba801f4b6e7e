// The shell of every HTML page: doctype, <html lang>, charset and viewport, the title, the one
// inline stylesheet, a header (title, lines under it, optional navigation), <main> and an optional
// footer. The static site links one stylesheet file and a small search script instead, and adds
// breadcrumbs and a search box (site-blocks.tsx). Rendered by preact-render-to-string, which escapes every text and attribute: no page
// builds HTML by hand. No web font, no remote image: a report is complete on its own.
import type { ComponentChildren, VNode } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { Lang } from '../../core/advice.ts';
import { STYLESHEET } from './styles.ts';

export interface NavLink {
  readonly href: string;
  readonly label: string;
  /** This page: marked aria-current="page". */
  readonly current?: boolean;
}

export interface PageProps {
  readonly lang: Lang;
  /** The document's <title> and, unless `heading` is given, its <h1>. */
  readonly title: string;
  readonly heading?: string;
  /** The heading's language when it differs from the page's (a test case named in English). */
  readonly headingLang?: Lang;
  /** Lines under the heading (the rule set, a date). */
  readonly meta?: ComponentChildren;
  /** Links between the pages of a site; the advice page has none. */
  readonly nav?: readonly NavLink[];
  readonly navLabel?: string;
  readonly footer?: ComponentChildren;
  /**
   * The stylesheet as a file the page links to (the static site: one copy for all its pages)
   * instead of inline; a path relative to the page.
   */
  readonly stylesheetHref?: string;
  /** Scripts the page loads (deferred), relative to the page; the page must work without them. */
  readonly scripts?: readonly string[];
  /** Above the heading (the site's breadcrumbs). */
  readonly beforeHeading?: ComponentChildren;
  /** In the header after the navigation (the site's search box). */
  readonly afterNav?: ComponentChildren;
  /** A wider page, for tables of many columns (the portfolio). */
  readonly wide?: boolean;
  readonly children?: ComponentChildren;
}

const SKIP: Readonly<Record<Lang, string>> = { nl: 'Naar de inhoud', en: 'Skip to content' };
const NAV: Readonly<Record<Lang, string>> = { nl: 'Pagina’s', en: 'Pages' };

export function Page(p: PageProps): VNode {
  const cls = p.wide ? 'page page-wide' : 'page';
  return (
    <html lang={p.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="innoroute" />
        <title>{p.title}</title>
        {p.stylesheetHref ? (
          <link rel="stylesheet" href={p.stylesheetHref} />
        ) : (
          <style dangerouslySetInnerHTML={{ __html: STYLESHEET }} />
        )}
        {(p.scripts ?? []).map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {SKIP[p.lang]}
        </a>
        <div class={cls}>
          <header class="site-header">
            {p.beforeHeading}
            <h1 lang={p.headingLang}>{p.heading ?? p.title}</h1>
            {p.meta}
            {p.nav && p.nav.length > 0 ? (
              <nav aria-label={p.navLabel ?? NAV[p.lang]}>
                <ul>
                  {p.nav.map((l) => (
                    <li key={l.href}>
                      <a href={l.href} aria-current={l.current ? 'page' : undefined}>
                        {l.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {p.afterNav}
          </header>
          <main id="main">{p.children}</main>
          {p.footer ? <footer class="site-footer">{p.footer}</footer> : null}
        </div>
      </body>
    </html>
  );
}

/**
 * Block elements that start a line in the file, so that its source reads (and a golden file diffs)
 * line by line. Only where whitespace means nothing: between blocks, never before inline or SVG
 * text elements.
 */
const BLOCK =
  /><(?=\/?(?:head|meta|title|style|body|div|header|main|footer|nav|section|article|figure|figcaption|h[1-6]|p|ul|ol|li|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|svg|defs|g)[\s>])/g;

/**
 * A page as the text of a file: the doctype, the markup, a final newline. The markup escapes every
 * `<` of a text or an attribute, so each `<` left is a tag.
 */
export function renderDocument(page: VNode): string {
  return `<!doctype html>\n${renderToStaticMarkup(page).replace(BLOCK, '>\n<')}\n`;
}
