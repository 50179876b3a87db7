// The envelope every worker message travels in, both ways: a versioned hello, calls with ids, life and heartbeat signals.
import type { ClassifiedError } from './errors.js';

/** One method a worker offers: what it takes, the events it streams while it runs, what it returns. */
export interface MethodShape {
  input: unknown;
  event: unknown;
  result: unknown;
}

/**
 * A worker's methods by name, e.g. `{ load: { input: LoadInput; event: LoadProgress; result: null } }`.
 * Use a `type` alias (or an interface) whose every member is a MethodShape; `never` for no events.
 */
export type WorkerApi<A> = { [M in keyof A]: MethodShape };

/** Every message the page sends a worker. */
export type PortToWorker =
  /** First message to every new worker: the protocol version the page speaks, and start-up data. */
  | { type: 'hello'; v: number; init: unknown }
  | { type: 'call'; id: number; method: string; input: unknown }
  /** The page stopped waiting for this call (abort signal, timeout): the worker should stop it. */
  | { type: 'abort'; id: number }
  /** Heartbeat: the page pings while calls are pending; a worker that stops answering is dead. */
  | { type: 'ping' };

/** Every message a worker sends the page. */
export type PortFromWorker =
  /** The worker holds its life lock (see alive-lock.ts): the page may watch it from now on. */
  | { type: 'alive' }
  | { type: 'pong' }
  /** The hello was refused (the page and the worker are different versions): no call will run. */
  | { type: 'refused'; error: ClassifiedError }
  | { type: 'event'; id: number; event: unknown }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: ClassifiedError }
  /** Something the worker reports outside any call (index progress, a GPU lost while idle). */
  | { type: 'notice'; notice: unknown };

/** The advice when the page and a worker disagree on the protocol version (a stale cached worker). */
export function versionMismatch(name: string, page: unknown, worker: number): ClassifiedError {
  return {
    kind: 'bad-request',
    message: `The page and its ${name} worker are from different versions. Reload the page.`,
    detail: `page protocol v${String(page)}, worker v${worker}`,
  };
}
