// One question as a terminal prompt: a select for one option or yes/no, checkboxes for several,
// a line of input for numbers and text. Every prompt also offers help, skip and back, and turns
// the reply into an Action the question loop applies; help is answered here and the question asked
// again, so the loop only sees answers, skips and steps back.
import type { ChalkInstance } from 'chalk';
import type { AnswerValue, Lang } from '../../core/advice.ts';
import { parseAnswer, THOUSANDS_AMOUNT } from '../../core/answers.ts';
import type { QuestionDef, RuleSet } from '../../core/ruleset.ts';
import { splitCitation } from '../../report/sources.ts';
import { wrap } from '../../report/text.ts';
import { ui } from '../../report/ui-strings.ts';
import type { ChoiceItem, Prompter } from '../prompter.ts';
import type { SessionState } from './session-file.ts';

// The values of the action choices; symbols cannot collide with an option id.
const HELP = Symbol('help');
const BACK = Symbol('back');
const SKIP = Symbol('skip');
type Special = typeof HELP | typeof BACK | typeof SKIP;

export type Action = { kind: 'answer'; value: AnswerValue } | { kind: 'skip' } | { kind: 'back' };

/** Asks question `q` until the user answers, skips or goes back. */
export async function askQuestion(
  rules: RuleSet,
  q: QuestionDef,
  state: SessionState,
  prompter: Prompter,
  lang: Lang,
  chalk: ChalkInstance,
  progress: string,
  width: number,
): Promise<Action> {
  const s = ui(lang);
  const w = s.wizard;
  const canGoBack = state.history.length > 0;
  const message = `${chalk.gray(progress)} ${q.text[lang]}`;
  const current = state.answers[q.id];
  const actions = (skip: boolean): ChoiceItem<Special>[] => [
    { separator: true },
    ...(skip ? [{ value: SKIP, name: w.skipChoice } as const] : []),
    { value: HELP, name: w.helpChoice },
    ...(canGoBack ? [{ value: BACK, name: w.backChoice } as const] : []),
  ];
  const help = () => prompter.say(helpText(rules, q, lang, chalk, width));

  for (;;) {
    switch (q.kind) {
      case 'one':
      case 'boolean': {
        const choices: ChoiceItem<string | boolean | Special>[] =
          q.kind === 'one'
            ? [
                ...q.optionList.map((o) => ({
                  value: o.id,
                  name: o.label[lang],
                  ...(o.help ? { description: o.help[lang] } : {}),
                })),
                // an "unknown" option says it already; no second way to say it
                ...actions(!q.optionIds.includes('unknown')),
              ]
            : [{ value: true, name: w.yes }, { value: false, name: w.no }, ...actions(true)];
        const fits = q.kind === 'one' ? typeof current === 'string' : typeof current === 'boolean';
        const picked = await prompter.select<string | boolean | Special>({
          message,
          choices,
          ...(fits ? { default: current as string | boolean } : {}),
        });
        if (picked === HELP) {
          help();
          continue;
        }
        if (picked === BACK) return { kind: 'back' };
        if (picked === SKIP) return { kind: 'skip' };
        return { kind: 'answer', value: picked };
      }
      case 'many': {
        const ask = (ticked: ReadonlySet<string | Special>) =>
          prompter.checkbox<string | Special>({
            message,
            hint: w.checkboxHint,
            choices: [
              ...q.optionList.map((o) => ({
                value: o.id,
                name: o.label[lang],
                checked: ticked.has(o.id),
                ...(o.help ? { description: o.help[lang] } : {}),
              })),
              ...actions(false),
            ],
          });
        let picked = await ask(new Set(Array.isArray(current) ? current : []));
        for (;;) {
          if (picked.includes(BACK)) return { kind: 'back' };
          if (!picked.includes(HELP)) break;
          help();
          // ask again with what was ticked still ticked
          picked = await ask(new Set(picked));
        }
        const ids = picked.filter((v): v is string => typeof v === 'string');
        if (ids.length === 0) return { kind: 'skip' };
        const parsed = parseAnswer(q, ids);
        return 'value' in parsed ? { kind: 'answer', value: parsed.value } : { kind: 'skip' };
      }
      case 'number':
      case 'text': {
        const hint = canGoBack ? w.textHint : w.textHintFirst;
        const typed = await prompter.input({
          message,
          hint,
          ...(current !== undefined ? { default: String(current) } : {}),
          validate: (v) => {
            const t = v.trim();
            if (t === '' || t === '?' || (t === '<' && canGoBack)) return true;
            // "250.000" is 250 by the answer rules, but a Dutch reader means 250000: ask
            if (q.kind === 'number' && THOUSANDS_AMOUNT.test(t))
              return w.numberAmbiguous(t.replace(/[.,]/g, ''));
            const parsed = parseAnswer(q, t, lang);
            if ('problem' in parsed)
              return q.kind === 'number' ? w.numberInvalid : parsed.problem.message;
            return true;
          },
        });
        const t = typed.trim();
        if (t === '?') {
          help();
          continue;
        }
        if (t === '<' && canGoBack) return { kind: 'back' };
        const parsed = parseAnswer(q, t);
        if ('value' in parsed) return { kind: 'answer', value: parsed.value };
        return { kind: 'skip' };
      }
    }
  }
}

/** Why a question is asked, with its sources and, for options, what each means. */
export function helpText(
  rules: RuleSet,
  q: QuestionDef,
  lang: Lang,
  chalk: ChalkInstance,
  width = 100,
): string {
  const w = ui(lang).wizard;
  const lines: string[] = [];
  lines.push(wrap(`${w.whyAsked}: ${q.help?.[lang] ?? w.noHelp}`, width, '  ', '  '));
  for (const o of q.optionList) {
    if (o.help) lines.push(wrap(`${o.label[lang]}: ${o.help[lang]}`, width, '    • ', '      '));
  }
  // one line per source, by its title (the line numbers are for reviewers: rules/questions.yaml)
  const ids = [...new Set((q.sources ?? []).map((c) => splitCitation(c).id))];
  for (const id of ids) {
    const src = rules.sources.get(id);
    const meta = [src?.publisher, src?.year].filter((v) => v !== undefined).join(', ');
    const text = `${w.sourcesLabel}: ${src?.title ?? id}${meta ? ` (${meta})` : ''}${src?.url ? ` ${src.url}` : ''}`;
    lines.push(chalk.gray(wrap(text, width, '  ', '    ')));
  }
  return lines.join('\n');
}
