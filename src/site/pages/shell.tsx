// The frame of every page of the site, on the report's Page shell and stylesheet: the navigation,
// the search box, breadcrumbs, and a footer with the rule set, its hash and the date the site was
// built for. Every link is written relative to the page, so the site opens from disk.
import type { ComponentChildren, VNode } from 'preact';
import type { Lang } from '../../core/advice.ts';
import { Page } from '../../report/html/page.tsx';
import type { NavLink } from '../../report/html/page.tsx';
import { Breadcrumbs, SearchBox } from '../../report/html/site-blocks.tsx';
import { SourcesList } from '../../report/html/sources.tsx';
import { ui } from '../../report/ui-strings.ts';
import { clauseWords } from '../clauses.ts';
import type { Clause } from '../clauses.ts';
import type { SiteModel, SourceRef, ValidityInfo, VerifyMark } from '../model.ts';
import { HREF, relativeHref } from '../names.ts';
import { shortHash } from '../site-model.ts';
import { siteStrings } from '../strings.ts';

/** Where a page is and how it links: its own path, and links made relative to it. */
export interface Here {
  readonly model: SiteModel;
  readonly path: string;
  readonly to: (href: string) => string;
}

export function here(model: SiteModel, path: string): Here {
  return { model, path, to: (href) => relativeHref(path, href) };
}

const SECTIONS = [
  ['start', HREF.index, ''],
  ['routes', HREF.routes, 'routes/'],
  ['stakeholders', HREF.stakeholders, 'stakeholders/'],
  ['bridges', HREF.bridges, 'bridge/'],
  ['borders', HREF.borders, HREF.borders],
  ['examples', HREF.examples, 'examples/'],
  ['phases', HREF.phases, 'phases/'],
  ['wizard', HREF.wizard, HREF.wizard],
] as const;

function navOf(h: Here): NavLink[] {
  const s = siteStrings(h.model.lang);
  return SECTIONS.map(([key, href, prefix]) => ({
    href: h.to(href),
    label: s.nav[key],
    current: prefix === '' ? h.path === HREF.index : h.path.startsWith(prefix),
  }));
}

export function SitePage(p: {
  readonly here: Here;
  readonly title: string;
  /** The title's language when it differs from the site's (a test case named in English). */
  readonly titleLang?: Lang;
  /** The trail above the heading (Start is added in front); none on the start page. */
  readonly crumbs?: readonly { readonly href: string; readonly label: string }[];
  readonly meta?: ComponentChildren;
  readonly children?: ComponentChildren;
}): VNode {
  const { model, to } = p.here;
  const s = siteStrings(model.lang);
  const r = model.ruleset;
  const trail =
    p.crumbs === undefined
      ? []
      : [{ href: HREF.index, label: s.nav.start }, ...p.crumbs].map((c) => ({
          href: to(c.href),
          label: c.label,
        }));
  return (
    <Page
      lang={model.lang}
      title={p.here.path === HREF.index ? p.title : `${p.title} · innoroute`}
      heading={p.title}
      headingLang={p.titleLang}
      meta={p.meta}
      nav={navOf(p.here)}
      stylesheetHref={to(HREF.style)}
      scripts={[to(HREF.searchScript)]}
      beforeHeading={<Breadcrumbs label={s.breadcrumb} trail={trail} here={p.title} />}
      afterNav={<SearchBox action={to(HREF.pages)} label={s.searchLabel} button={s.searchButton} />}
      footer={
        <>
          <p>{r.disclaimer}</p>
          <p>
            {s.builtFrom(r.name, r.version, shortHash(r.hash), model.asOf)}{' '}
            {r.reviewed ? s.reviewed(r.reviewed) : null}
          </p>
        </>
      }
    >
      {p.children}
    </Page>
  );
}

/** A condition in words: a sentence, or a list of them with "all of" / "one of". */
export function ClauseView(p: { readonly clause: Clause; readonly lang: 'nl' | 'en' }): VNode {
  const c = p.clause;
  if (c.kind === 'leaf') return <>{c.text}</>;
  const s = siteStrings(p.lang);
  return (
    <>
      {c.kind === 'all' ? s.allOf : s.anyOf}
      <ul>
        {c.parts.map((x, i) => (
          <li key={i}>
            <ClauseView clause={x} lang={p.lang} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The conditions on the way to a rule: "Als: … en …", or "always" when there are none. */
export function WhenList(p: {
  readonly clauses: readonly Clause[];
  readonly lang: 'nl' | 'en';
}): VNode {
  const s = siteStrings(p.lang);
  if (p.clauses.length === 0) return <p class="muted">{s.always}</p>;
  const and = clauseWords(p.lang).and;
  return (
    <ul class="clauses">
      {p.clauses.map((c, i) => (
        <li key={i}>
          <ClauseView clause={c} lang={p.lang} />
          {i < p.clauses.length - 1 ? <span class="muted"> {and}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The numbered sources of a page, as the report lists them. */
export function Sources(p: {
  readonly sources: readonly SourceRef[];
  readonly lang: 'nl' | 'en';
}): VNode | null {
  if (p.sources.length === 0) return null;
  return (
    <section aria-labelledby="sources">
      <h2 id="sources">{ui(p.lang).sources}</h2>
      <SourcesList list={p.sources.map((x, i) => ({ ...x, n: i + 1 }))} />
    </section>
  );
}

/** A lapsed or not-yet-valid instrument, said on top with the date; valid dates as a note. */
export function ValidityNote(p: {
  readonly validity?: ValidityInfo;
  readonly lang: 'nl' | 'en';
}): VNode | null {
  const v = p.validity;
  if (!v) return null;
  const s = siteStrings(p.lang);
  if (v.status !== 'valid') {
    return (
      <p class="lapsed">
        <span class="badge badge-lapsed">
          {v.status === 'lapsed' ? s.lapsed : ui(p.lang).verify}
        </span>{' '}
        {v.why}
      </p>
    );
  }
  return (
    <p class="note">
      {v.validFrom ? s.validFrom(v.validFrom) : null}{' '}
      {v.validUntil ? s.validUntil(v.validUntil) : null}
    </p>
  );
}

/** The verify mark: whom to confirm this with. */
export function VerifyNote(p: {
  readonly verify: VerifyMark;
  readonly lang: 'nl' | 'en';
}): VNode | null {
  if (!p.verify.verify) return null;
  const u = ui(p.lang);
  return (
    <p>
      <span class="badge badge-verify">{siteStrings(p.lang).verifyMark}</span>{' '}
      {p.verify.note ?? u.verifyDefault}
    </p>
  );
}

/** A list of links to other pages; nothing when empty. */
export function LinkList(p: {
  readonly here: Here;
  readonly links: readonly { readonly href: string; readonly title: string }[];
  readonly class?: string;
}): VNode | null {
  if (p.links.length === 0) return null;
  return (
    <ul class={p.class}>
      {p.links.map((l) => (
        <li key={l.href}>
          <a href={p.here.to(l.href)}>{l.title}</a>
        </li>
      ))}
    </ul>
  );
}
