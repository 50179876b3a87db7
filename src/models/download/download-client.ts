// The page's side of the download worker: one promise per download, progress callbacks, cancel by AbortSignal.
import { newAliveLockName, watchAliveLock } from '../../shared/alive-lock.js';
import type { DownloadableRecord } from './download-keys.js';
import {
  DOWNLOAD_PROTOCOL_VERSION,
  type DownloadProgress,
  type DownloadResult,
  type FromDownloadWorker,
  type ToDownloadWorker,
} from './download-protocol.js';

export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

export interface DownloadClient {
  /** Resolves with a result value (never rejects): `{ ok: false, error }` carries the classified failure. */
  downloadModel(record: DownloadableRecord, options?: DownloadOptions): Promise<DownloadResult>;
}

interface Pending {
  onProgress?: (progress: DownloadProgress) => void;
  resolve: (result: DownloadResult) => void;
}

/** `name`: the worker's life lock (see alive-lock.ts). */
function createDownloadWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/download.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

/** The worker starts with the first download and is terminated when none is left (frees its memory). */
export function createDownloadClient(
  createWorker: (name: string) => Worker = createDownloadWorker,
): DownloadClient {
  let worker: Worker | null = null;
  const pending = new Map<string, Pending>();

  function settle(requestId: string, result: DownloadResult): void {
    const entry = pending.get(requestId);
    if (!entry) return;
    pending.delete(requestId);
    entry.resolve(result);
    if (pending.size === 0) {
      worker?.terminate();
      worker = null;
    }
  }

  function failAll(detail: string): void {
    for (const requestId of [...pending.keys()]) {
      settle(requestId, {
        ok: false,
        error: {
          kind: 'worker-crashed',
          message: 'The download worker stopped. Download again: finished files are kept.',
          detail,
        },
      });
    }
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const aliveLock = newAliveLockName();
    const created = createWorker(aliveLock);
    created.addEventListener('message', (event: MessageEvent<FromDownloadWorker>) => {
      const message = event.data;
      switch (message.type) {
        case 'alive':
          // A worker closed or killed sends no event: its released lock says it ended. One we
          // terminated ourselves (no download left) is no longer `worker`.
          watchAliveLock(aliveLock, () => {
            if (worker !== created) return;
            worker = null;
            failAll('the download worker ended');
          });
          break;
        case 'download-progress':
          pending.get(message.requestId)?.onProgress?.(message.progress);
          break;
        case 'download-done':
          settle(message.requestId, message.result);
          break;
        default: {
          const unknown: never = message;
          console.error('download client: unknown message', unknown);
        }
      }
    });
    created.addEventListener('error', (event) => failAll(event.message));
    worker = created;
    return created;
  }

  function send(message: ToDownloadWorker): void {
    ensureWorker().postMessage(message);
  }

  return {
    downloadModel(record, options = {}) {
      const requestId = crypto.randomUUID();
      if (options.signal?.aborted) {
        return Promise.resolve({
          ok: false,
          error: { kind: 'aborted', message: 'The download was cancelled.' },
        });
      }
      return new Promise<DownloadResult>((resolve) => {
        pending.set(requestId, { onProgress: options.onProgress, resolve });
        options.signal?.addEventListener(
          'abort',
          () => {
            if (pending.has(requestId)) send({ type: 'cancel', requestId });
          },
          { once: true },
        );
        send({ type: 'download', v: DOWNLOAD_PROTOCOL_VERSION, requestId, record });
      });
    },
  };
}
