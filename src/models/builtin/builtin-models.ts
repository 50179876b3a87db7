// The registry's built-in side: Chrome's model offered once it is ready, its availability, and its download.
import type { AvailableModel } from '../model-offer.js';
import { BUILTIN_LABEL, BUILTIN_MODEL_ID, BuiltinModelClient } from './builtin-client.js';
import { TEXT_IN_ENGLISH, findLanguageModel, type BuiltinAvailability } from './prompt-api.js';

/** The built-in model's state: the API's four answers, or 'missing' where the browser has no API. */
export type BuiltinState = BuiltinAvailability | 'missing';

/**
 * The registry's built-in side: Chrome's Prompt API model, offered once it is available, its availability
 * asked of Chrome as rarely as possible, its download (with `progress`, 0..1) and one client. Fires 'change'
 * when its state or progress changes, and 'ready' when a download started here ends (however it ends).
 */
export class BuiltinModels extends EventTarget {
  private made: BuiltinModelClient | null = null;
  private downloading: Promise<void> | null = null;
  /** Share downloaded so far (0..1), while a download started here runs. */
  progress: number | null = null;

  /** The last answer, kept while it cannot change by itself (see state()). */
  private known: Promise<BuiltinState> | null = null;

  /**
   * The model's availability, asked of Chrome once per page while the answer is settled
   * ('available', 'unavailable', 'missing', or 'downloadable' until a download starts here);
   * 'downloading' is asked again. Why once: every view lists the pool's offers, and Chromium 150
   * (Debian), which has the API but not the on-device service, crashed the tab in about a third
   * of reloads or navigations made while an availability() call was pending.
   */
  state(): Promise<BuiltinState> {
    this.known ??= this.ask().then((state) => {
      if (state === 'downloading') this.known = null;
      return state;
    });
    return this.known;
  }

  private async ask(): Promise<BuiltinState> {
    const api = findLanguageModel();
    if (!api) return 'missing';
    try {
      return await api.availability(TEXT_IN_ENGLISH);
    } catch {
      return 'unavailable';
    }
  }

  /** Offered in pools, as judge and in the arena only once it is ready on this device. */
  async offers(): Promise<AvailableModel[]> {
    if ((await this.state()) !== 'available') return [];
    return [
      {
        id: BUILTIN_MODEL_ID,
        label: BUILTIN_LABEL,
        engine: 'builtin',
        simulated: false,
        paramsB: null,
        vramMB: 0,
        downloaded: true,
        runsOn: { kind: 'browser' },
      },
    ];
  }

  client(id: string): BuiltinModelClient | null {
    if (id !== BUILTIN_MODEL_ID) return null;
    const api = findLanguageModel();
    if (!api) return null;
    this.made ??= new BuiltinModelClient(api);
    return this.made;
  }

  /**
   * Starts Chrome's download of its model (call it from a click: Chrome asks for a user gesture),
   * reporting `downloadprogress` through 'change' events and `progress`. Resolves when it is ready.
   */
  download(): Promise<void> {
    const api = findLanguageModel();
    if (!api) return Promise.reject(new Error('This browser has no built-in model.'));
    this.downloading ??= (async () => {
      this.progress = 0;
      this.changed();
      try {
        const session = await api.create({
          ...TEXT_IN_ENGLISH,
          monitor: (monitor) =>
            monitor.addEventListener('downloadprogress', (event) => {
              this.progress = Math.min(1, Math.max(0, Number(event.loaded) || 0));
              this.changed();
            }),
        });
        session.destroy();
      } finally {
        this.known = null;
        this.downloading = null;
        this.progress = null;
        this.changed();
        this.dispatchEvent(new Event('ready'));
      }
    })();
    return this.downloading;
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
