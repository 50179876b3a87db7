// Bench page: each fusion mode over four simulated models in real workers; wall time against the schedule's own time.
import { runFusion } from '../../../src/fusion/run-fusion.js';
import type { FusionMode } from '../../../src/fusion/modes/trace.js';
import { SIM_MODELS } from '../../../src/models/list/sim-models.js';
import type { ModelClient } from '../../../src/models/model-client.js';
import { ModelWorkerClient } from '../../../src/models/worker/model-worker-client.js';
import { scheduleMs, type TimedEvent } from '../schedule-time.js';

export interface FusionBenchOptions {
  tokensPerSecond: number;
  timeToFirstTokenMs: number;
  maxTokens: number;
  seed: number;
}

export interface FusionBenchResult {
  mode: FusionMode;
  status: string;
  wallMs: number;
  scheduleMs: number;
  ratio: number;
  calls: number;
  /** Per call, median of (page-side span from start event to done event − engine-reported totalMs). */
  callOverheadMs: number;
  /** Wall time with no model call in flight (orchestration between calls and phases). */
  idleMs: number;
}

declare global {
  interface Window {
    benchFusionLoad: (options: FusionBenchOptions) => Promise<void>;
    benchFusionRun: (mode: FusionMode, seed: number) => Promise<FusionBenchResult>;
  }
}

let pool: ModelClient[] = [];
let settings: FusionBenchOptions | null = null;

window.benchFusionLoad = async (options) => {
  settings = options;
  pool = await Promise.all(
    SIM_MODELS.map(async (model) => {
      const worker = new ModelWorkerClient({
        engine: 'sim',
        modelId: model.id,
        label: model.label,
        // Every member at the same known speed, so the schedule is set by answer lengths alone.
        sim: {
          seed: options.seed,
          tokensPerSecond: options.tokensPerSecond,
          timeToFirstTokenMs: options.timeToFirstTokenMs,
        },
      });
      await worker.load();
      // The transport as a pool member, without the registry's bookkeeping (device log, retries).
      return {
        id: model.id,
        label: model.label,
        simulated: true,
        paramsB: model.paramsB,
        supportsJson: true,
        stream: (params, signal) => worker.generate(params, signal),
      } satisfies ModelClient;
    }),
  );
};

window.benchFusionRun = async (mode, seed) => {
  if (!settings) throw new Error('call benchFusionLoad first');
  const events: TimedEvent[] = [];
  const times: number[] = [];
  const start = performance.now();
  const result = await runFusion({
    mode,
    prompt: 'What is 17 + 25? Answer with the number.',
    pool,
    options: { seed, maxTokens: settings.maxTokens, samples: 3, agents: 4, rounds: 2 },
    onEvent: (event) => {
      events.push(event);
      times.push(performance.now());
    },
  });
  const wallMs = performance.now() - start;
  const schedule = scheduleMs(events);
  return {
    mode,
    status: result.status,
    wallMs,
    scheduleMs: schedule,
    ratio: wallMs / schedule,
    calls: events.filter((e) => e.type === 'member-done' || e.type === 'judge-done').length,
    ...overheadBreakdown(events, times, start, start + wallMs),
  };
};

/** Where the time beyond the schedule goes: inside calls (messaging, sim set-up) or between them. */
function overheadBreakdown(
  events: readonly TimedEvent[],
  times: readonly number[],
  start: number,
  end: number,
): { callOverheadMs: number; idleMs: number } {
  const open = new Map<string, number>();
  const spans: [number, number][] = [];
  const overheads: number[] = [];
  events.forEach((event, i) => {
    const at = times[i] ?? 0;
    if (event.type === 'member-start') open.set(`${event.memberId}|${event.tag}`, at);
    if (event.type === 'judge-start') open.set(`${event.judgeId}|${event.tag}`, at);
    const doneKey =
      event.type === 'member-done'
        ? `${event.memberId}|${event.tag}`
        : event.type === 'judge-done'
          ? `${event.judgeId}|${event.tag}`
          : null;
    if (doneKey === null || (event.type !== 'member-done' && event.type !== 'judge-done')) return;
    const began = open.get(doneKey) ?? at;
    spans.push([began, at]);
    overheads.push(at - began - event.usage.totalMs);
  });
  spans.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = start;
  for (const [from, to] of spans) {
    const lo = Math.max(from, reach);
    if (to > lo) covered += to - lo;
    reach = Math.max(reach, to);
  }
  overheads.sort((a, b) => a - b);
  return {
    callOverheadMs: overheads[Math.floor(overheads.length / 2)] ?? 0,
    idleMs: end - start - covered,
  };
}
