// "Wat het advies zou veranderen" on an HTML page: the same one or two changes as the text and
// Markdown reports (advice-changes.ts briefChanges, said with explain's phrasing), then where the
// rest is.
import type { VNode } from 'preact';
import type { Answers, Lang } from '../../core/advice.ts';
import type { Explanation } from '../../core/explain.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { briefChanges } from '../advice-changes.ts';
import { counterfactualSentence } from '../explain-phrases.ts';
import { explainStrings } from '../explain-strings.ts';
import { Section } from './blocks.tsx';

export function ChangesSection(p: {
  readonly explanation: Explanation;
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly answers: Answers;
}): VNode {
  const s = explainStrings(p.lang);
  const phrasing = { rules: p.rules, lang: p.lang, code: (id: string) => id };
  const brief = briefChanges(p.explanation, p.rules);
  return (
    <Section id="changes" title={s.changes}>
      {brief.length > 0 ? (
        <ul>
          {brief.map((b, i) => (
            <li key={i}>{counterfactualSentence(phrasing, b.change, [b.route], p.answers)}</li>
          ))}
        </ul>
      ) : (
        <p>{s.briefNone}</p>
      )}
      <p class="note">{s.briefRest(p.explanation.counterfactuals.length, brief.length)}</p>
    </Section>
  );
}
