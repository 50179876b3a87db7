// A registry-managed ModelClient: loads its own worker lazily, records outcomes, reports a lost GPU and retries once.
import {
  ModelError,
  type GenerationEvent,
  type ModelClient,
  type GenerateParams,
} from './model-client.js';
import { classifyError, type ClassifiedError } from '../shared/errors.js';
import { decideLossRetry, type LossRetry } from './gpu/loss-retry.js';
import type { RegistryModel } from './list/registry-models.js';
import type { LoadProgress } from './worker/model-protocol.js';
import type { ModelWorkerClient } from './worker/model-worker-client.js';

/** A ModelClient whose loading and unloading the registry manages. */
export interface ManagedModelClient extends ModelClient {
  readonly modelId: string;
  readonly loaded: boolean;
  /** Starts the worker and loads the model; resolves at once when it is loaded. */
  load(onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<void>;
  /** Frees the model and its worker; the next stream() loads it again. */
  unload(): Promise<void>;
}

/** How a load ended, as the device log records it. */
export type LoadOutcome = 'loaded' | 'device-lost' | 'out-of-memory';

/** The retry the registry made after a GPU loss. */
export type RetryAction = LossRetry<RegistryModel>['action'];

/** The smaller-context variant a retry loads, and the answer limit picked with it. */
export interface RetryVariant {
  label: string;
  contextWindow: number | null;
  answerTokens: number | null;
}

/** What the registry lends each client: its workers, its bookkeeping, its events. */
export interface ClientHost {
  createWorkerClient(model: RegistryModel): ModelWorkerClient;
  /** GPU memory held by the other clients (the planner's estimates), in MB. */
  residentMB(except: ManagedModelClient): number;
  smallerVariant(model: RegistryModel): RegistryModel | null;
  /** Frees every other loaded model, so this one can retry alone on the GPU. */
  unloadOthers(except: ManagedModelClient): Promise<void>;
  recordOutcome(model: RegistryModel, residentMB: number, outcome: LoadOutcome): Promise<void>;
  reportFailure(
    modelId: string,
    error: ClassifiedError,
    retry: RetryAction | null,
    variant?: RetryVariant,
  ): void;
  changed(): void;
}

function lossOf(error: unknown): ClassifiedError | null {
  const classified = error instanceof ModelError ? error : classifyError(error);
  return classified.kind === 'device-lost' || classified.kind === 'out-of-memory'
    ? { kind: classified.kind, message: classified.message }
    : null;
}

/**
 * A registry-managed model: loads its worker lazily, records each load's outcome in the device log, and after
 * a lost GPU or out-of-memory retries once (smaller-context variant, or alone) before failing with the
 * classified error.
 */
export class RegistryModelClient implements ManagedModelClient {
  readonly label: string;
  readonly simulated: boolean;
  readonly paramsB: number | null;
  readonly supportsJson = true;
  private worker: ModelWorkerClient;
  /** The model actually loaded: a smaller-context variant after a retry. */
  private running: RegistryModel;
  /** After a smaller-context retry: the longest answer its context leaves room for. */
  private answerTokens: number | null = null;
  private loading: Promise<void> | null = null;
  /** Streams in flight; once retired, the client unloads when the last one ends. */
  private streaming = 0;
  private retired = false;

  constructor(
    readonly id: string,
    private readonly model: RegistryModel,
    private readonly host: ClientHost,
  ) {
    this.label = model.label;
    this.simulated = model.simulated;
    this.paramsB = model.paramsB;
    this.running = model;
    this.worker = host.createWorkerClient(model);
  }

  get modelId(): string {
    return this.model.id;
  }

  get loaded(): boolean {
    return this.worker.state === 'ready';
  }

  /** The GPU memory this client holds now (the planner's estimate), 0 when not loaded. */
  get residentMB(): number {
    return this.loaded || this.loading ? this.running.vramMB : 0;
  }

  load(onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    if (this.loaded) return Promise.resolve();
    this.loading ??= this.loadWithRetry(onProgress, signal).finally(() => {
      this.loading = null;
      this.host.changed();
    });
    this.host.changed();
    return this.loading;
  }

  async unload(): Promise<void> {
    await this.worker.unload();
    this.host.changed();
  }

  /**
   * Its registry was replaced (an engine switch): frees the model now, or, while it answers, once
   * the answer ends. A run started before the switch keeps its models to the end; the streams it
   * starts later (a judge, another round) load them again and free them when done.
   */
  retire(): Promise<void> {
    this.retired = true;
    return this.streaming === 0 ? this.unload() : Promise.resolve();
  }

  async *stream(asked: GenerateParams, signal?: AbortSignal): AsyncGenerator<GenerationEvent> {
    this.streaming += 1;
    try {
      yield* this.answer(asked, signal);
    } finally {
      this.streaming -= 1;
      if (this.retired && this.streaming === 0) void this.unload();
    }
  }

  private async *answer(
    asked: GenerateParams,
    signal?: AbortSignal,
  ): AsyncGenerator<GenerationEvent> {
    await this.load(undefined, signal);
    let params = this.withinContext(asked);
    let streamed = false;
    try {
      for await (const event of this.worker.generate(params, signal)) {
        streamed = true;
        yield event;
      }
    } catch (error) {
      const loss = lossOf(error);
      if (!loss) throw error;
      const residentMB = this.host.residentMB(this);
      await this.host.recordOutcome(this.running, residentMB, loss.kind as LoadOutcome);
      // After text has reached the caller a retry would repeat it: report the loss instead.
      const retry = streamed ? null : this.decideRetry();
      this.report(loss, retry);
      this.host.changed();
      if (!retry || !(await this.prepareRetry(retry))) throw error;
      await this.retryLoad(undefined, signal);
      params = this.withinContext(asked);
      yield* this.worker.generate(params, signal);
    }
  }

  private async loadWithRetry(
    onProgress: ((progress: LoadProgress) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    try {
      await this.attempt(onProgress, signal);
    } catch (error) {
      const loss = lossOf(error);
      if (!loss) throw error;
      const retry = this.decideRetry();
      this.report(loss, retry);
      if (!(await this.prepareRetry(retry))) throw error;
      await this.retryLoad(onProgress, signal);
    }
  }

  /** The caller's answer limit, lowered to what a smaller-context retry's context leaves room for. */
  private withinContext(params: GenerateParams): GenerateParams {
    const limit = this.answerTokens;
    if (limit === null) return params;
    return { ...params, maxTokens: Math.min(params.maxTokens ?? limit, limit) };
  }

  private report(loss: ClassifiedError, retry: LossRetry<RegistryModel> | null): void {
    const variant =
      retry?.action === 'smaller-variant'
        ? {
            label: retry.model.label,
            contextWindow: retry.model.contextWindow,
            answerTokens: retry.answerTokens,
          }
        : undefined;
    this.host.reportFailure(this.model.id, loss, retry?.action ?? null, variant);
  }

  private decideRetry(): LossRetry<RegistryModel> {
    const othersResident = this.host.residentMB(this) > 0;
    return decideLossRetry(this.running, othersResident, (m) => this.host.smallerVariant(m));
  }

  /** Sets up the one retry after a loss; false when the registry gives up. */
  private async prepareRetry(retry: LossRetry<RegistryModel>): Promise<boolean> {
    switch (retry.action) {
      case 'smaller-variant':
        this.running = retry.model;
        this.answerTokens = retry.answerTokens;
        this.worker = this.host.createWorkerClient(retry.model);
        return true;
      case 'sequential':
        // Alone on the GPU, as a later stage of the plan would have run it.
        await this.host.unloadOthers(this);
        return true;
      case 'give-up':
        return false;
    }
  }

  /** The one retry: a second loss is reported as the end of it, never retried again. */
  private async retryLoad(
    onProgress: ((progress: LoadProgress) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    try {
      await this.attempt(onProgress, signal);
    } catch (error) {
      const loss = lossOf(error);
      if (loss) this.host.reportFailure(this.model.id, loss, 'give-up');
      throw error;
    } finally {
      this.host.changed();
    }
  }

  private async attempt(
    onProgress: ((progress: LoadProgress) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const residentMB = this.host.residentMB(this);
    try {
      await this.worker.load(onProgress, signal);
    } catch (error) {
      const loss = lossOf(error);
      if (loss) await this.host.recordOutcome(this.running, residentMB, loss.kind as LoadOutcome);
      throw error;
    }
    await this.host.recordOutcome(this.running, residentMB, 'loaded');
  }
}
