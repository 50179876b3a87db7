// The studio's downloads of the pool models it lacks, through the registry's one download tracker.
import type { ReactiveControllerHost } from 'lit';
import type { DownloadState } from '../../models/download/downloads-in-flight.js';
import type { ModelRegistry } from '../../models/model-registry.js';
import { ChangeRevisionController } from '../../ui/change-revision-controller.js';

/** A model to download, as the studio names it. */
export interface PoolDownload {
  id: string;
  label: string;
}

/**
 * Downloads go through `registry.downloads`, the tracker the models page uses: both pages show the
 * same progress and Cancel, and a download started on one is joined, not repeated, by the other.
 */
export class PoolDownloads {
  /** What the status line says while this page waits for downloads; null when it does not. */
  busy: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly registry: () => ModelRegistry | undefined,
  ) {
    // Progress and completion anywhere in the app re-render the studio.
    new ChangeRevisionController(host, () => this.registry()?.downloads);
  }

  /** Every download in flight, whichever page started it, oldest first. */
  get active(): [string, DownloadState][] {
    return [...(this.registry()?.downloads.active ?? [])];
  }

  cancel(modelId: string): void {
    this.registry()?.downloads.cancel(modelId);
  }

  /**
   * Downloads `models` one after another. Null once all are there; otherwise why not, for the
   * visitor (a failure, or their own Cancel), and the rest are not started.
   */
  async fetch(models: readonly PoolDownload[]): Promise<string | null> {
    const registry = this.registry();
    if (!registry) return 'The model registry is not available yet.';
    try {
      for (const [i, model] of models.entries()) {
        const what = registry.simulated ? 'Simulated download' : 'Download';
        this.busy = `${what} ${i + 1} of ${models.length}: ${model.label}…`;
        this.host.requestUpdate();
        const result = await registry.downloads.start(model.id);
        if (result.ok) continue;
        return result.error.kind === 'aborted'
          ? `The download of ${model.label} was cancelled.`
          : `${model.label} could not be downloaded: ${result.error.message}`;
      }
      return null;
    } finally {
      this.busy = null;
      this.host.requestUpdate();
    }
  }
}
