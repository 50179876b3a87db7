// The download worker's typed, versioned method (called through a WorkerPort): downloads without loading a model.
import type { ClassifiedError } from '../../shared/errors.js';
import type { DownloadableRecord } from './download-keys.js';

export const DOWNLOAD_PROTOCOL_VERSION = 3;

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

export type DownloadApi = {
  /** Fetches the record's files into web-llm's caches; failures come back as `{ ok: false }`. */
  download: { input: DownloadableRecord; event: DownloadProgress; result: DownloadResult };
};
