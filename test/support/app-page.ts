// Helpers for end-to-end tests of the built app: open a view, read the catalog, watch for errors, run axe.
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export const FIXTURE_PAGES = 'test/fixtures/pages';

/** A touch phone's context options (390 × 844), for `browser.newContext(PHONE)`. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
} as const;

/** Console errors and page errors seen so far (CSP violations are console errors in Chromium). */
export interface PageProblems {
  errors: string[];
}

export async function openApp(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  await page.goto(url);
  return { page, problems };
}

/** The number of comparison cards on screen (Playwright's CSS locators pierce shadow roots). */
export function cardCount(page: Page): Promise<number> {
  return page.locator('quorum-comparison-card').count();
}

/** Waits until the catalog shows at least `count` cards (usable outside a test, unlike expect.poll). */
export async function waitForCards(page: Page, count: number): Promise<void> {
  await page
    .locator('quorum-comparison-card')
    .nth(count - 1)
    .waitFor({ timeout: 15_000 });
}

/** The catalog's own count line, e.g. "5 comparisons". */
export function resultCount(page: Page) {
  return page.locator('[data-testid="result-count"]');
}

export function importResults(page: Page) {
  return page.locator('[data-testid="import-results"]');
}

export function importInput(page: Page) {
  return page.getByLabel('Import comparisons', { exact: true });
}

export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const require = createRequire(import.meta.url);

/** Injects axe-core from node_modules (an inline script: the context needs `bypassCSP: true`). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    }
    const results = await axe.run(document);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
}

export interface MainView {
  name: string;
  path: string;
}

/** Paths of the main views, taken from the seeded catalog a page already shows. */
export async function mainViews(page: Page): Promise<MainView[]> {
  const comparison = await page.locator('quorum-comparison-card a').first().getAttribute('href');
  const tools = await page
    .locator('quorum-comparison-card')
    .first()
    .evaluate((card) => {
      const record = (card as HTMLElement & { comparison?: { toolSlugs: string[] } }).comparison;
      return record?.toolSlugs ?? [];
    });
  const [a, b] = tools;
  if (!comparison || !a || !b)
    throw new Error('The catalog shows no comparison to take view paths from');
  return [
    { name: 'catalog', path: '/' },
    { name: 'comparison', path: comparison },
    { name: 'tool', path: `/tool/${encodeURIComponent(a)}` },
    { name: 'compare', path: `/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}` },
    { name: 'settings', path: '/settings' },
  ];
}

/** Waits for a view's data: its h1 no longer says "Loading". */
export async function waitForView(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  await page.waitForFunction(
    () => {
      const find = (root: Document | ShadowRoot): Element | null =>
        root.querySelector('h1') ??
        [...root.querySelectorAll('*')].reduce<Element | null>(
          (found, el) => found ?? (el.shadowRoot ? find(el.shadowRoot) : null),
          null,
        );
      const h1 = find(document);
      return h1 !== null && !/^Loading/.test(h1.textContent ?? '');
    },
    undefined,
    { timeout: 15_000 },
  );
}

/**
 * Full-page screenshots of `page` at each width (900 px tall), saved to `path(width)`, each checked
 * not to scroll sideways: the document is no wider than the viewport.
 */
export async function screenshotsAtWidths(
  page: Page,
  path: (width: number) => string,
  widths: readonly number[] = [1280, 390],
): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path(width), fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `the page's width at ${width} px`).toBeLessThanOrEqual(width);
  }
}
