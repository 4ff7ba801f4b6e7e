// The site as files: every page rendered with the report's HTML layer, the one stylesheet as
// assets/site.css and the search script with its index as assets/search.js. Pure: a list of
// paths (from the site's root, sorted) and their text; writing them is io's job (io/site-dir.ts).
import type { VNode } from 'preact';
import { renderDocument } from '../report/html/page.tsx';
import { STYLESHEET } from '../report/html/styles.ts';
import type { SiteModel } from './model.ts';
import { HREF } from './names.ts';
import { examplePageHtml, examplesIndexHtml } from './pages/examples.tsx';
import { bordersHtml, indexHtml, pagesHtml, wizardHtml } from './pages/home.tsx';
import {
  bridgePageHtml,
  bridgesIndexHtml,
  phasePageHtml,
  phasesIndexHtml,
  stakeholderPageHtml,
  stakeholdersIndexHtml,
} from './pages/parties.tsx';
import { routePageHtml, routesIndexHtml } from './pages/route.tsx';
import { searchScript } from './search-script.ts';
import { siteStrings } from './strings.ts';

export interface SiteFile {
  /** From the site's root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** A number that no count on the site reaches, to cut the plural sentence into a template. */
const N = 987654321;

export function renderSite(model: SiteModel): SiteFile[] {
  const pages: [string, VNode][] = [
    [HREF.index, indexHtml(model)],
    [HREF.wizard, wizardHtml(model)],
    [HREF.pages, pagesHtml(model)],
    [HREF.borders, bordersHtml(model)],
    [HREF.routes, routesIndexHtml(model)],
    [HREF.stakeholders, stakeholdersIndexHtml(model)],
    [HREF.bridges, bridgesIndexHtml(model)],
    [HREF.examples, examplesIndexHtml(model)],
    [HREF.phases, phasesIndexHtml(model)],
    ...model.routes.map((r): [string, VNode] => [r.href, routePageHtml(model, r)]),
    ...model.stakeholders.map((p): [string, VNode] => [p.href, stakeholderPageHtml(model, p)]),
    ...model.bridges.map((b): [string, VNode] => [b.href, bridgePageHtml(model, b)]),
    ...model.phases.map((p): [string, VNode] => [p.href, phasePageHtml(model, p)]),
    ...model.examples.map((e): [string, VNode] => [e.href, examplePageHtml(model, e)]),
  ];
  const s = siteStrings(model.lang);
  const files: SiteFile[] = pages.map(([path, page]) => ({ path, text: renderDocument(page) }));
  files.push({ path: HREF.style, text: `${STYLESHEET}\n` });
  files.push({
    path: HREF.searchScript,
    text: searchScript(model.search, {
      none: s.searchNone,
      one: s.searchResults(1),
      many: s.searchResults(N).replace(String(N), '{n}'),
    }),
  });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
