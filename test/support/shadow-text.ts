// Reads what a visitor sees inside nested shadow roots: in the page (browser tests) and through Playwright (e2e).
import type { Locator } from 'playwright-core';

/** The text of an element and every shadow root below it, in document order, whitespace collapsed. */
export function shadowText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * `shadowText` of the element `locator` finds, read in the page: the one helper e2e tests use, so
 * "text" means the same thing there as in browser tests (every shadow root, whitespace collapsed).
 */
export function shadowTextOf(locator: Locator): Promise<string> {
  return locator.evaluate(shadowText);
}

/** The first element matching `selector` in `root` or any shadow root below it. */
export function deepQuery<E extends Element = Element>(
  root: ParentNode,
  selector: string,
): E | null {
  if (root instanceof Element && root.shadowRoot) {
    const inShadow = deepQuery<E>(root.shadowRoot, selector);
    if (inShadow) return inShadow;
  }
  const found = root.querySelector<E>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot ? deepQuery<E>(element.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
}
