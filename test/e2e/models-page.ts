// Helpers for the model manager and chat e2e tests: record fast-changing values deep in shadow roots.
import type { Page } from 'playwright-core';

/**
 * Starts sampling, every few milliseconds, `read` over every element matching `selector` in any shadow
 * root: simulated downloads and answers change faster than a test could poll from Node.
 */
export async function startSampling(
  page: Page,
  name: string,
  selector: string,
  read: 'aria-valuenow' | 'text',
): Promise<void> {
  await page.evaluate(
    ({ name, selector, read }) => {
      const all = (root: Document | ShadowRoot): Element[] => [
        ...root.querySelectorAll(selector),
        ...[...root.querySelectorAll('*')].flatMap((el) =>
          el.shadowRoot ? all(el.shadowRoot) : [],
        ),
      ];
      const samples: string[] = [];
      (window as unknown as Record<string, string[]>)[name] = samples;
      setInterval(() => {
        for (const el of all(document)) {
          const value =
            read === 'text'
              ? (el.shadowRoot?.textContent ?? el.textContent ?? '')
              : el.getAttribute(read);
          if (value !== null && samples.at(-1) !== value) samples.push(value);
        }
      }, 4);
    },
    { name, selector, read },
  );
}

export function samples(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => (window as unknown as Record<string, string[]>)[name] ?? [], name);
}
