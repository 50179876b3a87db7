// Code that runs inside the app's page: finds elements through shadow roots and notes when the catalog is interactive.

declare global {
  interface Window {
    __bench: {
      /** performance.now() of the first frame with a rendered comparison card and an enabled search box. */
      interactiveAt: number | null;
    };
  }
}

/**
 * Installed with addInitScript, so it runs before the app on every navigation. It checks once per
 * animation frame: that is when the visitor could first see and use the catalog.
 */
export function installInteractiveProbe(): void {
  window.__bench = { interactiveAt: null };
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
  requestAnimationFrame(check);
}
