// Code that runs inside the app's page: finds elements through shadow roots and notes when the catalog is interactive.

declare global {
  interface Window {
    __bench: {
      /** performance.now() of the first frame with a rendered comparison card and an enabled search box. */
      interactiveAt: number | null;
      /** performance.now() when the search worker first reported its index ready. */
      searchReadyAt: number | null;
      /** performance.now() of every progress report with `ready` (the last follows the latest update). */
      searchReadyTimes: number[];
      /** The worker reported building progress (a rebuild from the records, not a saved index loaded). */
      searchRebuilt: boolean;
    };
  }
}

/**
 * Installed with addInitScript, so it runs before the app on every navigation. It checks once per
 * animation frame: that is when the visitor could first see and use the catalog.
 */
export function installInteractiveProbe(): void {
  /**
   * Listens to the search worker's messages (the app is not changed for the bench): the first progress
   * report with `ready` marks the index usable; one with `ready: false` and pages to read is a rebuild.
   * Looks for `{ indexed, total, ready }` anywhere near the top of a message, whatever wraps it.
   */
  const watchSearchWorker = (): void => {
    const progressIn = (
      value: unknown,
      depth: number,
    ): { total: number; ready: boolean } | null => {
      if (typeof value !== 'object' || value === null || depth > 3) return null;
      const record = value as Record<string, unknown>;
      if (typeof record.ready === 'boolean' && typeof record.total === 'number') {
        return { total: record.total, ready: record.ready };
      }
      for (const inner of Object.values(record)) {
        const found = progressIn(inner, depth + 1);
        if (found) return found;
      }
      return null;
    };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (!String(url).includes('search')) return;
        this.addEventListener('message', (event: MessageEvent<unknown>) => {
          const progress = progressIn(event.data, 0);
          if (progress === null) return;
          if (!progress.ready && progress.total > 0) window.__bench.searchRebuilt = true;
          if (!progress.ready) return;
          window.__bench.searchReadyAt ??= performance.now();
          window.__bench.searchReadyTimes.push(performance.now());
        });
      }
    };
  };
  window.__bench = {
    interactiveAt: null,
    searchReadyAt: null,
    searchReadyTimes: [],
    searchRebuilt: false,
  };
  watchSearchWorker();
  const deepFind = (root: ParentNode, selector: string): Element | null => {
    const direct = root.querySelector(selector);
    if (direct) return direct;
    for (const element of root.querySelectorAll('*')) {
      const found = element.shadowRoot ? deepFind(element.shadowRoot, selector) : null;
      if (found) return found;
    }
    return null;
  };
  const check = (): void => {
    const card = deepFind(document, 'quorum-comparison-card');
    const cardRendered = card?.shadowRoot?.querySelector('a, h2, h3') ?? null;
    const search = deepFind(document, 'input[type="search"]') as HTMLInputElement | null;
    if (cardRendered && search && !search.disabled) {
      window.__bench.interactiveAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  // Only the catalog (/) becomes interactive this way. On any other page the probe would walk the
  // whole DOM, shadow roots included, every frame for as long as the page lives, and its work would
  // be measured as the page's own (it was 1.5 s of every 6 s of a four-member remote stream).
  if (location.pathname === '/') requestAnimationFrame(check);
}
