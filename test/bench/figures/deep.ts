// In-page helpers (passed to page.evaluate) that reach into the app's shadow roots.

/** Source of a `deepFind(root, selector)` function, defined on window for later evaluates. */
export function defineDeepFind(): void {
  const deepFind = (root: ParentNode, selector: string): Element | null => {
    const direct = root.querySelector(selector);
    if (direct) return direct;
    for (const element of root.querySelectorAll('*')) {
      const found = element.shadowRoot ? deepFind(element.shadowRoot, selector) : null;
      if (found) return found;
    }
    return null;
  };
  (window as unknown as { deepFind: typeof deepFind }).deepFind = deepFind;
}

export type DeepFind = (root: ParentNode, selector: string) => Element | null;

/** How page functions reach it: they are serialised, so they cannot import it. */
export interface WithDeepFind {
  deepFind: DeepFind;
}
