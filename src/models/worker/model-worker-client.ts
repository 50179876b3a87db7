// A ModelClient backed by its own module worker: load, stream, abort, unload, cache, with crashes and silence classified.
import {
  ModelError,
  type GenerationEvent,
  type ModelClient,
  type GenerateParams,
} from '../model-client.js';
import { newAliveLockName } from '../../shared/alive-lock.js';
import { classified, type ClassifiedError } from '../../shared/errors.js';
import { createEventQueue } from '../../shared/event-queue.js';
import {
  PROTOCOL_VERSION,
  type EngineKind,
  type LoadProgress,
  type ModelRecordOverride,
  type SimOptions,
} from './model-protocol.js';
import {
  WorkerConnection,
  type ConnectionTiming,
  type RequestEvent,
  type RequestMessage,
} from './worker-connection.js';
import { definedTiming, requestUntil } from './worker-request.js';

export interface ModelWorkerClientOptions extends Partial<ConnectionTiming> {
  engine: EngineKind;
  modelId: string;
  label: string;
  paramsB: number | null;
  /** Defaults to the model id; set it when one model appears twice in a pool. */
  id?: string;
  sim?: SimOptions;
  modelRecord?: ModelRecordOverride;
  contextWindow?: number;
  /** Tests inject their own worker; the default is the bundled model worker. */
  createWorker?: () => Worker;
}

export type ClientState = 'idle' | 'loading' | 'ready' | 'crashed' | 'device-lost' | 'unloaded';

const DEFAULT_TIMING: ConnectionTiming = {
  // Long: a slow GPU can take a while over a long prompt before the first token.
  inactivityTimeoutMs: 120_000,
  heartbeatMs: 1_000,
  heartbeatTimeoutMs: 10_000,
};
const UNLOAD_GRACE_MS = 3_000;

/** The bundled model worker, named with its life lock so the page learns at once when it ends. */
function defaultWorker(): { worker: Worker; aliveLock: string } {
  const aliveLock = newAliveLockName();
  const worker = new Worker(new URL('../../../workers/model.worker.ts', import.meta.url), {
    type: 'module',
    name: aliveLock,
  });
  return { worker, aliveLock };
}

let counter = 0;
const nextRequestId = (): string => `r${++counter}`;

export class ModelWorkerClient implements ModelClient {
  readonly id: string;
  readonly label: string;
  readonly simulated: boolean;
  readonly paramsB: number | null;
  readonly supportsJson = true;
  state: ClientState = 'idle';
  private connection: WorkerConnection | null = null;
  private lastFailure: ClassifiedError | null = null;
  private loading: Promise<void> | null = null;
  private readonly timing: ConnectionTiming;
  // Requests take turns: the worker runs one generation at a time and rejects a second.
  private queueTail: Promise<void> = Promise.resolve();

  constructor(private readonly options: ModelWorkerClientOptions) {
    this.id = options.id ?? options.modelId;
    this.label = options.label;
    this.simulated = options.engine === 'sim';
    this.paramsB = options.paramsB;
    this.timing = { ...DEFAULT_TIMING, ...definedTiming(options) };
  }

  /** Starts a fresh worker and loads the model into it; a failed or stopped load frees the worker. */
  load(onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    if (this.state === 'ready') return Promise.resolve();
    // A second caller waits for the load already under way (its progress goes to the first caller).
    if (this.state !== 'loading' || !this.loading)
      this.loading = this.startLoad(onProgress, signal);
    return this.loading;
  }

  private async startLoad(
    onProgress?: (progress: LoadProgress) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    this.connection?.terminate(classified('aborted', 'replaced by a new load'));
    const connection = this.connect();
    this.state = 'loading';
    const { engine, modelId, modelRecord, contextWindow, sim } = this.options;
    try {
      await this.request(
        connection,
        {
          type: 'load',
          v: PROTOCOL_VERSION,
          requestId: nextRequestId(),
          engine,
          modelId,
          modelRecord,
          contextWindow,
          sim,
        },
        (event) => {
          if (event.type === 'load-progress') onProgress?.(event.progress);
          return event.type === 'loaded';
        },
        signal,
      );
      if (this.connection !== connection) throw new ModelError(classified('aborted', 'unloaded'));
      this.state = 'ready';
    } catch (error) {
      connection.terminate(classified('aborted', 'load failed'));
      if (this.connection === connection) this.state = stateAfter(error);
      throw error;
    }
  }

  stream(params: GenerateParams, signal?: AbortSignal): AsyncIterable<GenerationEvent> {
    return this.generate(params, signal);
  }

  /** Asks the worker to free the model, then terminates it; later calls fail until `load` again. */
  async unload(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    this.state = 'unloaded';
    if (!connection || connection.failure) return;
    const grace = AbortSignal.timeout(UNLOAD_GRACE_MS);
    await this.request(
      connection,
      { type: 'unload', requestId: nextRequestId() },
      (e) => e.type === 'unloaded',
      grace,
    ).catch(() => undefined);
    connection.terminate(classified('aborted', 'unloaded', `${this.label} was unloaded.`));
  }

  /** Whether the model's files are in the browser's cache (web-llm's own check). */
  async cacheStatus(): Promise<boolean> {
    let cached = false;
    await this.withCacheWorker({ type: 'cache-status' }, (event) => {
      if (event.type !== 'cache-status') return false;
      cached = event.cached;
      return true;
    });
    return cached;
  }

  async deleteFromCache(): Promise<void> {
    await this.withCacheWorker({ type: 'cache-delete' }, (event) => event.type === 'cache-deleted');
  }

  private async *generate(
    params: GenerateParams,
    signal?: AbortSignal,
  ): AsyncGenerator<GenerationEvent> {
    const release = await this.takeTurn();
    // Resolves when the worker has finished the request, which may be after the caller stops reading.
    let finished = Promise.resolve();
    try {
      const connection = this.readyConnection();
      if (signal?.aborted) throw new ModelError(classified('aborted'));
      const requestId = nextRequestId();
      const events = createEventQueue<RequestEvent>();
      let settled = false;
      let markSettled = (): void => {};
      finished = new Promise<void>((resolve) => (markSettled = resolve));
      const handle = connection.open({ type: 'generate', requestId, params }, (event) => {
        if (event.type === 'done' || event.type === 'error') {
          settled = true;
          handle.close();
          markSettled();
        }
        events.push(event);
      });
      const abort = () => connection.send({ type: 'abort', requestId });
      signal?.addEventListener('abort', abort, { once: true });
      try {
        for (;;) {
          const event = await events.next();
          switch (event.type) {
            case 'delta':
              yield { type: 'delta', text: event.text };
              break;
            case 'done':
              if (event.finishReason === 'abort') throw new ModelError(classified('aborted'));
              yield {
                type: 'done',
                text: event.text,
                usage: event.usage,
                finishReason: event.finishReason,
              };
              return;
            case 'error':
              // A timed-out generation may still be running: stop it so the next turn is not refused.
              if (event.error.kind === 'timeout') abort();
              throw new ModelError(this.noteFailure(connection, event.error));
            default:
              break;
          }
        }
      } finally {
        signal?.removeEventListener('abort', abort);
        // The caller stopped reading early: stop the worker too, and keep the turn until it has.
        if (!settled) abort();
      }
    } finally {
      void finished.then(release);
    }
  }

  private newConnection(onUnsolicitedError: (error: ClassifiedError) => void): WorkerConnection {
    const { createWorker } = this.options;
    const { worker, aliveLock } = createWorker ? { worker: createWorker() } : defaultWorker();
    return new WorkerConnection(worker, this.timing, onUnsolicitedError, aliveLock);
  }

  private connect(): WorkerConnection {
    const connection = this.newConnection((error) => {
      // A lost device unloads the model for good: free the worker, keep the reason.
      if (error.kind === 'device-lost') this.noteFailure(connection, error);
      else console.warn(`${this.label}: ${error.message}`, error.detail ?? '');
    });
    this.connection = connection;
    return connection;
  }

  /** Records a failure that ends the worker's usefulness, and frees the worker. */
  private noteFailure(connection: WorkerConnection, error: ClassifiedError): ClassifiedError {
    if (error.kind !== 'worker-crashed' && error.kind !== 'device-lost') return error;
    if (this.connection === connection) {
      this.state = error.kind === 'device-lost' ? 'device-lost' : 'crashed';
      this.lastFailure = error;
    }
    connection.terminate(error);
    return error;
  }

  private readyConnection(): WorkerConnection {
    const connection = this.connection;
    if (connection?.failure && this.state === 'ready')
      this.noteFailure(connection, connection.failure);
    if (this.state === 'ready' && connection && !connection.failure) return connection;
    if ((this.state === 'crashed' || this.state === 'device-lost') && this.lastFailure) {
      throw new ModelError(this.lastFailure);
    }
    const advice =
      this.state === 'unloaded'
        ? `${this.label} was unloaded. Load it again to use it.`
        : `${this.label} is not loaded yet. Load it first.`;
    throw new ModelError(classified('bad-request', `state ${this.state}`, advice));
  }

  /** One request until `isFinal` accepts a reply; a failure that ends the worker is noted first. */
  private async request(
    connection: WorkerConnection,
    message: RequestMessage,
    isFinal: (event: RequestEvent) => boolean,
    signal?: AbortSignal,
  ): Promise<void> {
    const error = await requestUntil(connection, message, isFinal, signal);
    if (error) throw new ModelError(this.noteFailure(connection, error));
  }

  /** Cache requests use the loaded worker, or a short-lived one so nothing needs loading. */
  private async withCacheWorker(
    message: { type: 'cache-status' | 'cache-delete' },
    isFinal: (event: RequestEvent) => boolean,
  ): Promise<void> {
    const own =
      this.state === 'ready' && this.connection && !this.connection.failure
        ? this.connection
        : null;
    const connection = own ?? this.newConnection(() => {});
    const { modelId, modelRecord, engine } = this.options;
    try {
      await this.request(
        connection,
        { ...message, requestId: nextRequestId(), modelId, modelRecord, engine },
        isFinal,
      );
    } finally {
      if (!own) connection.terminate(classified('aborted', 'cache request done'));
    }
  }

  private async takeTurn(): Promise<() => void> {
    let release = (): void => {};
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queueTail;
    this.queueTail = previous.then(() => turn);
    await previous;
    return release;
  }
}

function stateAfter(error: unknown): ClientState {
  if (error instanceof ModelError) {
    if (error.kind === 'worker-crashed') return 'crashed';
    if (error.kind === 'device-lost') return 'device-lost';
  }
  return 'idle';
}
