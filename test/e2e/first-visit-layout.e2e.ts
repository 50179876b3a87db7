// Issue 10 items 14 and 16: no answer column cut at the right edge, phones say what scrolls, and the phone header keeps the name.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, waitForView, PHONE } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { FAST, waitForResult } from './studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('file');

/** Picks every offered simulated model (four; the recorded GSM8K models are left out), then runs a quick question. */
async function runFour(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/studio?engine=sim&${FAST}`);
  await waitForView(page);
  await page
    .locator('quorum-pool-picker input[type="checkbox"]')
    .first()
    .waitFor({ timeout: 20_000 });
  const simulated = page.locator('quorum-pool-picker li').filter({ hasText: 'Simulated' });
  expect(await simulated.count()).toBe(4);
  for (const item of await simulated.all()) await item.locator('input').first().check();
  await page.getByLabel('Prompt', { exact: true }).fill('What is 12 + 13?');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);
}

describe('answer columns fit the page (issue 10 item 14)', () => {
  it('item 14: at 1280 px all four answer columns lie inside the page, none cut at the right edge', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await runFour(page);
    const columns = page.locator('quorum-member-column');
    expect(await columns.count()).toBe(4);
    for (const column of await columns.all()) {
      const box = await column.boundingBox();
      expect(box && box.x + box.width <= 1280).toBe(true);
    }
    const scrolls = await page.evaluate(() => {
      const find = (root: Document | ShadowRoot): Element | null =>
        root.querySelector('.columns') ??
        [...root.querySelectorAll('*')].reduce<Element | null>(
          (found, el) => found ?? (el.shadowRoot ? find(el.shadowRoot) : null),
          null,
        );
      const el = find(document);
      return el ? el.scrollWidth > el.clientWidth : null;
    });
    expect(scrolls).toBe(false);
  }, 120_000);

  it('item 14: on a phone the answers say that they scroll sideways', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await page.setViewportSize({ width: 390, height: 844 });
    await runFour(page);
    const hint = page.getByText(/Scroll sideways for all 4 answers/);
    expect(await hint.isVisible()).toBe(true);
  }, 120_000);
});

describe('the phone header (issue 10 item 16, in part)', () => {
  it('item 16: at 390 px the wordmark shows and the sections sit in one row', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForView(page);
    expect(await page.locator('quorum-app .brand span').isVisible()).toBe(true);
    const tops = await page
      .locator('quorum-app nav a')
      .evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(4);
    expect(new Set(tops).size).toBe(1);
  }, 60_000);
});

/** Whether the current page's tab lies wholly inside the nav's visible part (and the screen). */
function currentTabShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const nav = document.querySelector('quorum-app nav');
    const tab = nav?.querySelector('a[aria-current="page"]');
    if (!nav || !tab) return false;
    const n = nav.getBoundingClientRect();
    const t = tab.getBoundingClientRect();
    return t.left >= Math.max(n.left, 0) && t.right <= Math.min(n.right, window.innerWidth);
  });
}

/**
 * Whether the phone nav marks its overflow: a fading edge flagged on each side with sections beyond
 * it (and only there), and, unless scrolled to an end, a section starting just past the left fade
 * (scroll snapping) rather than a word cut at the edge.
 */
function navOverflowMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const nav = document.querySelector('quorum-app nav')!;
    const end = nav.scrollWidth - nav.clientWidth;
    const scrolled = nav.scrollLeft;
    const pad = parseFloat(getComputedStyle(nav).scrollPaddingInlineStart) || 0;
    const navLeft = nav.getBoundingClientRect().left;
    const snapped = [...nav.querySelectorAll('li')].some(
      (li) => Math.abs(li.getBoundingClientRect().left - (navLeft + pad)) <= 1,
    );
    const atAnEnd = scrolled <= 1 || scrolled >= end - 1;
    return (
      end > 0 &&
      nav.hasAttribute('data-more-left') === scrolled > 1 &&
      nav.hasAttribute('data-more-right') === scrolled < end - 1 &&
      pad > 0 &&
      (atAnEnd || snapped)
    );
  });
}

/**
 * The sections that show only in part: cut by the nav's edge, yet not wholly inside the part its
 * style hides at that side (`--cut-left`/`--cut-right`). A cut word must be hidden whole, never half shown.
 */
function halfShownSections(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nav = document.querySelector<HTMLElement>('quorum-app nav')!;
    const box = nav.getBoundingClientRect();
    const hidden = (side: string) => parseFloat(nav.style.getPropertyValue(side)) || 0;
    const [from, to] = [box.left + hidden('--cut-left'), box.right - hidden('--cut-right')];
    return [...nav.querySelectorAll('li')]
      .filter((li) => {
        const r = li.getBoundingClientRect();
        const cut = r.left < box.left - 1 || r.right > box.right + 1;
        return cut && r.right > from + 1 && r.left < to - 1;
      })
      .map((li) => li.textContent?.trim() ?? '');
  });
}

describe('the phone nav shows the current page (issue 10 item 16, in part)', () => {
  it('item 16: at 390 px the current tab is scrolled into the nav on /chat, /models, /arena and /settings, the page not moved', async () => {
    const phone = await session.browser.newContext(PHONE);
    try {
      const page = await phone.newPage();
      for (const route of ['/chat', '/models', '/arena', '/settings']) {
        await page.goto(`${baseUrl}${route}?engine=sim`);
        await waitForView(page);
        await page.locator('quorum-app nav a[aria-current="page"]').waitFor();
        await expect.poll(() => currentTabShown(page), { timeout: 5_000 }).toBe(true);
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        // Scrolled off the start on these routes: the cut sections fade, they are not just cut.
        await expect.poll(() => navOverflowMarked(page), { timeout: 5_000 }).toBe(true);
        await expect.poll(() => halfShownSections(page), { timeout: 5_000 }).toEqual([]);
      }
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: `test/e2e/screenshots/nav-settings-${colorScheme}-390.png` });
      }
      // A route change inside the app (a click that does not scroll the nav itself) too.
      await page.evaluate(() =>
        document.querySelector<HTMLElement>('quorum-app nav a[href="/"]')?.click(),
      );
      await page.waitForURL(`${baseUrl}/`);
      await expect.poll(() => currentTabShown(page), { timeout: 5_000 }).toBe(true);
      // At the start the nav is cut on the right only: the header as a phone shows it, then the rule.
      await expect.poll(() => navOverflowMarked(page), { timeout: 5_000 }).toBe(true);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page
          .locator('quorum-app header')
          .screenshot({ path: `test/e2e/screenshots/nav-home-${colorScheme}-390.png` });
      }
      await expect.poll(() => halfShownSections(page), { timeout: 5_000 }).toEqual([]);
      // A wide window made narrow, with no scroll or route change, marks its new overflow too.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${baseUrl}/?engine=sim`);
      await waitForView(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => navOverflowMarked(page), { timeout: 5_000 }).toBe(true);
    } finally {
      await phone.close();
    }
  }, 90_000);
});

describe('touch screens in the arena (issue 10 item 16, in part)', () => {
  it('item 16: no "Keys: 1–4 vote" hint on a touch-only phone; shown with a mouse', async () => {
    const phone = await session.browser.newContext(PHONE);
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl}/arena?engine=sim`);
      await waitForView(page);
      const hint = page.getByText(/Keys: 1–4 vote/);
      await hint.waitFor({ state: 'attached' });
      expect(await hint.isVisible()).toBe(false);
    } finally {
      await phone.close();
    }
    const { page } = await openApp(session.context, `${baseUrl}/arena?engine=sim`);
    await page.getByText(/Keys: 1–4 vote/).waitFor();
  }, 60_000);
});
