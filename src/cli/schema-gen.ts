// Generates rules/schema/<kind>.schema.json from the zod schemas (npm run schema), or checks that
// the committed files are up to date (--check, used by CI).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FILE_KINDS } from '../core/schema.ts';

export function schemaFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [kind, schema] of Object.entries(FILE_KINDS)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const doc = {
      $id: `https://innoroute.local/schema/${kind}.schema.json`,
      title: `innoroute ${kind} file`,
      ...json,
    };
    out.set(`${kind}.schema.json`, JSON.stringify(doc, null, 2) + '\n');
  }
  return out;
}

function run(args: string[]): number {
  const dir = args.find((a) => !a.startsWith('--')) ?? 'rules/schema';
  const check = args.includes('--check');
  const stale: string[] = [];
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of schemaFiles()) {
    const path = join(dir, name);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        /* missing counts as stale */
      }
      if (current !== text) stale.push(path);
    } else {
      writeFileSync(path, text);
    }
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `JSON Schema is out of date: ${stale.join(', ')}\nRun "npm run schema" and commit the result.\n`,
    );
    return 1;
  }
  process.stdout.write(
    check ? 'JSON Schema is up to date\n' : `wrote ${FILE_KIND_COUNT} schema files to ${dir}\n`,
  );
  return 0;
}
const FILE_KIND_COUNT = Object.keys(FILE_KINDS).length;

process.exitCode = run(process.argv.slice(2));
