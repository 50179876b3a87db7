// The page's transport to one model worker: load, generate and unload over a WorkerPort, with its state and failures.
import { ModelError, type GenerateParams, type GenerationEvent } from '../model-client.js';
import {
  ERROR_ADVICE,
  classified,
  classifyError,
  type ClassifiedError,
} from '../../shared/errors.js';
import { createEventQueue } from '../../shared/event-queue.js';
import { WorkerPort } from '../../shared/worker-port.js';
import {
  PROTOCOL_VERSION,
  type LoadInput,
  type LoadProgress,
  type ModelApi,
  type ModelNotice,
} from './model-protocol.js';

/*
 * Four clocks watch a model, each for its own failure. The fusion's per-call limit (`timeoutMs`,
 * fusion/core/call-model.ts) drops a model too slow for this run, however healthy. The inactivity
 * timeout (120 s) fails calls when the worker has said nothing about any of them for that long: an
 * engine stuck mid-answer, its thread still alive. The heartbeat (a ping every second while calls
 * are pending, dead after 10 s unanswered) catches a thread that hangs; one that ends is usually
 * reported sooner by its life lock (shared/alive-lock.ts). The unload grace (3 s) bounds how long
 * `unload` waits for the engine to free the GPU before the worker is ended anyway.
 */
const INACTIVITY_TIMEOUT_MS = 120_000;
const HEARTBEAT_MS = 1_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;
/**
 * web-llm blocks the worker's thread in a load (the tokenizer is built synchronously) and in the
 * first request with a given JSON schema (the grammar is compiled synchronously): on a slow device
 * that can take longer than the heartbeat's 10 s, so those calls get the inactivity timeout's 120 s.
 */
const BLOCKING_HEARTBEAT_TIMEOUT_MS = INACTIVITY_TIMEOUT_MS;
const UNLOAD_GRACE_MS = 3_000;

/** What a model worker is started with (times in ms). */
export interface ModelWorkerClientOptions extends LoadInput {
  /** The model's name in messages to the visitor ("… was unloaded."). */
  label: string;
  inactivityTimeoutMs?: number;
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  /** Tests inject their own worker; the default is the bundled model worker, named `lockName`. */
  createWorker?: (lockName: string) => Worker;
}

/** Where a model worker client is in its life. */
export type ClientState = 'idle' | 'loading' | 'ready' | 'crashed' | 'device-lost' | 'unloaded';

type Port = WorkerPort<ModelApi, ModelNotice>;
type Step =
  | { event: GenerationEvent }
  | { done: Extract<GenerationEvent, { type: 'done' }> }
  | { error: unknown };

/** The GPU device is gone (lost, or destroyed after an allocation failed): the worker's model is unusable. */
function isGpuLoss(error: ClassifiedError): boolean {
  return error.kind === 'device-lost' || error.kind === 'out-of-memory';
}

/** The bundled model worker, named with its life lock so the page learns at once when it ends. */
function defaultWorker(lockName: string): Worker {
  return new Worker(new URL('../../../workers/model.worker.ts', import.meta.url), {
    type: 'module',
    name: lockName,
  });
}

/**
 * One worker per loaded model. It is no ModelClient: the registry's client (registry-model-client.ts)
 * is, and uses this to reach the worker. Every failure is thrown as a ModelError.
 */
export class ModelWorkerClient {
  state: ClientState = 'idle';
  private port: Port | null = null;
  private lastFailure: ClassifiedError | null = null;
  /** The JSON schemas the loaded model has already compiled a grammar for ('' for plain JSON). */
  private readonly grammars = new Set<string>();

  constructor(private readonly options: ModelWorkerClientOptions) {}

  /** Starts a fresh worker and loads the model into it; a failed or stopped load frees the worker. */
  async load(onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    this.port?.close(classified('aborted', 'replaced by a new load'));
    const port = this.connect();
    this.state = 'loading';
    const { engine, modelId, modelRecord, contextWindow, sim, recorded } = this.options;
    const input = { engine, modelId, modelRecord, contextWindow, sim, recorded };
    try {
      await port.call('load', input, {
        onEvent: onProgress,
        signal,
        heartbeatTimeoutMs: BLOCKING_HEARTBEAT_TIMEOUT_MS,
      });
      this.grammars.clear();
      if (this.port !== port) throw classified('aborted', 'unloaded');
      this.state = 'ready';
    } catch (error) {
      const failure = this.noteFailure(port, classifyError(error));
      port.close(classified('aborted', 'load failed'));
      if (this.port === port && this.state === 'loading') this.state = 'idle';
      throw new ModelError(failure);
    }
  }

  /** Streams one answer: deltas, then done. Stopping (the signal, or leaving the loop) stops the worker's generation too. */
  async *generate(params: GenerateParams, signal?: AbortSignal): AsyncGenerator<GenerationEvent> {
    const port = this.readyPort();
    const stop = new AbortController();
    const forward = () => stop.abort();
    signal?.addEventListener('abort', forward, { once: true });
    if (signal?.aborted) stop.abort();
    const steps = createEventQueue<Step>();
    port
      .call('generate', params, {
        signal: stop.signal,
        onEvent: (event) => steps.push({ event }),
        heartbeatTimeoutMs: this.firstOfItsGrammar(params)
          ? BLOCKING_HEARTBEAT_TIMEOUT_MS
          : undefined,
      })
      .then(
        (done) => steps.push({ done }),
        (error: unknown) => steps.push({ error }),
      );
    try {
      for (;;) {
        const step = await steps.next();
        if ('event' in step) yield step.event;
        else if ('error' in step)
          throw new ModelError(this.noteFailure(port, classifyError(step.error)));
        else if (step.done.finishReason === 'abort') throw new ModelError(classified('aborted'));
        else {
          yield step.done;
          return;
        }
      }
    } finally {
      signal?.removeEventListener('abort', forward);
      stop.abort();
    }
  }

  /** Whether this request is the loaded model's first with its JSON schema (web-llm compiles a grammar). */
  private firstOfItsGrammar(params: GenerateParams): boolean {
    if (!params.json) return false;
    const schema = params.json.schema ?? '';
    if (this.grammars.has(schema)) return false;
    this.grammars.add(schema);
    return true;
  }

  /** Asks the worker to free the model, then ends it; later calls fail until `load` again. */
  async unload(): Promise<void> {
    const port = this.port;
    this.port = null;
    this.state = 'unloaded';
    if (!port || port.failure) return;
    const grace = AbortSignal.timeout(UNLOAD_GRACE_MS);
    await port.call('unload', null, { signal: grace }).catch(() => undefined);
    port.close(classified('aborted', 'unloaded', `${this.options.label} was unloaded.`));
  }

  private connect(): Port {
    const { createWorker, inactivityTimeoutMs, heartbeatMs, heartbeatTimeoutMs } = this.options;
    const port: Port = new WorkerPort({
      name: 'model',
      create: createWorker ?? defaultWorker,
      version: PROTOCOL_VERSION,
      crashAdvice: ERROR_ADVICE['worker-crashed'],
      inactivityTimeoutMs: inactivityTimeoutMs ?? INACTIVITY_TIMEOUT_MS,
      heartbeat: {
        everyMs: heartbeatMs ?? HEARTBEAT_MS,
        timeoutMs: heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS,
      },
      onNotice: ({ error }) => {
        // A lost device unloads the model for good: free the worker, keep the reason.
        if (isGpuLoss(error)) this.noteFailure(port, error);
        else console.warn(`${this.options.label}: ${error.message}`, error.detail ?? '');
      },
    });
    this.port = port;
    return port;
  }

  /** Records a failure that ends the worker's usefulness, and frees the worker. */
  private noteFailure(port: Port, error: ClassifiedError): ClassifiedError {
    if (error.kind !== 'worker-crashed' && !isGpuLoss(error)) return error;
    if (this.port === port) {
      this.state = isGpuLoss(error) ? 'device-lost' : 'crashed';
      this.lastFailure = error;
    }
    port.close(error);
    return error;
  }

  private readyPort(): Port {
    const port = this.port;
    if (port?.failure && this.state === 'ready') this.noteFailure(port, port.failure);
    if (this.state === 'ready' && port && !port.failure) return port;
    if ((this.state === 'crashed' || this.state === 'device-lost') && this.lastFailure) {
      throw new ModelError(this.lastFailure);
    }
    const { label } = this.options;
    const advice =
      this.state === 'unloaded'
        ? `${label} was unloaded. Load it again to use it.`
        : `${label} is not loaded yet. Load it first.`;
    throw new ModelError(classified('bad-request', `state ${this.state}`, advice));
  }
}
