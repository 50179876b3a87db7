// Request helpers of the worker client: one request as a promise, and timing options merged over defaults.
import { classified, type ClassifiedError } from '../../shared/errors.js';
import type {
  ConnectionTiming,
  RequestEvent,
  RequestMessage,
  WorkerConnection,
} from './worker-connection.js';

/** Sends one request; resolves with null once `isFinal` accepts a reply, or with the classified failure. */
export function requestUntil(
  connection: WorkerConnection,
  message: RequestMessage,
  isFinal: (event: RequestEvent) => boolean,
  signal?: AbortSignal,
): Promise<ClassifiedError | null> {
  return new Promise((resolve) => {
    const finish = (error: ClassifiedError | null) => {
      handle.close();
      signal?.removeEventListener('abort', onAbort);
      resolve(error);
    };
    const onAbort = () => finish(classified('aborted'));
    const handle = connection.open(message, (event) => {
      if (event.type === 'error') finish(event.error);
      else if (isFinal(event)) finish(null);
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Only the timing options the caller set, so they can be spread over the defaults. */
export function definedTiming(options: Partial<ConnectionTiming>): Partial<ConnectionTiming> {
  const timing: Partial<ConnectionTiming> = {};
  if (options.inactivityTimeoutMs !== undefined)
    timing.inactivityTimeoutMs = options.inactivityTimeoutMs;
  if (options.heartbeatMs !== undefined) timing.heartbeatMs = options.heartbeatMs;
  if (options.heartbeatTimeoutMs !== undefined)
    timing.heartbeatTimeoutMs = options.heartbeatTimeoutMs;
  return timing;
}
