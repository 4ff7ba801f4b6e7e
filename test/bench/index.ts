// npm run bench: every benchmark in one run, each printing its own figures and targets.
// Targets are compared as ratios within this run (machines here are shared and noisy).
// `npm run bench -- validate engine` runs only the named ones.
import type { Figure } from './figures.ts';

const ALL = ['validate', 'engine', 'startup', 'batch', 'diff'] as const;

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = wanted.length > 0 ? ALL.filter((b) => wanted.includes(b)) : [...ALL];
const unknown = wanted.filter((w) => !(ALL as readonly string[]).includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}

const summary: Figure[] = [];
for (const name of selected) {
  console.log(`\n=== ${name} ===`);
  const mod = (await import(`./${name}.ts`)) as { bench: () => Promise<Figure[] | void> };
  summary.push(...((await mod.bench()) ?? []));
}

console.log('\n=== summary ===');
const width = Math.max(...summary.map((f) => f.what.length));
for (const f of summary) {
  console.log(
    `${f.what.padEnd(width)}  ${f.value.padStart(12)}  target ${f.target.padEnd(10)} ${f.met ? 'met' : 'MISSED'}`,
  );
}
