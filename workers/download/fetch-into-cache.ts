// Streams one URL into a cache under that exact URL, counting bytes as they arrive.
import { HttpStatusError, SizeMismatchError } from '../../src/models/download/download-errors.js';

export interface FetchIntoCacheOptions {
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** Called once the response headers announce a size (Content-Length), before any byte. */
  onSize?: (bytes: number) => void;
  onBytes: (bytes: number) => void;
  /** When the index states the size, a short or long file is rejected rather than cached. */
  expectedBytes?: number;
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

/** Returns the number of bytes stored. Streams straight to disk, so a 100 MB shard never sits in memory. */
export async function fetchIntoCache(
  cache: Cache,
  url: string,
  options: FetchIntoCacheOptions,
): Promise<number> {
  const { fetch: fetchFile } = options;
  const response = await fetchFile(url, { signal: options.signal });
  if (!response.ok || !response.body) throw new HttpStatusError(url, response.status);
  const announced = Number(response.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > 0) options.onSize?.(announced);
  const state: { bytes: number; failure?: unknown } = { bytes: 0 };
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
