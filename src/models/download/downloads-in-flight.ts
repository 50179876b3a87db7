// Downloads in flight, shared by every view: progress, cancel, and the last error of each model.
import type { ClassifiedError } from '../../shared/errors.js';

/** Progress of a download: real bytes for web-llm, the simulated load's pretend bytes in sim mode. */
export interface ModelDownloadProgress {
  fraction: number;
  loadedBytes: number;
  totalBytes: number;
  etaMs: number | null;
  text: string;
}

export type ModelDownloadResult = { ok: true } | { ok: false; error: ClassifiedError };

/** Downloads one model's files (the registry's download), reporting progress; never throws. */
export type ModelDownloader = (
  modelId: string,
  onProgress: (progress: ModelDownloadProgress) => void,
  signal: AbortSignal,
) => Promise<ModelDownloadResult>;

export interface DownloadState {
  progress: ModelDownloadProgress | null;
  controller: AbortController;
}

/** Fires 'change' on progress, completion and failure; views re-render from its maps. */
export class DownloadTracker extends EventTarget {
  readonly active = new Map<string, DownloadState>();
  readonly errors = new Map<string, ClassifiedError>();

  constructor(private readonly download: ModelDownloader) {
    super();
  }

  async start(modelId: string): Promise<ModelDownloadResult | null> {
    if (this.active.has(modelId)) return null;
    const state: DownloadState = { progress: null, controller: new AbortController() };
    this.active.set(modelId, state);
    this.errors.delete(modelId);
    this.changed();
    const result = await this.download(
      modelId,
      (progress) => {
        state.progress = progress;
        this.changed();
      },
      state.controller.signal,
    );
    this.active.delete(modelId);
    // A cancel is the visitor's own doing: not an error to show.
    if (!result.ok && result.error.kind !== 'aborted') this.errors.set(modelId, result.error);
    this.changed();
    return result;
  }

  cancel(modelId: string): void {
    this.active.get(modelId)?.controller.abort();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
