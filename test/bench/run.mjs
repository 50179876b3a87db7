// Entry of `npm run bench`: loads the TypeScript runner through Vite's module runner (no extra dependency).
import process from 'node:process';
import { runnerImport } from 'vite';

const { module } = await runnerImport('./test/bench/run-bench.ts', {
  configFile: false,
  logLevel: 'error',
});
// Exit explicitly: servers and the module runner may keep handles open after the work is done.
process.exit(await module.main(process.argv.slice(2)));
