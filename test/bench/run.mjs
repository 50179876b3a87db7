// Entry of `npm run bench` and `npm run check:real`: loads the TypeScript runner through Vite's module runner (no extra dependency).
import process from 'node:process';
import { runnerImport } from 'vite';

// `node test/bench/run.mjs --check-real MODEL…` runs check:real; anything else is the bench.
const [first, ...rest] = process.argv.slice(2);
const checkReal = first === '--check-real';
const { module } = await runnerImport(
  checkReal ? './test/bench/check-real.ts' : './test/bench/run-bench.ts',
  { configFile: false, logLevel: 'error' },
);
// Exit explicitly: servers and the module runner may keep handles open after the work is done.
process.exit(await module.main(checkReal ? rest : process.argv.slice(2)));
