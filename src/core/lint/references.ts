// References from one part of the rule set to another: sources, routes, stakeholders, warnings,
// bridge items and questions. Each resolves through the compiled rule set's maps, so every check
// is a constant-time lookup.
import type { Origin, RouteDef } from '../ruleset.ts';
import type { Contact } from '../schema.ts';
import { CONTRACT_STAKEHOLDERS, FAMILIES } from '../ids.ts';
import type { TreeFamily } from '../ids.ts';
import type { LintContext } from './context.ts';
import { sub } from './context.ts';

const CONTRACT_STAKEHOLDER_IDS: ReadonlySet<string> = new Set(CONTRACT_STAKEHOLDERS);
const FAMILY_IDS: ReadonlySet<string> = new Set(FAMILIES);

/** The family prefix of a route id when it is one of the contract's families. */
export function routeFamily(id: string): string | undefined {
  const dot = id.indexOf('.');
  if (dot <= 0 || dot === id.length - 1) return undefined;
  const family = id.slice(0, dot);
  return FAMILY_IDS.has(family) ? family : undefined;
}

/**
 * Expired at asOf, and not kept on purpose: an instrument marked `keep_after_expiry` stays
 * reachable so that the advice can say it lapsed.
 */
export function isExpired(
  item: { valid_until?: string | undefined; keep_after_expiry?: boolean | undefined },
  asOf: string,
): boolean {
  return item.valid_until !== undefined && item.valid_until < asOf && !item.keep_after_expiry;
}

/** A list of citations: every source id must be in a sources registry; lines must exist. */
export function checkCitations(
  ctx: LintContext,
  citations: readonly string[] | undefined,
  origin: Origin,
): void {
  citations?.forEach((c, i) => checkCitation(ctx, c, sub(origin, i)));
}

function checkCitation(ctx: LintContext, citation: string, origin: Origin): void {
  const colon = citation.indexOf(':');
  const id = colon < 0 ? citation : citation.slice(0, colon);
  const source = ctx.rules.sources.get(id);
  if (!source) {
    ctx.error(
      origin,
      'dangling-reference',
      `source "${id}" is not in a sources registry${ctx.hint(id, ctx.rules.sources.keys())}`,
    );
    return;
  }
  if (colon < 0) return;
  const m = /^(\d+)(?:-(\d+))?$/.exec(citation.slice(colon + 1));
  if (!m) return; // the schema has already said so
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1) {
    ctx.error(origin, 'citation-line', `"${citation}": lines are counted from 1`);
    return;
  }
  if (to < from) {
    ctx.error(origin, 'citation-line', `"${citation}": the line range runs backwards`);
    return;
  }
  const counts = ctx.options.seedLineCounts;
  if (!counts || !source.seed) return;
  const count = counts.get(id);
  if (count !== undefined && to > count) {
    ctx.error(
      origin,
      'citation-line',
      `"${citation}" points past the end of ${id}, which has ${count} lines`,
    );
  }
}

/**
 * A referenced route: undefined when it is not declared. A route id outside the contract's
 * families is a vocabulary error; a well-formed one that is not declared is dangling.
 */
export function checkRouteRef(ctx: LintContext, id: string, origin: Origin): RouteDef | undefined {
  const route = ctx.rules.routes.get(id);
  if (route) return route;
  if (routeFamily(id) === undefined) {
    ctx.error(
      origin,
      'vocabulary',
      `"${id}" is not a route id of the contract: a route id is <family>.<slug> with family one of ${FAMILIES.join(', ')}${ctx.hint(id, ctx.rules.routes.keys())}`,
    );
  } else {
    ctx.error(
      origin,
      'dangling-reference',
      `route "${id}" is not in a routes registry${ctx.hint(id, ctx.rules.routes.keys())}`,
    );
  }
  return undefined;
}

/** A route awarded or adjusted by a tree must belong to that tree's family. */
export function checkRouteFamily(
  ctx: LintContext,
  treeFamily: TreeFamily,
  id: string,
  origin: Origin,
  verb: 'awards' | 'adjusts',
): void {
  const family = routeFamily(id);
  if (family === undefined || family === treeFamily) return;
  ctx.error(
    origin,
    'family-mismatch',
    !FAMILY_IDS.has(treeFamily)
      ? `the ${treeFamily} tree ${verb} "${id}"; routes are awarded and adjusted by the tree of their own family (${family})`
      : `the ${treeFamily} tree ${verb} "${id}", a route of family ${family}; do that in the ${family} tree`,
  );
}

/**
 * A referenced stakeholder: declared ids are fine; a contract id that is not declared is
 * dangling (its name, role and sources are missing); anything else is outside the vocabulary.
 */
export function checkStakeholderRef(ctx: LintContext, id: string, origin: Origin): void {
  if (ctx.rules.stakeholders.has(id)) return;
  if (CONTRACT_STAKEHOLDER_IDS.has(id)) {
    ctx.error(
      origin,
      'dangling-reference',
      `stakeholder "${id}" is a contract id but is not declared in a stakeholders registry: add it there with its name, role and sources`,
    );
    return;
  }
  ctx.error(
    origin,
    'vocabulary',
    `stakeholder "${id}" is neither a contract stakeholder id nor declared in a stakeholders registry${ctx.hint(id, [...ctx.rules.stakeholders.keys(), ...CONTRACT_STAKEHOLDERS])}`,
  );
}

export function checkWarningRef(ctx: LintContext, id: string, origin: Origin): boolean {
  if (ctx.rules.warnings.has(id)) return true;
  ctx.error(
    origin,
    'dangling-reference',
    `warning "${id}" is not in a warnings registry${ctx.hint(id, ctx.rules.warnings.keys())}`,
  );
  return false;
}

export function checkBridgeRef(ctx: LintContext, id: string, origin: Origin): boolean {
  if (ctx.rules.bridge.has(id)) return true;
  ctx.error(
    origin,
    'dangling-reference',
    `bridge item "${id}" is not in a bridge registry${ctx.hint(id, ctx.rules.bridge.keys())}`,
  );
  return false;
}

/** Question ids listed as data (because, open_questions): each must exist. */
export function checkQuestionRefs(
  ctx: LintContext,
  ids: readonly string[] | undefined,
  origin: Origin,
): void {
  ids?.forEach((id, i) => {
    if (!ctx.rules.questions.has(id)) {
      ctx.error(
        sub(origin, i),
        'dangling-reference',
        `question "${id}" does not exist${ctx.hint(id, ctx.rules.questions.keys())}`,
      );
    }
  });
}

/** The registries themselves: route ids, and everything they cite or name. */
export function checkRegistries(ctx: LintContext): void {
  const { rules } = ctx;
  for (const route of rules.routes.values()) {
    if (routeFamily(route.id) === undefined) {
      ctx.error(
        sub(route.origin, 'id'),
        'vocabulary',
        `route id "${route.id}" is not <family>.<slug> with family one of ${FAMILIES.join(', ')}`,
      );
    }
    checkCitations(ctx, route.sources, sub(route.origin, 'sources'));
    route.stakeholders?.forEach((s, i) => {
      const at = sub(route.origin, 'stakeholders', i);
      checkStakeholderRef(ctx, s.stakeholder, sub(at, 'stakeholder'));
      checkCitations(ctx, s.sources, sub(at, 'sources'));
    });
  }
  for (const s of rules.stakeholders.values()) {
    checkCitations(ctx, s.sources, sub(s.origin, 'sources'));
    if (s.contact) checkContact(ctx, s.contact, sub(s.origin, 'contact'));
  }
  for (const w of rules.warnings.values()) checkCitations(ctx, w.sources, sub(w.origin, 'sources'));
  for (const b of rules.bridge.values()) checkCitations(ctx, b.sources, sub(b.origin, 'sources'));

  const counts = ctx.options.seedLineCounts;
  if (counts) {
    for (const source of rules.sources.values()) {
      if (source.seed && !counts.has(source.id)) {
        ctx.error(
          sub(source.origin, 'id'),
          'citation-line',
          `seed document "${source.id}" is not in the seeds directory, so its cited lines cannot be checked`,
        );
      }
    }
  }
}

/**
 * A stakeholder's contact: its citations resolve, and its site — an address the advice prints —
 * is never invented: a source the contact cites must give an address on the same host, or be a
 * seed document (whose cited line names it; the text itself is not read here).
 */
function checkContact(ctx: LintContext, contact: Contact, origin: Origin): void {
  checkCitations(ctx, contact.sources, sub(origin, 'sources'));
  if (contact.site === undefined) return;
  const host = hostOf(contact.site);
  if (host === undefined) return; // the schema has already said so
  const backed = contact.sources.some((c) => {
    const colon = c.indexOf(':');
    const source = ctx.rules.sources.get(colon < 0 ? c : c.slice(0, colon));
    return source !== undefined && (source.seed === true || hostOf(source.url) === host);
  });
  if (!backed) {
    ctx.error(
      sub(origin, 'site'),
      'unsourced-site',
      `no source of this contact names ${host}: cite the seed line or the source (with that url) that gives the address, or leave the site out`,
    );
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
