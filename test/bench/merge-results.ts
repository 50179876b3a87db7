// `npm run bench -- --only …`: the fresh figures merged into the previous results, with one note saying which
// groups were re-measured now and which were carried over from which earlier run (one level, never nested).
import type { FigureKey, FigureResult } from './budgets.js';
import type { BenchResults } from './report.js';

/** The figure groups `--only` names, in the order the bench measures them. */
export const GROUPS = [
  'bundle',
  'load',
  'offline',
  'first',
  'catalog',
  'interrupted',
  'fusion',
  'stream',
  'arena',
  'lab',
  'remote',
] as const;

/** A group of figures `--only` can re-measure. */
export type Group = (typeof GROUPS)[number];

/** Each figure's group, to say which groups were carried over (realDecodeRatio has its own `--real`). */
export const GROUP_OF: Record<FigureKey, Group | 'real'> = {
  mainBundleGzipBytes: 'bundle',
  coldLoadMs: 'load',
  offlineLoadMs: 'offline',
  firstFusionMs: 'first',
  firstFusionRecordedMs: 'first',
  import10kMs: 'catalog',
  import10kRatio: 'catalog',
  search10kMs: 'catalog',
  coldLoad10kMs: 'catalog',
  indexAfterImport10kMs: 'catalog',
  indexReload10kMs: 'catalog',
  indexSnapshot10kMB: 'catalog',
  searchWorkerHeapMB: 'catalog',
  heapMB: 'catalog',
  importInterruptedIntact: 'interrupted',
  fusionOverheadRatio: 'fusion',
  streamLongTasks: 'stream',
  streamFps: 'stream',
  arenaFitMs: 'arena',
  arenaLongTasks: 'arena',
  labOverheadMsPerAnswer: 'lab',
  labStatsMs: 'lab',
  labHeapMB: 'lab',
  remoteStreamLongTasks: 'remote',
  remoteStreamFps: 'remote',
  realDecodeRatio: 'real',
};

/**
 * The fresh `figures` of the `groups` re-measured now, plus every other figure of `previous` (null: there
 * is none), in `order`; and the one note that says so. A carried-over figure keeps the date of the run
 * that measured it (`measuredAt`, else the previous run's date), so the note names each group's own
 * date however many partial runs it has been carried through; the previous run's notes are not copied.
 */
export function mergeWithPrevious(
  figures: readonly FigureResult[],
  groups: readonly string[],
  previous: Pick<BenchResults, 'date' | 'figures'> | null,
  order: readonly FigureKey[],
): { figures: FigureResult[]; note: string | null } {
  if (!previous) return { figures: [...figures], note: null };
  const fresh = new Set(figures.map((f) => f.key));
  const kept = previous.figures
    .filter((f) => !fresh.has(f.key))
    .map((f) => ({ ...f, measuredAt: f.measuredAt ?? previous.date }));
  const byDate = new Map<string, string[]>();
  for (const f of kept) {
    const names = byDate.get(f.measuredAt) ?? [];
    const group = GROUP_OF[f.key] ?? f.key;
    if (!names.includes(group)) names.push(group);
    byDate.set(f.measuredAt, names);
  }
  const carried = [...byDate]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([date, names]) => `${names.join(', ')} from the run of ${date}`);
  const note =
    `Only ${groups.join(', ')} re-measured now` +
    (carried.length > 0 ? `; carried over: ${carried.join('; ')}.` : '.');
  const at = (f: FigureResult) => order.indexOf(f.key);
  return { figures: [...kept, ...figures].sort((a, b) => at(a) - at(b)), note };
}
