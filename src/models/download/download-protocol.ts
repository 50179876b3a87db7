// The download worker's typed, versioned method (called through a WorkerPort): downloads without loading a model.
import type { ClassifiedError } from '../../shared/errors.js';
import type { DownloadableRecord } from './download-keys.js';

/** The download worker's protocol version; a worker built with another refuses the hello. */
export const DOWNLOAD_PROTOCOL_VERSION = 3;

/** One progress event of a download: bytes, fraction 0..1, files, rate and ETA. */
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

/** How a download ended: the bytes fetched and files already cached, or the classified failure. */
export type DownloadResult =
  { ok: true; bytes: number; skippedFiles: number } | { ok: false; error: ClassifiedError };

/** The download worker's one method, served by workers/download.worker.ts. */
export type DownloadApi = {
  /** Fetches the record's files into web-llm's caches; failures come back as `{ ok: false }`. */
  download: { input: DownloadableRecord; event: DownloadProgress; result: DownloadResult };
};
