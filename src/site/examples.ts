// The examples: the worked cases (answers files) and the rule test cases, each with its answers
// in words and its advice — from the one `evaluate`, at the case's own date when it has one.
import type { Lang } from '../core/advice.ts';
import { normalizeAnswers } from '../core/answers.ts';
import { evaluate } from '../core/engine.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { textIn } from '../core/texts.ts';
import { shortQuestion, valueLabel } from '../report/explain-phrases.ts';
import { summarize } from '../report/summary.ts';
import type { ExampleInput, ExamplePage } from './model.ts';
import { HREF, SlugSet, slugOf } from './names.ts';

/** The examples of the rule set's own test files, in file order. */
export function testExamples(rules: RuleSet): ExampleInput[] {
  return rules.tests.flatMap((f) =>
    f.cases.map((c) => ({
      source: 'test' as const,
      file: f.file,
      name: c.name,
      ...(c.description ? { description: c.description } : {}),
      ...(c.as_of ? { asOf: c.as_of } : {}),
      answers: c.answers,
    })),
  );
}

export function examplePages(
  rules: RuleSet,
  lang: Lang,
  asOf: string,
  inputs: readonly ExampleInput[],
): ExamplePage[] {
  const slugs = new SlugSet();
  const p = { rules, lang, code: (id: string) => id };
  return inputs.map((input) => {
    const { answers } = normalizeAnswers(rules, input.answers, lang);
    const at = input.asOf ?? asOf;
    const advice = evaluate(rules, answers, { asOf: at, lang });
    const base =
      input.source === 'worked'
        ? (input.file.split('/').pop() ?? input.file).replace(/\.(ya?ml|json)$/i, '')
        : slugOf(input.name);
    const href = HREF.example(slugs.take(slugOf(base)));
    const name = typeof answers.innovation_name === 'string' ? answers.innovation_name : undefined;
    const top = advice.routes[0];
    return {
      kind: 'example',
      id: href,
      href,
      title: input.source === 'worked' && name ? name : input.name,
      source: input.source,
      file: input.file,
      name: input.name,
      ...(input.description ? { description: input.description } : {}),
      asOf: at,
      answers,
      answerLines: Object.keys(answers).map((q) => ({
        question: q,
        text: shortQuestion(p, q),
        answer: valueLabel(p, q, answers[q]),
      })),
      advice,
      summary: summarize(advice, rules, lang),
      ...(top
        ? {
            topRoute: {
              href: HREF.route(top.id),
              title: textIn(rules.routes.get(top.id)?.title ?? { nl: top.id, en: top.id }, lang),
            },
          }
        : {}),
    };
  });
}
