// Downloads in flight, shared by every view: progress, cancel, and the last error of each model.
import { classifyError, type ClassifiedError } from '../../shared/errors.js';

/** Progress of a download: real bytes for web-llm, the simulated load's pretend bytes in sim mode. */
export interface ModelDownloadProgress {
  fraction: number;
  loadedBytes: number;
  totalBytes: number;
  etaMs: number | null;
  text: string;
}

/** How a model's download ended: done, or the classified failure (including 'aborted'). */
export type ModelDownloadResult = { ok: true } | { ok: false; error: ClassifiedError };

/** Downloads one model's files (the registry's download), reporting progress; should not throw. */
export type ModelDownloader = (
  modelId: string,
  onProgress: (progress: ModelDownloadProgress) => void,
  signal: AbortSignal,
) => Promise<ModelDownloadResult>;

/** One download in flight: its last progress, its cancel, and its result. */
export interface DownloadState {
  progress: ModelDownloadProgress | null;
  controller: AbortController;
  /** Settles when the download ends, however it ends. */
  result: Promise<ModelDownloadResult>;
}

/**
 * Every download of the app goes through here, so each page shows the others' downloads with their
 * progress and a Cancel. Fires 'change' on progress, completion and failure; views re-render from its maps.
 */
export class DownloadTracker extends EventTarget {
  readonly active = new Map<string, DownloadState>();
  readonly errors = new Map<string, ClassifiedError>();

  constructor(private readonly download: ModelDownloader) {
    super();
  }

  /** Starts downloading `modelId`, or joins its download in flight: one download per model at a time. */
  start(modelId: string): Promise<ModelDownloadResult> {
    const running = this.active.get(modelId);
    if (running) return running.result;
    let finish: (result: ModelDownloadResult) => void = () => undefined;
    const state: DownloadState = {
      progress: null,
      controller: new AbortController(),
      result: new Promise((resolve) => (finish = resolve)),
    };
    this.active.set(modelId, state);
    this.errors.delete(modelId);
    this.changed();
    void this.settle(modelId, state).then(finish);
    return state.result;
  }

  cancel(modelId: string): void {
    this.active.get(modelId)?.controller.abort();
  }

  private async settle(modelId: string, state: DownloadState): Promise<ModelDownloadResult> {
    let result: ModelDownloadResult;
    try {
      result = await this.download(
        modelId,
        (progress) => {
          state.progress = progress;
          this.changed();
        },
        state.controller.signal,
      );
    } catch (error) {
      result = { ok: false, error: classifyError(error) };
    }
    this.active.delete(modelId);
    // A cancel is the visitor's own doing: not an error to show.
    if (!result.ok && result.error.kind !== 'aborted') this.errors.set(modelId, result.error);
    this.changed();
    return result;
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
