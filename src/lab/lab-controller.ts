// The lab's state for its view: past runs, the run being shown, a run in progress (start, resume, stop), imports.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FusionMode } from '../fusion/modes/trace.js';
import type { ManagedModelClient, ModelRegistry } from '../models/model-registry.js';
import type { AvailableModel } from '../models/model-offer.js';
import { errorText } from '../shared/errors.js';
import { buildResults, finishedResults } from './results/lab-results.js';
import type { LabResults } from './results/results-export.js';
import type { LabMember, LabRunRecord, ReplaySpeed } from './run/lab-records.js';
import type { LabStore } from './run/lab-store.js';
import type { ModelStatsStore } from '../fusion/measure/model-stats-store.js';
import { loadTaskSet } from './run/load-task-set.js';
import { poolTaskProblem } from './run/pool-check.js';
import { answerKey, runLab, type LabProgress } from './run/run-lab.js';
import { compareInWorker } from './stats-client.js';
import { seededSubset } from './tasks/subset.js';
import type { LabTask, TaskSetId } from './tasks/task-set.js';

/** What the set-up form asks for a new run. */
export interface LabSetup {
  taskSetId: TaskSetId;
  /** A seeded random subset; null for every question. */
  subset: { size: number; seed: number } | null;
  poolIds: string[];
  modes: FusionMode[];
  replay: ReplaySpeed;
}

/** A pool member on offer, with what the lab must know about it. */
export interface LabOffer extends LabMember {
  paramsB: number | null;
  /** Where it runs when not in this page's workers: a visitor's server, or Chrome's built-in model. */
  runsOn?: AvailableModel['runsOn'];
  /** False for a model a (simulated) download must fetch before it runs. */
  downloaded?: boolean;
  /** The only task set it can answer (a recorded GSM8K model's); absent or null for any. */
  onlyTaskSet?: TaskSetId | null;
}

/** What the lab runs on: models, its own records, and measured accuracy for vote's tie-break. */
export interface LabServices {
  registry: ModelRegistry;
  store: LabStore;
  stats: ModelStatsStore;
}

/** The lab's state (a Lit reactive controller): past runs, the run shown, the run in progress, imports. */
export class LabController implements ReactiveController {
  runs: LabRunRecord[] = [];
  /** The run whose results are shown, and its results once computed. */
  shown: {
    run: LabRunRecord;
    results: LabResults | null;
    tasks: readonly LabTask[] | null;
  } | null = null;
  /** The run going on in this tab. */
  live: { runId: string; progress: LabProgress | null } | null = null;
  problem: string | null = null;
  private services: LabServices | null = null;
  private abort: AbortController | null = null;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  get running(): boolean {
    return this.live !== null;
  }

  /** Starts once the shell has provided all three services. */
  async watch(services: Partial<LabServices>): Promise<void> {
    const { registry, store, stats } = services;
    if (!registry || !store || !stats) return;
    const same = this.services;
    if (same?.registry === registry && same.store === store && same.stats === stats) return;
    this.services = { registry, store, stats };
    await this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.services) return;
    this.runs = await this.services.store.listRuns();
    this.host.requestUpdate();
  }

  /** Creates the run record and runs it; the run shows as it goes and its results at the end. */
  async start(setup: LabSetup, offers: readonly LabOffer[]): Promise<void> {
    const { store, stats } = this.require();
    if (this.running) return;
    this.problem = null;
    try {
      // Refused before anything runs: every answer would fail, and a run of failures proves nothing.
      const chosen = offers.filter((o) => setup.poolIds.includes(o.id));
      const unable = poolTaskProblem(chosen, setup.taskSetId);
      if (unable) throw new Error(unable);
      const set = await loadTaskSet(store, setup.taskSetId);
      const questions = setup.subset
        ? seededSubset(set.tasks.length, setup.subset.size, setup.subset.seed)
        : set.tasks.map((_, i) => i);
      const pool = setup.poolIds.map((id) => {
        const offer = offers.find((o) => o.id === id);
        if (!offer) throw new Error(`The model ${id} is no longer available.`);
        const member: LabMember = {
          id: offer.id,
          label: offer.label,
          simulated: offer.simulated,
          recorded: offer.recorded,
          ...(offer.source === undefined ? {} : { source: offer.source }),
        };
        return member;
      });
      const now = Date.now();
      const run: LabRunRecord = {
        id: `lab-${now.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
        createdAt: now,
        updatedAt: now,
        status: 'running',
        taskSet: { id: set.id, name: set.name, source: set.source, size: set.tasks.length },
        questions,
        subset: setup.subset && setup.subset.size < set.tasks.length ? setup.subset : null,
        pool,
        modes: setup.modes,
        accuracy: await stats.accuracy(),
        replay: setup.replay,
      };
      await store.saveRun(run);
      await this.execute(run);
    } catch (error) {
      this.problem = `The run could not start: ${errorText(error)}`;
      this.host.requestUpdate();
    }
  }

  /** Continues a run from the first missing answer (after a reload, a stop or a closed tab). */
  async resume(runId: string): Promise<void> {
    const { store } = this.require();
    const run = await store.readRun(runId);
    if (!run || this.running) return;
    this.problem = null;
    await store.saveRun({ ...run, status: 'running', updatedAt: Date.now() });
    await this.execute({ ...run, status: 'running' });
  }

  stop(): void {
    this.abort?.abort();
  }

  async show(runId: string | null): Promise<void> {
    const { store } = this.require();
    if (runId === null) {
      this.shown = null;
      this.host.requestUpdate();
      return;
    }
    const run = await store.readRun(runId);
    if (!run) {
      this.shown = null;
      this.problem = 'That run is no longer stored on this device.';
      this.host.requestUpdate();
      return;
    }
    this.shown = { run, results: null, tasks: null };
    this.host.requestUpdate();
    const [answers, tasks] = await Promise.all([
      store.readAnswers(run.id),
      // The drill-down shows the questions; without them (offline, file gone) it shows indices.
      loadTaskSet(store, run.taskSet.id).then(
        (set) => set.tasks,
        () => null,
      ),
    ]);
    const results = await buildResults(run, answers, compareInWorker);
    if (this.shown?.run.id === run.id) this.shown = { run, results, tasks };
    this.host.requestUpdate();
  }

  async delete(runId: string): Promise<void> {
    const { store } = this.require();
    if (this.live?.runId === runId) this.stop();
    await store.deleteRun(runId);
    if (this.shown?.run.id === runId) this.shown = null;
    await this.refresh();
  }

  private async execute(run: LabRunRecord): Promise<void> {
    const { registry, store } = this.require();
    const abort = new AbortController();
    this.abort = abort;
    this.live = { runId: run.id, progress: null };
    this.shown = { run, results: null, tasks: null };
    await this.refresh();
    const clients: ManagedModelClient[] = [];
    const writer = store.writer((error) => {
      this.problem = `Answers could not be stored, so the run stopped: ${errorText(error)}. Free some storage, then resume it.`;
      abort.abort();
    });
    try {
      const set = await loadTaskSet(store, run.taskSet.id);
      const stored = await store.readAnswers(run.id);
      for (const member of run.pool) {
        const instant = member.recorded && run.replay === 'instant';
        clients.push(
          registry.client(
            member.id,
            instant ? { id: `${member.id}#instant`, replay: 'instant' } : {},
          ),
        );
      }
      const plan = await registry.plan(run.pool.map((m) => m.id));
      const complete = await runLab({
        run,
        tasks: set.tasks,
        done: new Set(stored.map((a) => answerKey(a.position, a.answerer))),
        pool: clients,
        judge: judgeOf(clients, run),
        singlesAtOnce: plan.stages.length <= 1,
        schedule: plan.stages.map((stage) =>
          stage.modelIds.map((id) => clients[run.pool.findIndex((m) => m.id === id)]?.id ?? id),
        ),
        modeOptions: (mode) => modeOptions(mode, run),
        signal: abort.signal,
        onAnswer: (answer) => writer.add(answer),
        onProgress: (progress) => this.showProgress(progress),
      });
      await writer.drain();
      const answers = await store.readAnswers(run.id);
      const results = await buildResults(run, answers, compareInWorker);
      const finished = complete
        ? await store.finishRun(run, finishedResults(results))
        : { ...run, status: 'stopped' as const, updatedAt: Date.now() };
      if (!complete) await store.saveRun(finished);
      this.shown = { run: finished, results, tasks: set.tasks };
    } catch (error) {
      this.problem ??= `The run stopped: ${errorText(error)}`;
      await store.saveRun({ ...run, status: 'stopped', updatedAt: Date.now() }).catch(() => {});
    } finally {
      this.abort = null;
      this.live = null;
      // Each recorded replay holds its recording in a worker: free them with the run.
      await Promise.all(clients.filter((c) => c.id.endsWith('#instant')).map((c) => c.unload()));
      await this.refresh();
    }
  }

  /** Progress re-renders at most once per frame: a fast replay reports thousands of answers a second. */
  private showProgress(progress: LabProgress): void {
    if (!this.live) return;
    this.live = { ...this.live, progress };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.host.requestUpdate();
    });
  }

  private require(): LabServices {
    if (!this.services) throw new Error('The lab has not started: its services are missing');
    return this.services;
  }
}

/**
 * Vote samples each model several times; a recorded model answers the same every time, so a pool
 * of recorded models votes with one sample each (more would only repeat them).
 */
function modeOptions(mode: FusionMode, run: LabRunRecord) {
  const allRecorded = run.pool.every((m) => m.recorded);
  return mode === 'vote' && allRecorded ? { samples: 1 } : {};
}

/**
 * Best-of's judge and merge's aggregator: the largest model of the pool that is not a recorded
 * replay (which cannot judge); null when there is none, and the mode picks as it would.
 */
function judgeOf(
  clients: readonly ManagedModelClient[],
  run: LabRunRecord,
): ManagedModelClient | null {
  let best: ManagedModelClient | null = null;
  clients.forEach((client, i) => {
    if (run.pool[i]?.recorded) return;
    if (best === null || (client.paramsB ?? 0) > (best.paramsB ?? 0)) best = client;
  });
  return best;
}
