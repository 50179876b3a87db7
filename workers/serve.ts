// A worker's end of a WorkerPort: holds its life lock, checks the hello's version, runs calls, reports failures classified.
import { holdAliveLock } from '../src/shared/alive-lock.js';
import {
  classified,
  classifyError,
  isClassified,
  type ClassifiedError,
} from '../src/shared/errors.js';
import {
  versionMismatch,
  type PortFromWorker,
  type PortToWorker,
  type WorkerApi,
} from '../src/shared/port-messages.js';

declare const self: DedicatedWorkerGlobalScope;

/** This worker's global scope, typed once for every worker (fetch, caches, close). */
export const workerScope: DedicatedWorkerGlobalScope = self;

/** What a method gets besides its input. */
export interface Call<Event> {
  /** Aborted when the page stops waiting (its signal, a timeout): stop the work. */
  signal: AbortSignal;
  /** Streams one event to the page's `onEvent` (progress, a delta). */
  emit(event: Event): void;
}

/** The worker's implementation of each method of its WorkerApi. */
export type Methods<A extends WorkerApi<A>> = {
  [M in keyof A]: (
    input: A[M]['input'],
    call: Call<A[M]['event']>,
  ) => A[M]['result'] | Promise<A[M]['result']>;
};

/** What serve() needs: the worker's name, protocol version, methods, start-up and error classification. */
export interface ServeSpec<A extends WorkerApi<A>, Init> {
  /** Names the worker in messages ("the page and its search worker are from different versions"). */
  name: string;
  /** The protocol version this worker was built with; a hello with another is refused. */
  version: number;
  methods: Methods<A>;
  /** Runs once, with the hello's start-up data, after the life lock is held and before any call. */
  start?: (init: Init) => void | Promise<void>;
  /** Turns what a method threw (unless already classified) into the page's error; `classifyError` by default. */
  classify?: (error: unknown) => ClassifiedError;
}

/** What serve() gives the worker back. */
export interface Served<Notice> {
  /** Sends the page something outside any call (progress, a GPU lost while idle). */
  notify(notice: Notice): void;
}

function post(message: PortFromWorker): void {
  self.postMessage(message);
}

/**
 * Answers the page's WorkerPort. Nothing runs before the worker holds its life lock (so no work
 * goes unwatched) and before a hello of the right version came; a call's failure is classified and
 * sent as `failed`, so no exception is ever lost in the worker.
 */
export function serve<A extends WorkerApi<A>, Notice = never, Init = undefined>(
  spec: ServeSpec<A, Init>,
): Served<Notice> {
  // Held until this worker ends, however it ends: the page then learns of it at once.
  const alive = holdAliveLock(self.name, () => post({ type: 'alive' }));
  const running = new Map<number, AbortController>();
  // Plain objects only: an Error would lose its kind on the way to the page.
  const classify = (error: unknown) =>
    isClassified(error) ? classifyError(error) : (spec.classify ?? classifyError)(error);
  let started: Promise<void> | null = null;

  async function run(id: number, method: string, input: unknown): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      if (!started) throw classified('bad-request', `${method} before hello`);
      await started;
      const handler = (spec.methods as Record<string, Methods<A>[keyof A] | undefined>)[method];
      if (!handler) throw classified('bad-request', `unknown method ${method}`);
      const emit = (event: unknown) => post({ type: 'event', id, event });
      const result: unknown = await handler(input as never, { signal: controller.signal, emit });
      post({ type: 'result', id, result });
    } catch (error) {
      post({ type: 'failed', id, error: classify(error) });
    } finally {
      running.delete(id);
    }
  }

  self.onmessage = (event: MessageEvent<PortToWorker>) => {
    const message = event.data;
    switch (message.type) {
      case 'ping':
        return post({ type: 'pong' });
      case 'hello':
        if (message.v !== spec.version) {
          return post({
            type: 'refused',
            error: versionMismatch(spec.name, message.v, spec.version),
          });
        }
        started = alive.then(() => spec.start?.(message.init as Init));
        return;
      case 'call':
        return void run(message.id, message.method, message.input);
      case 'abort':
        return running.get(message.id)?.abort();
    }
  };
  return { notify: (notice) => post({ type: 'notice', notice }) };
}
