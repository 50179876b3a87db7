// `npm run bench`: builds and serves Quorum, measures every figure in Chromium, writes results/latest.{json,md}.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { figure, type FigureKey, type FigureResult } from './budgets.js';
import { measureBundle } from './bundle-size.js';
import { browserVersion } from './figures/browser.js';
import { measureCatalog10k, type Catalog10kRun } from './figures/catalog-10k.js';
import { arenaFigures } from './figures/arena.js';
import { FUSION_MODES, FUSION_SIM, measureFusion } from './figures/fusion.js';
import { measureFirstFusion } from './figures/first-fusion.js';
import { measureImportInterrupted } from './figures/import-interrupted.js';
import { measureColdLoad, measureOfflineLoad } from './figures/load.js';
import { measureLab } from './figures/lab.js';
import { measureRealDecode } from './figures/real-decode.js';
import { RealUnavailable } from './real-machine.js';
import {
  STREAM_ANSWER_TOKENS,
  STREAM_BUDGET_MB,
  STREAM_TOKENS_PER_S,
  STREAM_WINDOW_MS,
  measureStream,
} from './figures/stream.js';
import { remoteFigures } from './figures/remote-stream.js';
import { GROUPS, mergeWithPrevious, type Group } from './merge-results.js';
import { ensurePageFiles } from './page-files.js';
import { resultsToMarkdown, type BenchResults } from './report.js';
import { BENCH_DIST, buildApp, serveApp, servePages } from './serve.js';
import { median, summarize } from './stats.js';

const RESULTS_DIR = join('test', 'bench', 'results');
/** Issue 13: the interrupted import is a 2,000-page one. */
const INTERRUPTED_PAGES = 2000;

interface Args {
  runs: number;
  catalogRuns: number;
  pages: number;
  only: Set<Group>;
  build: boolean;
  real: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const real = value('--real');
  if (argv.includes('--real') && (!real || real.startsWith('--'))) {
    throw new Error('--real needs a model id, e.g. --real Llama-3.2-1B-Instruct-q4f16_1-MLC');
  }
  const only = value('--only')?.split(',') ?? [...GROUPS];
  const unknown = only.filter((group) => !(GROUPS as readonly string[]).includes(group));
  if (unknown.length > 0) throw new Error(`--only: unknown group(s) ${unknown.join(', ')}`);
  const runs = Number(value('--runs') ?? 5);
  return {
    runs,
    catalogRuns: Number(value('--catalog-runs') ?? runs),
    pages: Number(value('--pages') ?? 10_000),
    only: new Set(only as Group[]),
    build: !argv.includes('--no-build'),
    real: real ?? null,
  };
}

/** Returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.real) return runReal(args.real);
  const started = Date.now();
  const notes: string[] = [
    `CPU load average at start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}.`,
  ];
  const figures: FigureResult[] = [];
  const extra: Record<string, number | string> = {};
  const log = (message: string) =>
    console.log(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${message}`);

  if (args.build) {
    log('vite build');
    await buildApp();
  }
  const attempt = async (group: Group, keys: FigureKey[], work: () => Promise<void>) => {
    if (!args.only.has(group)) return;
    log(`measuring ${group}`);
    try {
      await work();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`${group} failed: ${reason}`);
      for (const key of keys) figures.push(figure(key, null, `not measured: ${reason}`, summarize));
    }
  };

  await attempt('bundle', ['mainBundleGzipBytes'], async () => {
    const sizes = measureBundle(BENCH_DIST);
    const files = sizes.initial.map((c) => `${c.file} ${c.gzipBytes} B`).join(', ');
    // A build is deterministic: the one measurement is every run's measurement.
    figures.push(
      figure(
        'mainBundleGzipBytes',
        [sizes.initialGzipBytes],
        `One measurement (a build is deterministic). gzip -9 of the JS index.html loads up front and its static imports: ${files}. Lazy chunks (routes, workers) excluded.`,
        summarize,
      ),
    );
    if (sizes.webllm) {
      extra.webllmChunk = `${sizes.webllm.file}: ${sizes.webllm.rawBytes} B raw, ${sizes.webllm.gzipBytes} B gzip (loaded by the model worker only)`;
    }
    extra.largestLazyChunks = sizes.largestLazy
      .map((c) => `${c.file} ${c.rawBytes} B raw / ${c.gzipBytes} B gzip`)
      .join('; ');
  });

  const app = await serveApp();
  const pages = await servePages();
  try {
    await attempt('load', ['coldLoadMs'], async () => {
      const samples = await measureColdLoad(app.url, args.runs);
      figures.push(
        figure(
          'coldLoadMs',
          samples,
          'Fresh persistent profile per run (new browser process); navigation start → first animation frame with a rendered comparison card and an enabled search box (performance.now() in the page). Includes the first-visit seed import.',
          summarize,
        ),
      );
    });
    await attempt('offline', ['offlineLoadMs'], async () => {
      const samples = await measureOfflineLoad(app.url, args.runs);
      figures.push(
        figure(
          'offlineLoadMs',
          samples,
          'Fresh profile per run: first visit, wait until the service worker is active and controls the page, context.setOffline(true), reload → interactive (same definition as coldLoadMs).',
          summarize,
        ),
      );
    });
    await attempt('first', ['firstFusionMs'], async () => {
      const samples = await measureFirstFusion(app.url, args.runs);
      const how =
        'Fresh persistent profile per run with --enable-unsafe-webgpu (the software adapter): navigation to / → click "Try the simulated demo" → click Run → the fused answer visible, timed in Node; the default pool is downloaded (simulated) and run at the simulated engine\'s default speeds.';
      figures.push(figure('firstFusionMs', samples, how, summarize));
    });
    await attempt('first', ['firstFusionRecordedMs'], async () => {
      const recorded = await measureFirstFusion(app.url, args.runs, 'recorded');
      const recordedHow =
        'As firstFusionMs, but in the studio the pool becomes the four recorded GSM8K models (simulated ones unchecked) and "Ask a GSM8K question" fills the prompt before Run; Vote, replayed at the recorded engine\'s default pace.';
      figures.push(figure('firstFusionRecordedMs', recorded, recordedHow, summarize));
    });
    await attempt(
      'catalog',
      [
        'import10kMs',
        'import10kRatio',
        'indexAfterImport10kMs',
        'coldLoad10kMs',
        'indexReload10kMs',
        'indexSnapshot10kMB',
        'heapMB',
        'searchWorkerHeapMB',
        'search10kMs',
      ],
      async () => {
        const files = ensurePageFiles(args.pages);
        extra.generatedPages = `${files.paths.length} pages, ${(files.totalBytes / files.paths.length / 1024).toFixed(2)} KB average, in ${files.dir}`;
        const runs: Catalog10kRun[] = [];
        for (let run = 0; run < args.catalogRuns; run++) {
          runs.push(await measureCatalog10k(app.url, pages.url, files.paths, run === 0));
          log(
            `catalog run ${run + 1}/${args.catalogRuns}: import ${Math.round(runs[run]?.importMs ?? 0)} ms, floor ${Math.round(runs[run]?.floorMs ?? 0)} ms`,
          );
        }
        const n = files.paths.length;
        const first = runs[0];
        if (first?.floor.oneTransactionMs !== undefined) {
          extra.floorOneTransaction = `run 1: the floor's ${first.floor.comparisons} comparisons and ${first.floor.tools} tools put in one readwrite transaction (as an all-or-nothing import must write them) took ${first.floor.oneTransactionMs.toFixed(0)} ms, against ${first.floor.putMs.toFixed(0)} ms committed every 1,000; the app's import took ${first.importMs.toFixed(0)} ms`;
        }
        figures.push(
          figure(
            'import10kMs',
            runs.map((r) => r.importMs),
            `${n} generated pages through the "Import comparisons" file input (setInputFiles with the files' paths), fresh profile per run: the input's change event → the import live region announcing the result ("${first?.importSummary ?? ''}…").`,
            summarize,
          ),
          figure(
            'import10kRatio',
            runs.map((r) => r.importMs / r.floorMs),
            `import10kMs ÷ the floor of the same run, same browser: the same ${first?.floor.comparisons ?? n} ComparisonRecords and ${first?.floor.tools ?? '?'} ToolRecords (made by the app's own readImportFiles + planImport, untimed) put with bare IDBObjectStore.put calls, 1000 comparisons per readwrite transaction, into a database with the app's own schema and indexes (openDatabase). Floor median ${median(runs.map((r) => r.floorMs)).toFixed(0)} ms.`,
            summarize,
          ),
          figure(
            'indexAfterImport10kMs',
            runs.map((r) => r.indexAfterImportMs),
            "Same import run: the import live region announcing the result → the search worker's next progress message with ready (its index then holds the imported pages; searches meanwhile wait for it).",
            summarize,
          ),
          figure(
            'coldLoad10kMs',
            runs.map((r) => r.coldLoad10kMs),
            `The import run's profile with ${n + 5} comparisons stored, browser restarted (a returning visitor: service worker installed, HTTP cache warm): navigation → interactive.`,
            summarize,
          ),
          figure(
            'indexReload10kMs',
            runs.map((r) => r.indexReloadMs),
            `Same restarted browser: navigation → the search worker's first progress message with ready (a probe listens to the worker's messages). ${runs.filter((r) => r.indexRebuilt).length} of ${runs.length} runs rebuilt the index from the records instead of loading the saved one (the first browser waits until the index is saved at the catalog's revision before closing).`,
            summarize,
          ),
          figure(
            'indexSnapshot10kMB',
            runs.flatMap((r) => (r.snapshotMB === null ? [] : [r.snapshotMB])),
            "The saved search index as IndexedDB keeps it: the size of the files in the profile's *.indexeddb.blob folder (where Chromium puts large values) after the import run's browser closed, in MiB.",
            summarize,
          ),
          figure(
            'heapMB',
            runs.map((r) => r.heapMB),
            'After coldLoad10k, once the count shows: CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize, in MiB.',
            summarize,
          ),
          figure(
            'searchWorkerHeapMB',
            runs.map((r) => r.workerHeapMB),
            "The search worker's heap once its index is ready (CDP, the worker attached as a child target): HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize, in MiB.",
            summarize,
          ),
          figure(
            'search10kMs',
            runs.map((r) => median(r.searchMs)),
            `Per run, the median of ${runs[0]?.searchMs.length ?? 0} keystrokes (one letter typed into the empty search box): keydown → the result count in the catalog view changed (MutationObserver). The search box has no typing debounce: each keystroke searches. The part after its search-change event (search in the worker + render) has median ${median(runs.map((r) => median(r.searchAfterDebounceMs))).toFixed(1)} ms.`,
            summarize,
          ),
        );
      },
    );
    await attempt('interrupted', ['importInterruptedIntact'], async () => {
      const files = ensurePageFiles(INTERRUPTED_PAGES);
      const result = await measureImportInterrupted(app.url, files.paths, 20, undefined, log);
      const intact = result.runs.filter((r) => r.state !== 'neither');
      const at = (state: string) => result.runs.filter((r) => r.state === state).length;
      figures.push(
        figure(
          'importInterruptedIntact',
          [intact.length],
          `${files.paths.length} generated pages through "Import comparisons", a fresh profile per run; the page reloads itself at 20 seeded random moments after the input's change event, within the uninterrupted import's ${Math.round(result.fullImportMs)} ms plus a tenth (${result.runs.map((r) => r.reloadAfterMs).join(', ')} ms). After each reload the comparisons and tools stores, read with bare IndexedDB and compared without their …At fields, equal the catalog before the import (${result.before.comparisons} comparisons) or after it (${result.after.comparisons}): ${at('before')} before, ${at('after')} after, ${at('neither')} neither.`,
          summarize,
        ),
      );
    });
    await attempt('fusion', ['fusionOverheadRatio'], async () => {
      const results = await measureFusion(pages.url, args.runs);
      for (const mode of FUSION_MODES) {
        const list = results[mode];
        figures.push(
          figure(
            'fusionOverheadRatio',
            list.map((r) => r.ratio),
            `Bench page importing src/fusion/run-fusion.ts with 4 ModelWorkerClients (real module workers, simulated engine at ${FUSION_SIM.tokensPerSecond} tok/s after ${FUSION_SIM.timeToFirstTokenMs} ms, ≤${FUSION_SIM.maxTokens} tokens): performance.now() around runFusion ÷ the schedule's own time (per phase, the busiest model's summed engine-reported usage.totalMs; phases added). ${list[0]?.calls ?? 0} calls; wall median ${median(list.map((r) => r.wallMs)).toFixed(0)} ms vs schedule ${median(list.map((r) => r.scheduleMs)).toFixed(0)} ms; per call, page-side span minus engine time ${median(list.map((r) => r.callOverheadMs)).toFixed(0)} ms (median); no call in flight for ${median(list.map((r) => r.idleMs)).toFixed(0)} ms of the wall time.`,
            summarize,
            mode,
          ),
        );
      }
    });
    await attempt('stream', ['streamLongTasks', 'streamFps'], async () => {
      const runs = await measureStream(app.url, args.runs);
      const window = median(runs.map((r) => r.windowMs));
      const short = window < STREAM_WINDOW_MS - 500;
      const how = `Studio /studio?engine=sim&simSpeed=${STREAM_TOKENS_PER_S}&simTokens=${STREAM_ANSWER_TOKENS}&simTtft=100 (simulated engine options from the URL), GPU-memory budget override ${STREAM_BUDGET_MB} MB on the Models page so the plan runs all four at once, an open prompt, 4 simulated models picked, "Longest answer" ${STREAM_ANSWER_TOKENS} tokens, Run: four ${STREAM_ANSWER_TOKENS}-token answers at ${STREAM_TOKENS_PER_S} tok/s each. Window: Run click → Run enabled again, at most ${STREAM_WINDOW_MS / 1000} s; median window ${(window / 1000).toFixed(1)} s${short ? ' — SHORTER than the 20 s the issue asks for: the run ended early' : ''}.`;
      const idle = `The idle studio just before Run, same counters over 3 s (what this machine gives without streaming): ${median(runs.map((r) => r.idleLongTasks))} long tasks, ${median(runs.map((r) => r.idleFps)).toFixed(1)} fps (medians).`;
      figures.push(
        figure(
          'streamLongTasks',
          runs.map((r) => r.longTasks),
          `${how} PerformanceObserver 'longtask' entries over 50 ms. ${idle}`,
          summarize,
        ),
        figure(
          'streamFps',
          runs.map((r) => r.fps),
          `${how} requestAnimationFrame callbacks per second. ${idle}`,
          summarize,
        ),
      );
    });
    await attempt('arena', ['arenaFitMs', 'arenaLongTasks'], async () => {
      figures.push(...(await arenaFigures(pages.url, args.runs)));
    });
    await attempt('lab', ['labOverheadMsPerAnswer', 'labStatsMs', 'labHeapMB'], async () => {
      // A full run is minutes long: three runs, however many the other figures take.
      const runs = await measureLab(app.url, pages.url, Math.min(args.runs, 3));
      const first = runs[0];
      const answers = first?.answers ?? 0;
      const perAnswer = (ms: number) => ms / answers;
      if (first) notes.push(first.report);
      figures.push(
        figure(
          'labOverheadMsPerAnswer',
          runs.map((r) => perAnswer(r.labMs - r.bareMs)),
          `/lab in the built app, fresh profile: GSM8K, every question (1,319), the four recorded models at instant replay + vote (${answers} answers: each model alone and vote per question): Start run → the verdict shown, minus the same model calls made on a bench page with nothing stored, graded or shown (runFusion over the same recorded workers), divided by the answers. Whole run median ${(median(runs.map((r) => r.labMs)) / 1000).toFixed(1)} s (${median(runs.map((r) => perAnswer(r.labMs))).toFixed(2)} ms per answer); bare calls ${(median(runs.map((r) => r.bareMs)) / 1000).toFixed(1)} s.`,
          summarize,
        ),
        figure(
          'labStatsMs',
          runs.flatMap((r) => r.stats.map((s) => s.ms)),
          `Bench page: compareInWorker (the lab's statistics worker) on 1,319 paired outcomes from the recording (four models + vote by plurality), ${first?.stats[0]?.comparisons ?? 0} comparison(s), 2,000 paired-bootstrap resamples each, plus McNemar; call → result in the page, after one warm-up call. Long tasks on the page meanwhile (PerformanceObserver, over 50 ms): ${runs.flatMap((r) => r.stats.map((s) => s.longTasks)).join(', ')}.`,
          summarize,
        ),
        figure(
          'labHeapMB',
          runs.map((r) => r.heapMB),
          'The full run above once its results are shown: CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize of the page, in MiB.',
          summarize,
        ),
      );
    });
    await attempt('remote', ['remoteStreamLongTasks', 'remoteStreamFps'], async () => {
      figures.push(...(await remoteFigures(app.url, args.runs)));
    });
  } finally {
    await Promise.all([app.close(), pages.close()]);
  }
  figures.push(
    figure(
      'realDecodeRatio',
      null,
      'not measured: needs `npm run bench -- --real MODEL_ID` on a machine with WebGPU and network (this one has neither).',
      summarize,
    ),
  );

  notes.push(
    `CPU load average at end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')} (other engineers share these 2 cores; figures may be noisy).`,
  );
  const partial = args.only.size < GROUPS.length;
  const merged = partial ? mergePartial(figures, notes, [...args.only]) : figures;
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      browserVersion: await browserVersion(),
      nodeVersion: process.version,
      platform: `${platform()} ${release()}`,
    },
    durationS: (Date.now() - started) / 1000,
    notes,
    figures: merged,
    extra,
  };
  const markdown = resultsToMarkdown(results);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  return 0;
}

async function runReal(modelId: string): Promise<number> {
  const pages = await servePages();
  try {
    const result = await measureRealDecode(pages.url, modelId);
    const ratio = median(result.quorumTokensPerS) / median(result.webllmTokensPerS);
    console.log(
      `realDecodeRatio ${modelId}: ${ratio.toFixed(3)} (Quorum worker ${median(result.quorumTokensPerS).toFixed(1)} tok/s, web-llm MLCEngine ${median(result.webllmTokensPerS).toFixed(1)} tok/s; budget ≥ 0.97)`,
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, 'real.json'),
      `${JSON.stringify({ date: new Date().toISOString(), modelId, ratio, ...result }, null, 2)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RealUnavailable) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await pages.close();
  }
}

/** With --only, the other groups' figures are kept from the previous latest.json, and that is noted. */
function mergePartial(figures: FigureResult[], notes: string[], groups: string[]): FigureResult[] {
  const path = join(RESULTS_DIR, 'latest.json');
  const previous = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as BenchResults)
    : null;
  const merged = mergeWithPrevious(figures, groups, previous, ORDER);
  if (merged.note) notes.push(merged.note);
  return merged.figures;
}

const ORDER: FigureKey[] = [
  'mainBundleGzipBytes',
  'coldLoadMs',
  'offlineLoadMs',
  'import10kMs',
  'import10kRatio',
  'indexAfterImport10kMs',
  'coldLoad10kMs',
  'indexReload10kMs',
  'indexSnapshot10kMB',
  'heapMB',
  'searchWorkerHeapMB',
  'search10kMs',
  'importInterruptedIntact',
  'fusionOverheadRatio',
  'streamLongTasks',
  'streamFps',
  'labOverheadMsPerAnswer',
  'labStatsMs',
  'labHeapMB',
  'remoteStreamLongTasks',
  'remoteStreamFps',
  'realDecodeRatio',
];
