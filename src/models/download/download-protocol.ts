// The typed, versioned messages between the page and the download worker (downloads without loading a model).
import type { ClassifiedError } from '../../shared/errors.js';
import type { DownloadableRecord } from './download-keys.js';

export const DOWNLOAD_PROTOCOL_VERSION = 2;

export interface DownloadProgress {
  loadedBytes: number;
  /** Grows while the sizes of the small files (config, tokenizer, model lib) become known. */
  totalBytes: number;
  /** 0..1 */
  fraction: number;
  /** File name of what is being fetched now, e.g. "params_shard_3.bin". */
  file: string;
  filesDone: number;
  filesTotal: number;
  /** Bytes per second fetched in this session; null until something has been fetched. */
  bytesPerSecond: number | null;
  etaMs: number | null;
}

export type DownloadResult =
  { ok: true; bytes: number; skippedFiles: number } | { ok: false; error: ClassifiedError };

export type ToDownloadWorker =
  | {
      type: 'download';
      v: typeof DOWNLOAD_PROTOCOL_VERSION;
      requestId: string;
      record: DownloadableRecord;
    }
  | { type: 'cancel'; requestId: string };

export type FromDownloadWorker =
  /** The worker holds its life lock (see alive-lock.ts): the page may watch it from now on. */
  | { type: 'alive' }
  | { type: 'download-progress'; requestId: string; progress: DownloadProgress }
  | { type: 'download-done'; requestId: string; result: DownloadResult };
