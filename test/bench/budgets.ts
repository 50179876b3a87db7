// The figures `npm run bench` reports and the budgets from issues 5 and 14 they are held against.
import type { Summary } from './stats.js';

export type FigureKey =
  | 'mainBundleGzipBytes'
  | 'coldLoadMs'
  | 'offlineLoadMs'
  | 'firstFusionMs'
  | 'firstFusionRecordedMs'
  | 'import10kMs'
  | 'import10kRatio'
  | 'search10kMs'
  | 'coldLoad10kMs'
  | 'indexAfterImport10kMs'
  | 'indexReload10kMs'
  | 'indexSnapshot10kMB'
  | 'searchWorkerHeapMB'
  | 'streamLongTasks'
  | 'streamFps'
  | 'remoteStreamLongTasks'
  | 'remoteStreamFps'
  | 'fusionOverheadRatio'
  | 'arenaFitMs'
  | 'arenaLongTasks'
  | 'heapMB'
  | 'labOverheadMsPerAnswer'
  | 'labStatsMs'
  | 'labHeapMB'
  | 'realDecodeRatio'
  | 'importInterruptedIntact';

export interface Budget {
  /** Met when the median is at most (`max`) or at least (`min`) the value. */
  kind: 'max' | 'min';
  value: number;
}

export const BUDGETS: Partial<Record<FigureKey, Budget>> = {
  mainBundleGzipBytes: { kind: 'max', value: 60 * 1024 },
  coldLoadMs: { kind: 'max', value: 400 },
  offlineLoadMs: { kind: 'max', value: 200 },
  firstFusionMs: { kind: 'max', value: 5000 },
  firstFusionRecordedMs: { kind: 'max', value: 5000 },
  import10kRatio: { kind: 'max', value: 1.25 },
  coldLoad10kMs: { kind: 'max', value: 500 },
  search10kMs: { kind: 'max', value: 16 },
  streamLongTasks: { kind: 'max', value: 0 },
  streamFps: { kind: 'min', value: 55 },
  remoteStreamLongTasks: { kind: 'max', value: 0 },
  remoteStreamFps: { kind: 'min', value: 55 },
  fusionOverheadRatio: { kind: 'max', value: 1.05 },
  arenaFitMs: { kind: 'max', value: 500 },
  arenaLongTasks: { kind: 'max', value: 0 },
  heapMB: { kind: 'max', value: 100 },
  labOverheadMsPerAnswer: { kind: 'max', value: 2 },
  labStatsMs: { kind: 'max', value: 300 },
  labHeapMB: { kind: 'max', value: 100 },
  realDecodeRatio: { kind: 'min', value: 0.97 },
  // Issue 13: every one of the 20 interrupted imports leaves the catalog exactly before or after.
  importInterruptedIntact: { kind: 'min', value: 20 },
};

export const UNITS: Record<FigureKey, string> = {
  mainBundleGzipBytes: 'bytes',
  coldLoadMs: 'ms',
  offlineLoadMs: 'ms',
  firstFusionMs: 'ms',
  firstFusionRecordedMs: 'ms',
  import10kMs: 'ms',
  import10kRatio: '×',
  search10kMs: 'ms',
  coldLoad10kMs: 'ms',
  indexAfterImport10kMs: 'ms',
  indexReload10kMs: 'ms',
  indexSnapshot10kMB: 'MB',
  searchWorkerHeapMB: 'MB',
  streamLongTasks: 'tasks',
  streamFps: 'fps',
  remoteStreamLongTasks: 'tasks',
  remoteStreamFps: 'fps',
  fusionOverheadRatio: '×',
  arenaFitMs: 'ms',
  arenaLongTasks: 'tasks',
  heapMB: 'MB',
  labOverheadMsPerAnswer: 'ms',
  labStatsMs: 'ms',
  labHeapMB: 'MB',
  realDecodeRatio: '×',
  importInterruptedIntact: 'of 20',
};

/** One measured figure (or one mode of fusionOverheadRatio), or why it was not measured. */
export interface FigureResult {
  key: FigureKey;
  /** The fusion mode for fusionOverheadRatio. */
  variant?: string;
  unit: string;
  summary: Summary | null;
  budget: Budget | null;
  /** Null when there is no budget or no measurement. */
  met: boolean | null;
  /** How it was measured, or why it was not. */
  note: string;
  /** Set on a figure carried over by a partial run (`--only`): the date of the run that measured it. */
  measuredAt?: string;
}

export function figure(
  key: FigureKey,
  samples: readonly number[] | null,
  note: string,
  summarizeFn: (samples: readonly number[]) => Summary,
  variant?: string,
): FigureResult {
  const budget = BUDGETS[key] ?? null;
  const summary = samples && samples.length > 0 ? summarizeFn(samples) : null;
  return {
    key,
    ...(variant ? { variant } : {}),
    unit: UNITS[key],
    summary,
    budget,
    met: summary && budget ? meets(summary.median, budget) : null,
    note,
  };
}

export function meets(value: number, budget: Budget): boolean {
  return budget.kind === 'max' ? value <= budget.value : value >= budget.value;
}
