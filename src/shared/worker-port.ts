// The page's one bridge to a worker: typed calls with ids, a versioned hello, the life-lock watch, crash handling, classified errors.
import { onPageResume } from './page-lifecycle.js';
import { newAliveLockName, watchAliveLock } from './alive-lock.js';
import { ClassifiedFailure, classified, type ClassifiedError } from './errors.js';
import type { PortFromWorker, PortToWorker, WorkerApi } from './port-messages.js';

/**
 * Usage: describe the worker's methods as a WorkerApi type, serve them in the worker with
 * `serve()` (workers/serve.ts), and call them here:
 *
 *     const port = new WorkerPort<SearchApi>({ name: 'search', create, version: 4, crashAdvice });
 *     const page = await port.call('search', { query, filters, page }); // rejects with ClassifiedFailure
 *
 * A call resolves with the method's result or rejects with a ClassifiedFailure ({kind, message,
 * detail}): the worker's own failure classified there, 'aborted' at once when its signal aborts
 * (the worker is told to stop it), 'timeout', 'worker-crashed' or a refused hello ('bad-request').
 * Nothing but a port posts messages to a worker. (comlink was considered: its calls hang forever
 * when the worker dies, which is exactly what this port exists to notice.)
 */
export interface PortOptions<Notice, Init> {
  /** Names the worker in messages: "the search worker ended". */
  name: string;
  /** Starts a worker; give it `lockName` as its `name`, so it can hold its life lock (alive-lock.ts). */
  create: (lockName: string) => Worker;
  /** The protocol version this page speaks; a worker built with another refuses the hello. */
  version: number;
  /** Start-up data sent with every hello (also to a replacement worker), e.g. the database name. */
  init?: Init;
  /** What a visitor is told when the worker ends unexpectedly (kind 'worker-crashed'). */
  crashAdvice: string;
  /**
   * How many crashes in a row (no result in between) a new worker replaces the dead one and the
   * pending calls are sent again; 0 (the default) fails them instead.
   */
  restarts?: number;
  /** Start the worker at the first call and end it once no call is pending (frees its memory). */
  whenNeeded?: boolean;
  /** Messages the worker sends outside any call. */
  onNotice?: (notice: Notice) => void;
  /** Called after a new worker replaced a crashed one (or `restart()`): it starts from nothing. */
  onRestart?: () => void;
  /** Pending calls fail with 'timeout' when the worker sends nothing about any call for this long. */
  inactivityTimeoutMs?: number;
  /** While calls are pending, ping every `everyMs`; a ping unanswered for `timeoutMs` is a crash. */
  heartbeat?: { everyMs: number; timeoutMs: number };
}

/** Per-call options of WorkerPort.call: events, a stop signal, buffers to transfer and a longer heartbeat. */
export interface CallOptions<Event> {
  onEvent?: (event: Event) => void;
  /** Aborting rejects the call at once with 'aborted' and tells the worker to stop it. */
  signal?: AbortSignal;
  /** Buffers to move to the worker instead of copying (they are unusable here afterwards). */
  transfer?: Transferable[];
  /**
   * While this call is pending, an unanswered ping counts as a crash only after this long (if
   * longer than the port's): for work known to block the worker's thread for a while.
   */
  heartbeatTimeoutMs?: number;
}

interface Pending {
  message: Extract<PortToWorker, { type: 'call' }>;
  onEvent: ((event: unknown) => void) | undefined;
  heartbeatTimeoutMs: number | undefined;
  settle: (outcome: { result: unknown } | { error: ClassifiedError }) => void;
}

/**
 * The page's end of one worker (see PortOptions for how to use it): starts the worker, says hello with the
 * protocol version, sends typed calls and settles each with its result or a ClassifiedFailure, and notices a
 * crashed or silent worker (life lock, heartbeat, inactivity timeout), restarting it when allowed.
 */
export class WorkerPort<A extends WorkerApi<A>, Notice = never, Init = undefined> {
  /** Set once the port has ended for good (closed, refused, crashed without restarts); later calls fail with it. */
  failure: ClassifiedError | null = null;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashesInARow = 0;
  private inactivity: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private pingSentAt: number | null = null;
  private lastHeardAt = 0;

  constructor(private readonly options: PortOptions<Notice, Init>) {
    if (!options.whenNeeded) this.spawn();
  }

  /** A frozen page froze its workers too: their silence while frozen is no sign of a hang. */
  private readonly stopWatchingResume = onPageResume(() => {
    this.pingSentAt = null;
    clearTimeout(this.inactivity);
    this.inactivity = undefined;
    this.watchSilence();
  });

  /** Runs `method` in the worker; see the usage note above for how it settles. */
  call<M extends keyof A & string>(
    method: M,
    input: A[M]['input'],
    options: CallOptions<A[M]['event']> = {},
  ): Promise<A[M]['result']> {
    return new Promise((resolve, reject) => {
      const { signal } = options;
      const failure = signal?.aborted ? classified('aborted') : this.failure;
      if (failure) return reject(new ClassifiedFailure(failure));
      const id = this.nextId++;
      const onAbort = () => this.giveUp(id, classified('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const message = { type: 'call' as const, id, method, input };
      this.pending.set(id, {
        message,
        onEvent: options.onEvent as ((event: unknown) => void) | undefined,
        heartbeatTimeoutMs: options.heartbeatTimeoutMs,
        settle: (outcome) => {
          signal?.removeEventListener('abort', onAbort);
          if ('error' in outcome) reject(new ClassifiedFailure(outcome.error));
          else resolve(outcome.result as A[M]['result']);
        },
      });
      (this.worker ?? this.spawn()).postMessage(message, options.transfer ?? []);
      this.watchSilence();
    });
  }

  /** Replaces the worker with a fresh one and sends it the pending calls again. */
  restart(): void {
    this.end();
    const worker = this.spawn();
    for (const { message } of this.pending.values()) worker.postMessage(message);
    this.watchSilence(true);
    this.options.onRestart?.();
  }

  /** Ends the worker for good; pending and later calls fail with `reason`. */
  close(
    reason: ClassifiedError = classified('aborted', `the ${this.options.name} port was closed`),
  ): void {
    this.failure ??= reason;
    this.stopWatchingResume();
    this.end();
    this.failAll(reason);
  }

  private spawn(): Worker {
    const { name } = this.options;
    const lock = newAliveLockName();
    const worker = this.options.create(lock);
    // Only the current worker is heard: one replaced or ended here is not a crash.
    const crashed = (detail: string) => this.worker === worker && this.crashed(detail);
    const watchLock = () => watchAliveLock(lock, () => crashed(`the ${name} worker ended`));
    worker.addEventListener('message', (event: MessageEvent<PortFromWorker>) => {
      if (this.worker === worker) this.receive(event.data, watchLock);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      crashed(event.message || `the ${name} worker failed`);
    });
    worker.addEventListener('messageerror', () => crashed('a message could not be read'));
    this.worker = worker;
    const hello: PortToWorker = { type: 'hello', v: this.options.version, init: this.options.init };
    worker.postMessage(hello);
    return worker;
  }

  private receive(message: PortFromWorker, watchLock: () => void): void {
    this.lastHeardAt = performance.now();
    switch (message.type) {
      case 'alive':
        // A worker closed or killed sends no event: its released lock says it ended.
        return watchLock();
      case 'pong':
        return;
      case 'refused':
        return this.close(message.error);
      case 'notice':
        return this.options.onNotice?.(message.notice as Notice);
      case 'event':
        this.pending.get(message.id)?.onEvent?.(message.event);
        return this.watchSilence(true);
      case 'result':
        this.crashesInARow = 0;
        this.settle(message.id, { result: message.result });
        return this.watchSilence(true);
      case 'failed':
        this.settle(message.id, { error: message.error });
        return this.watchSilence(true);
    }
  }

  private settle(id: number, outcome: { result: unknown } | { error: ClassifiedError }): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    entry.settle(outcome);
    this.watchSilence();
    if (this.pending.size === 0 && this.options.whenNeeded) this.end();
  }

  /** The page stops waiting for a call: it fails here, and the worker is asked to stop it. */
  private giveUp(id: number, error: ClassifiedError): void {
    if (this.pending.has(id))
      this.worker?.postMessage({ type: 'abort', id } satisfies PortToWorker);
    this.settle(id, { error });
  }

  private crashed(detail: string): void {
    if (this.crashesInARow < (this.options.restarts ?? 0)) {
      this.crashesInARow += 1;
      return this.restart();
    }
    const error = classified('worker-crashed', detail, this.options.crashAdvice);
    // A worker started when needed is started afresh by the next call; others end for good.
    if (!this.options.whenNeeded) this.failure ??= error;
    this.end();
    this.failAll(error);
  }

  private failAll(error: ClassifiedError): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { error });
  }

  private end(): void {
    const worker = this.worker;
    this.worker = null;
    worker?.terminate();
    this.watchSilence();
  }

  /**
   * Keeps the inactivity timer and the heartbeat running exactly while calls are pending.
   * `activity`: the worker just said something about a call, so its silence starts again.
   */
  private watchSilence(activity = false): void {
    const { inactivityTimeoutMs, heartbeat } = this.options;
    const waiting = this.pending.size > 0 && this.worker !== null;
    if (!waiting || activity) {
      clearTimeout(this.inactivity);
      this.inactivity = undefined;
    }
    if (waiting && inactivityTimeoutMs !== undefined && this.inactivity === undefined) {
      this.inactivity = setTimeout(() => {
        this.inactivity = undefined;
        const error = classified('timeout', `no reply for ${inactivityTimeoutMs} ms`);
        for (const id of [...this.pending.keys()]) this.giveUp(id, error);
      }, inactivityTimeoutMs);
    }
    if (!waiting || !heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    } else if (this.heartbeat === undefined) {
      this.pingSentAt = null;
      this.heartbeat = setInterval(() => this.beat(heartbeat.timeoutMs), heartbeat.everyMs);
    }
  }

  /** The longest allowance any pending call asked for, and at least the port's. */
  private patience(timeoutMs: number): number {
    const asked = [...this.pending.values()].map((entry) => entry.heartbeatTimeoutMs ?? 0);
    return Math.max(timeoutMs, ...asked);
  }

  // Measured from the unanswered ping, not from the last tick: throttled timers in a background
  // tab must not make a live worker look dead.
  private beat(timeoutMs: number): void {
    const now = performance.now();
    if (this.pingSentAt === null || this.lastHeardAt >= this.pingSentAt) {
      this.pingSentAt = now;
      this.worker?.postMessage({ type: 'ping' } satisfies PortToWorker);
    } else if (now - this.pingSentAt > this.patience(timeoutMs)) {
      this.crashed(`the ${this.options.name} worker stopped answering`);
    }
  }
}
