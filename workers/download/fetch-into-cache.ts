// Streams one URL into a cache under that exact URL, counting bytes as they arrive; retries transient failures with backoff.
import {
  HostBusyError,
  HttpStatusError,
  SizeMismatchError,
} from '../../src/models/download/download-errors.js';
import {
  DOWNLOAD_RETRIES,
  isTransientStatus,
  parseRetryAfter,
  retryDelayMs,
} from '../../src/models/download/download-retry.js';

/**
 * How one URL is fetched into its cache: byte callbacks, the expected size in bytes, the stop signal and
 * retry waits.
 */
export interface FetchIntoCacheOptions {
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** Called once the response headers announce a size (Content-Length), before any byte. */
  onSize?: (bytes: number) => void;
  onBytes: (bytes: number) => void;
  /** A failed attempt's bytes, which the next attempt fetches again. */
  onDiscard?: (bytes: number) => void;
  /** When the index states the size, a short or long file is rejected rather than cached. */
  expectedBytes?: number;
  /** Waits before a retry (tests may shorten it); resolves early never, rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Epoch ms, for a Retry-After given as a date. */
  now?: () => number;
}

/** Counts bytes and remembers why the body failed: Cache.put only reports a bare "NetworkError". */
function countedBody(
  body: ReadableStream<Uint8Array>,
  onBytes: (bytes: number) => void,
  state: { bytes: number; failure?: unknown },
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        state.bytes += value.byteLength;
        onBytes(value.byteLength);
        controller.enqueue(value);
      } catch (error) {
        state.failure = error;
        controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** One try: the response streamed into the cache; the number of bytes stored. */
async function fetchOnce(
  cache: Cache,
  url: string,
  options: FetchIntoCacheOptions,
  state: { bytes: number; failure?: unknown },
): Promise<number> {
  // Called unbound: a bare `fetch` taken from the global scope throws "Illegal invocation" as a method.
  const { fetch: fetchFile } = options;
  const response = await fetchFile(url, { signal: options.signal });
  if (!response.ok || !response.body) {
    throw new HttpStatusError(url, response.status, response.headers.get('retry-after'));
  }
  const announced = Number(response.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > 0) options.onSize?.(announced);
  const body = countedBody(response.body, options.onBytes, state);
  const headers = new Headers();
  const type = response.headers.get('content-type');
  if (type) headers.set('content-type', type);
  try {
    await cache.put(new Request(url), new Response(body, { status: 200, headers }));
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw state.failure ?? error;
  }
  if (options.expectedBytes !== undefined && state.bytes !== options.expectedBytes) {
    await cache.delete(url);
    throw new SizeMismatchError(url, options.expectedBytes, state.bytes);
  }
  return state.bytes;
}

/** Worth another try: the host is busy or failing (5xx, 429…), or the connection broke or was cut short. */
function isTransient(error: unknown): boolean {
  if (error instanceof HttpStatusError) return isTransientStatus(error.status);
  if (error instanceof SizeMismatchError) return true;
  // fetch and body reads reject with a TypeError when the connection fails or resets.
  return (
    error instanceof TypeError && /fetch|network|load|body|stream|connection/i.test(error.message)
  );
}

/**
 * Returns the number of bytes stored. Streams straight to disk, so a 100 MB shard never sits in
 * memory. A transient failure is tried again up to DOWNLOAD_RETRIES times, after the host's
 * Retry-After or an exponential backoff (download-retry.ts); a permanent one (404, 403…) at once ends it.
 */
export async function fetchIntoCache(
  cache: Cache,
  url: string,
  options: FetchIntoCacheOptions,
): Promise<number> {
  const sleep = options.sleep ?? sleepFor;
  for (let retry = 0; ; retry++) {
    const state: { bytes: number; failure?: unknown } = { bytes: 0 };
    try {
      return await fetchOnce(cache, url, options, state);
    } catch (error) {
      if (options.signal?.aborted || !isTransient(error) || retry >= DOWNLOAD_RETRIES) throw error;
      options.onDiscard?.(state.bytes);
      const retryAfter = error instanceof HttpStatusError ? error.retryAfter : null;
      const now = (options.now ?? Date.now)();
      const wait = retryDelayMs(retry + 1, retryAfter, now);
      if (wait === null && error instanceof HttpStatusError) {
        throw new HostBusyError(url, error.status, parseRetryAfter(retryAfter, now) ?? 0);
      }
      await sleep(wait ?? 0, options.signal);
    }
  }
}
