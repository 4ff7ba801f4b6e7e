import { main } from '/work/wt-html/src/cli/main.ts';
process.exitCode = await main(process.argv.slice(2));
