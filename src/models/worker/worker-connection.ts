// The page's end of one model worker: routes replies to requests, and turns silence or crashes into classified errors.
import { watchAliveLock } from '../../shared/alive-lock.js';
import { classified, type ClassifiedError } from '../../shared/errors.js';
import type { FromWorker, ToWorker } from './model-protocol.js';

export type RequestEvent = Exclude<FromWorker, { type: 'pong' } | { type: 'alive' }>;
export type RequestMessage = Exclude<ToWorker, { type: 'ping' }>;

export interface ConnectionTiming {
  /** A request with no message for this long fails with 'timeout'. */
  inactivityTimeoutMs: number;
  /** While requests are pending, the worker is pinged this often… */
  heartbeatMs: number;
  /** …and counted as dead ('worker-crashed') when a ping goes unanswered this long. */
  heartbeatTimeoutMs: number;
}

export interface RequestHandle {
  /** Stops listening for this request (its events are dropped afterwards). */
  close(): void;
}

interface Pending {
  onEvent: (event: RequestEvent) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class WorkerConnection {
  /** Set once the worker is gone; every later request fails with it at once. */
  failure: ClassifiedError | null = null;
  private readonly pending = new Map<string, Pending>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private seq = 0;
  private pingSentAt: number | null = null;
  private lastHeardAt = 0;

  constructor(
    private readonly worker: Worker,
    private readonly timing: ConnectionTiming,
    /** Errors not tied to a request, e.g. the GPU device lost while idle. */
    private readonly onUnsolicitedError: (error: ClassifiedError) => void,
    /** The worker's life lock (see alive-lock.ts), when it was created with one. */
    private readonly aliveLock?: string,
  ) {
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) =>
      this.receive(event.data),
    );
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.terminate(classified('worker-crashed', event.message || 'worker error event'));
    });
    worker.addEventListener('messageerror', () =>
      this.terminate(classified('worker-crashed', 'a message from the worker could not be read')),
    );
  }

  /** Sends a request; `onEvent` gets each reply, or one synthetic error on timeout or crash. */
  open(message: RequestMessage, onEvent: (event: RequestEvent) => void): RequestHandle {
    const { requestId } = message;
    const close = () => this.close(requestId);
    if (this.failure) {
      const failure = this.failure;
      queueMicrotask(() => onEvent({ type: 'error', requestId, error: failure }));
      return { close };
    }
    this.pending.set(requestId, { onEvent, timer: undefined });
    this.armTimer(requestId);
    this.startHeartbeat();
    this.worker.postMessage(message);
    return { close };
  }

  /** Fire-and-forget messages (abort). */
  send(message: RequestMessage): void {
    if (!this.failure) this.worker.postMessage(message);
  }

  /** Ends the worker and fails every pending request with `reason`. */
  terminate(reason: ClassifiedError): void {
    if (this.failure) return;
    this.failure = reason;
    this.worker.terminate();
    this.stopHeartbeat();
    const pending = [...this.pending.entries()];
    this.pending.clear();
    for (const [requestId, entry] of pending) {
      clearTimeout(entry.timer);
      entry.onEvent({ type: 'error', requestId, error: reason });
    }
  }

  private receive(message: FromWorker): void {
    this.lastHeardAt = performance.now();
    if (message.type === 'alive') {
      // A worker closed or killed sends no event: its released lock says it ended. Ending it
      // ourselves (terminate) releases the lock too, after `failure` is set, so that is a no-op.
      if (this.aliveLock !== undefined) {
        watchAliveLock(this.aliveLock, () =>
          this.terminate(classified('worker-crashed', 'the worker ended')),
        );
      }
      return;
    }
    if (message.type === 'pong') return;
    if (message.requestId === null) {
      if (message.type === 'error') this.onUnsolicitedError(message.error);
      return;
    }
    const entry = this.pending.get(message.requestId);
    if (!entry) return;
    this.armTimer(message.requestId);
    entry.onEvent(message);
  }

  private close(requestId: string): void {
    clearTimeout(this.pending.get(requestId)?.timer);
    this.pending.delete(requestId);
    if (this.pending.size === 0) this.stopHeartbeat();
  }

  private armTimer(requestId: string): void {
    const entry = this.pending.get(requestId);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      const detail = `no reply for ${this.timing.inactivityTimeoutMs} ms`;
      entry.onEvent({ type: 'error', requestId, error: classified('timeout', detail) });
    }, this.timing.inactivityTimeoutMs);
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== undefined) return;
    this.pingSentAt = null;
    this.heartbeat = setInterval(() => this.beat(), this.timing.heartbeatMs);
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  // Measured from the unanswered ping, not from the last tick: throttled timers in a
  // background tab must not make a live worker look dead.
  private beat(): void {
    const now = performance.now();
    const answered = this.pingSentAt === null || this.lastHeardAt >= this.pingSentAt;
    if (
      !answered &&
      this.pingSentAt !== null &&
      now - this.pingSentAt > this.timing.heartbeatTimeoutMs
    ) {
      this.terminate(classified('worker-crashed', 'the worker stopped answering'));
      return;
    }
    if (answered) {
      this.pingSentAt = now;
      this.worker.postMessage({ type: 'ping', seq: ++this.seq } satisfies ToWorker);
    }
  }
}
