// One model's download, either way: web-llm's files through the download worker, or a simulated model's pretend load.
import { classifyError } from '../../shared/errors.js';
import type { WebLlmModelRecord } from '../list/model-list.js';
import type { ModelWorkerClient } from '../worker/model-worker-client.js';
import type { DownloadClient } from './download-client.js';
import type { ModelDownloadProgress, ModelDownloadResult } from './downloads-in-flight.js';

type OnProgress = ((progress: ModelDownloadProgress) => void) | undefined;

/** Fetches a web-llm model's files into web-llm's caches; never throws. */
export async function downloadWebLlmFiles(
  files: DownloadClient,
  record: WebLlmModelRecord,
  onProgress: OnProgress,
  signal: AbortSignal | undefined,
): Promise<ModelDownloadResult> {
  const result = await files.downloadModel(record, {
    signal,
    onProgress: (p) =>
      onProgress?.({
        fraction: p.fraction,
        loadedBytes: p.loadedBytes,
        totalBytes: p.totalBytes,
        etaMs: p.etaMs,
        text: p.file ? `${p.file} (${p.filesDone}/${p.filesTotal} files)` : '',
      }),
  });
  return result.ok ? { ok: true } : result;
}

/**
 * A simulated model has no files: its pretend download is a load in a worker of its own (so a
 * model loaded for chat is not disturbed), freed at once. Never throws.
 */
export async function downloadSimulated(
  worker: ModelWorkerClient,
  onProgress: OnProgress,
  signal: AbortSignal | undefined,
): Promise<ModelDownloadResult> {
  try {
    await worker.load((p) => {
      if (p.phase === 'fetch' || p.phase === 'ready') onProgress?.({ ...p });
    }, signal);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: classifyError(error) };
  } finally {
    await worker.unload();
  }
}
