// The page's side of the download worker: one promise per download, progress callbacks, cancel by AbortSignal.
import { classified, classifyError } from '../../shared/errors.js';
import { WorkerPort } from '../../shared/worker-port.js';
import type { DownloadableRecord } from './download-keys.js';
import {
  DOWNLOAD_PROTOCOL_VERSION,
  type DownloadApi,
  type DownloadProgress,
  type DownloadResult,
} from './download-protocol.js';

/** Progress callback and cancel signal of one download. */
export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

/** The page's side of the download worker. */
export interface DownloadClient {
  /** Resolves with a result value (never rejects): `{ ok: false, error }` carries the classified failure. */
  downloadModel(record: DownloadableRecord, options?: DownloadOptions): Promise<DownloadResult>;
}

/** `name`: the worker's life lock (see alive-lock.ts). */
function createDownloadWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/download.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

/** The worker starts with the first download and is ended when none is left (frees its memory). */
export function createDownloadClient(
  createWorker: (name: string) => Worker = createDownloadWorker,
): DownloadClient {
  const port = new WorkerPort<DownloadApi>({
    name: 'download',
    create: createWorker,
    version: DOWNLOAD_PROTOCOL_VERSION,
    crashAdvice: 'The download worker stopped. Download again: finished files are kept.',
    whenNeeded: true,
  });
  return {
    async downloadModel(record, { onProgress, signal } = {}) {
      try {
        return await port.call('download', record, { onEvent: onProgress, signal });
      } catch (cause) {
        const error = classifyError(cause);
        if (error.kind === 'aborted') {
          return {
            ok: false,
            error: classified('aborted', undefined, 'The download was cancelled.'),
          };
        }
        return { ok: false, error };
      }
    },
  };
}
