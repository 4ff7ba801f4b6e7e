// The stakeholder checklist by phase: a heading per phase (its name from labels.ts phaseLabel, the
// single source of phase names), and per party a checkbox to tick on screen or on paper, its name,
// when (now, next, later), why, what to bring, and how to reach it when the advice says so.
import type { VNode } from 'preact';
import type { Lang, StakeholderItem } from '../../core/advice.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import type { Phase } from '../../core/ids.ts';
import { phaseLabel } from '../labels.ts';
import type { SourceIndex } from '../sources.ts';
import { ui } from '../ui-strings.ts';
import { htmlStrings } from './html-strings.ts';
import { Cite } from './sources.tsx';

export interface StakeholderGroup {
  readonly phase: Phase;
  readonly items: readonly StakeholderItem[];
}

export function StakeholderChecklist(p: {
  readonly groups: readonly StakeholderGroup[];
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly src: SourceIndex;
  /** Prefix of the checkboxes' ids, unique on the page. */
  readonly idPrefix?: string;
}): VNode {
  const s = ui(p.lang);
  const h = htmlStrings(p.lang);
  const prefix = p.idPrefix ?? 'check';
  return (
    <>
      {p.groups.map((g) => (
        <div key={g.phase}>
          <h3>{phaseLabel(p.rules, g.phase, p.lang)}</h3>
          <ul class="checklist">
            {g.items.map((x) => {
              const id = `${prefix}-${g.phase}-${x.id}`;
              return (
                <li key={x.id}>
                  <input type="checkbox" id={id} aria-label={h.tick(x.name)} />
                  <div>
                    <strong>{x.name}</strong>
                    {x.when ? <span class="when"> ({s.when[x.when]})</span> : null}: {x.why}
                    <Cite src={p.src} sources={x.sources} lang={p.lang} />
                    {x.bring && x.bring.length > 0 ? (
                      <div>
                        {s.bring}: {x.bring.join('; ')}
                      </div>
                    ) : null}
                    {x.contact ? <Contact contact={x.contact} name={x.name} lang={p.lang} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}

function Contact(p: {
  readonly contact: NonNullable<StakeholderItem['contact']>;
  readonly name: string;
  readonly lang: Lang;
}): VNode {
  const h = htmlStrings(p.lang);
  const site = p.contact.site;
  return (
    <div class="contact">
      {h.ask}: {p.contact.ask}
      {site && /^https?:\/\//i.test(site) ? (
        <>
          {' · '}
          <a href={site}>{h.site(p.name)}</a>
        </>
      ) : null}
    </div>
  );
}
