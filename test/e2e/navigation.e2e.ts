// In-app navigation: links route without a reload, focus and title follow, back works, unknown paths get a 404 view.
import { describe, expect, inject, it } from 'vitest';
import { cardCount, openApp } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('file');

/** The focused element, looking through shadow roots. */
function focusedText(page: import('playwright-core').Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return `${element?.tagName ?? ''}:${element?.textContent?.trim() ?? ''}`;
  });
}

describe('navigation', () => {
  it('follows a card link without reloading, focuses the new heading and sets the title', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
    await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
    const link = page.locator('quorum-comparison-card a').first();
    const title = (await link.textContent())?.trim() ?? '';
    await link.click();
    await expect.poll(() => focusedText(page)).toBe(`H1:${title}`);
    expect(await page.title()).toBe(`${title} · Quorum`);
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(
      true,
    );

    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => cardCount(page)).toBe(5);
    expect(await page.title()).toBe('Catalog · Quorum');
  });

  it('marks the current section in the header navigation', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await nav.getByRole('link', { name: 'Catalog' }).getAttribute('aria-current')).toBe(
      'false',
    );
  });

  it('offers a skip link as the first tab stop that moves focus to the main content', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('A:Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows a not-found view for an unknown path and for a comparison that is not stored', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.goto(`${baseUrl}/comparison/not-a-stored-id`);
    await page.getByRole('heading', { level: 1, name: 'Comparison not found' }).waitFor();
  });

  it('compares two tools picked from the selects and keeps them in the URL', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/compare`);
    await page.getByRole('heading', { level: 1, name: 'Compare any two tools' }).waitFor();
    const first = page.getByLabel('First tool');
    await expect.poll(() => first.locator('option').count()).toBe(7);
    const slugs = await first
      .locator('option')
      .evaluateAll((options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
      );
    const [a, b] = slugs;
    await first.selectOption(a ?? '');
    await page.getByLabel('Second tool').selectOption(b ?? '');
    await expect.poll(() => page.locator('quorum-tool-summary').count()).toBe(2);
    const url = new URL(page.url());
    expect([url.searchParams.get('a'), url.searchParams.get('b')]).toEqual([a, b]);
  });
});
