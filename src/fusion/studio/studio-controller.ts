// Runs a fusion for the studio: folds streamed events into columns, re-renders at most once a frame, saves the run as it goes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatMessage } from '../../models/model-client.js';
import type { ManagedModelClient } from '../../models/registry-model-client.js';
import { MemberSkips } from '../core/member-stall.js';
import type { FusionOptions } from '../core/options.js';
import { onPageResume } from '../../shared/page-lifecycle.js';
import { holdWork } from '../../ui/work-in-progress.js';
import { runFusion } from '../run-fusion.js';
import type { RunRecord } from '../history/run-record.js';
import type { FusionMode } from '../modes/trace.js';
import type { RunStore } from '../history/run-store.js';
import { toRunRecord } from '../history/run-to-record.js';
import type { Stages } from '../core/stages.js';
import { applyEvent, emptyRun, liveAnswers, type LiveRun } from './studio-state.js';
import type { AccuracyTable } from '../modes/vote-tally.js';
import { errorText } from '../../shared/errors.js';

/** What the controller needs: clients, the run store, recorded accuracy; tests add a clock and frames. */
export interface StudioDeps {
  client(modelId: string): ManagedModelClient;
  store: Pick<RunStore, 'save' | 'begin' | 'finish'>;
  accuracy(): Promise<AccuracyTable>;
  now?: () => number;
  /** Schedules one re-render; requestAnimationFrame in the page. */
  frame?: (callback: () => void) => void;
  /** The shortest time between two re-renders while events stream in. */
  renderEveryMs?: number;
  newId?: () => string;
  /** How often a running run is saved, so a closed tab loses little. */
  saveEveryMs?: number;
}

/** One run as the studio starts it: mode, prompt, pool and judge ids, options, the memory plan's stages. */
export interface StudioRunRequest {
  mode: FusionMode;
  prompt: string;
  poolIds: readonly string[];
  judgeId: string | null;
  options: FusionOptions;
  /** The memory plan's stages for the pool. */
  schedule?: Stages;
}

const SAVE_EVERY_MS = 1500;
/**
 * Streamed text is shown 20 times a second, not on every frame: four columns at 250 tok/s re-laid
 * out 60 times a second took a third of a core here, and 20 updates a second read just as smoothly.
 * The frames in between stay free for scrolling and input.
 */
const RENDER_EVERY_MS = 50;

type RunMeta = Parameters<typeof toRunRecord>[0];

/**
 * Runs fusions for the studio (a Lit reactive controller): folds the run's events into live columns,
 * re-renders the host at most once a frame, saves the run as it starts and ends, and keeps the conversation's
 * turns. `run` resolves null when a run is already going.
 */
export class StudioController implements ReactiveController {
  live: LiveRun | null = null;
  /** Why the last save of the run failed, for the visitor; null once a save succeeds. */
  saveError: string | null = null;
  /** The current run as last saved (or about to be). */
  record: RunRecord | null = null;
  /** Earlier turns of this conversation; the next run continues from them. */
  history: ChatMessage[] = [];
  /** Finished turns of this conversation, oldest first, shown above the current one. */
  earlierTurns: RunRecord[] = [];
  private abort: AbortController | null = null;
  private skips: MemberSkips | null = null;
  private framePending = false;
  private lastRenderAt = -Infinity;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  /** The id of the current run once another tab deleted it: it is not saved again. */
  private deletedElsewhere: string | null = null;
  private meta: RunMeta | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: StudioDeps,
  ) {
    host.addController(this);
  }

  get running(): boolean {
    return this.abort !== null;
  }

  hostConnected(): void {
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.onPageHide);
  }

  /** Ends the whole run; what was produced is kept and saved as stopped. */
  stop(): void {
    this.abort?.abort();
  }

  /** Drops one pool member from the current run ("Skip this model"); the others decide. */
  skip(modelId: string): void {
    this.skips?.skip(modelId);
  }

  /** Forgets the conversation so the next prompt starts fresh. */
  newConversation(): void {
    if (this.running) return;
    this.history = [];
    this.earlierTurns = [];
    this.live = null;
    this.record = null;
    this.host.requestUpdate();
  }

  async run(request: StudioRunRequest): Promise<RunRecord | null> {
    if (this.running) return null;
    const now = this.deps.now ?? (() => Date.now());
    const clients = new Map<string, ManagedModelClient>();
    const clientOf = (id: string): ManagedModelClient => {
      const existing = clients.get(id);
      if (existing) return existing;
      const client = this.deps.client(id);
      clients.set(id, client);
      return client;
    };
    const pool = request.poolIds.map(clientOf);
    const judge = request.judgeId ? clientOf(request.judgeId) : null;
    const facts = (id: string) => {
      const client = clients.get(id);
      return { label: client?.label ?? id, simulated: client?.simulated ?? false };
    };
    if (this.record?.finalAnswer) this.earlierTurns = [...this.earlierTurns, this.record];
    const abort = new AbortController();
    this.abort = abort;
    const skips = new MemberSkips();
    this.skips = skips;
    this.live = emptyRun(pool.map((c) => ({ id: c.id, label: c.label, simulated: c.simulated })));
    const meta = {
      id: this.deps.newId?.() ?? crypto.randomUUID(),
      mode: request.mode,
      prompt: request.prompt,
      history: [...this.history],
      pool,
      judge,
      createdAt: now(),
    };
    this.meta = meta;
    this.record = this.snapshot(meta);
    this.deps.store.begin(meta.id);
    this.queueSave();
    const timer = setInterval(() => {
      if (this.dirty) this.queueSave();
    }, this.deps.saveEveryMs ?? SAVE_EVERY_MS);
    // Columns count a silent model's seconds even when no event arrives.
    const tick = setInterval(() => this.host.requestUpdate(), 1000);
    this.host.requestUpdate();
    // An update accepted meanwhile stops the run first and waits until it is saved as stopped.
    let saved = (): void => undefined;
    const release = holdWork({
      what: 'a fusion run',
      stop: () => {
        this.stop();
        return new Promise<void>((resolve) => (saved = resolve));
      },
    });
    try {
      const accuracy = await this.deps.accuracy().catch(() => ({}));
      const result = await runFusion({
        mode: request.mode,
        prompt: request.prompt,
        history: meta.history,
        pool,
        judge,
        options: request.options,
        accuracy,
        ...(request.schedule ? { schedule: request.schedule } : {}),
        onStageDone: (memberIds) => unloadMembers(memberIds.map((id) => clients.get(id))),
        signal: abort.signal,
        skips,
        now,
        onResume: onPageResume,
        onEvent: (event) => {
          if (!this.live) return;
          this.live = applyEvent(this.live, event, now(), facts);
          this.dirty = true;
          this.scheduleRender();
        },
      });
      this.record = toRunRecord(meta, result);
      if (result.finalAnswer !== null && result.status === 'done') {
        this.history = [
          ...meta.history,
          { role: 'user', content: request.prompt },
          { role: 'assistant', content: result.finalAnswer },
        ];
      }
    } finally {
      clearInterval(timer);
      clearInterval(tick);
      this.abort = null;
      this.skips = null;
    }
    this.queueSave();
    await this.saving;
    this.deps.store.finish(meta.id);
    release();
    saved();
    this.host.requestUpdate();
    return this.record;
  }

  /** The run so far as a record: partial answers, no trace yet. */
  private snapshot(meta: RunMeta): RunRecord {
    return {
      id: meta.id,
      mode: meta.mode,
      prompt: meta.prompt,
      history: [...meta.history],
      poolIds: meta.pool.map((c) => c.id),
      judgeId: meta.judge?.id ?? null,
      options: {},
      answers: this.live ? liveAnswers(this.live) : [],
      finalAnswer: null,
      trace: null,
      cost: null,
      status: 'running',
      createdAt: meta.createdAt,
      finishedAt: null,
    };
  }

  private queueSave(status?: RunRecord['status']): void {
    if (this.running && this.meta) this.record = this.snapshot(this.meta);
    const record = this.record;
    if (!record || this.deletedElsewhere === record.id) return;
    const toSave = status ? { ...record, status } : record;
    this.dirty = false;
    this.saving = this.saving
      .then(() => (this.deletedElsewhere === toSave.id ? 'deleted' : this.deps.store.save(toSave)))
      .then(
        (outcome) => {
          if (outcome !== 'deleted') return this.showSaveError(null);
          // Another tab's deletion stands: the run goes on here, but is not written back.
          this.deletedElsewhere = toSave.id;
          this.showSaveError(
            'This run was deleted in another tab, so it is no longer saved: it will not be in the run history.',
          );
        },
        (error: unknown) => this.showSaveError(`This run could not be saved: ${errorText(error)}`),
      );
  }

  private showSaveError(message: string | null): void {
    if (message === this.saveError) return;
    this.saveError = message;
    this.host.requestUpdate();
  }

  private scheduleRender(): void {
    if (this.framePending) return;
    this.framePending = true;
    const frame = this.deps.frame ?? ((callback) => requestAnimationFrame(callback));
    const render = () =>
      frame(() => {
        this.framePending = false;
        this.lastRenderAt = performance.now();
        this.host.requestUpdate();
      });
    const wait =
      this.lastRenderAt + (this.deps.renderEveryMs ?? RENDER_EVERY_MS) - performance.now();
    if (wait > 0) setTimeout(render, wait);
    else render();
  }

  /** A closing tab gets one last save of what it had, marked stopped. */
  private readonly onPageHide = (): void => {
    if (this.running) this.queueSave('stopped');
  };
}

/**
 * Frees a finished stage's models so the next stage fits in GPU memory; a client that is asked again
 * later (a judge, the next round) loads again on its own. A failed unload does not end the run: the
 * next load then reports out-of-memory itself if the memory really was not freed.
 */
async function unloadMembers(clients: readonly (ManagedModelClient | undefined)[]): Promise<void> {
  await Promise.all(
    clients.map((client) =>
      client?.unload().catch((error: unknown) => {
        console.error(`Unloading ${client.label} between stages failed`, error);
      }),
    ),
  );
}
