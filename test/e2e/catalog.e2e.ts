// The catalog in the built app: seeds on first visit, import, rejection, markup shown as text, export round trip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  FIXTURE_PAGES,
  cardCount,
  importInput,
  importResults,
  openApp,
  resultCount,
  type PageProblems,
} from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');

async function openCatalog() {
  const opened = await openApp(session.context, `${baseUrl}/`);
  await expect.poll(() => cardCount(opened.page), { timeout: 15_000 }).toBe(5);
  return opened;
}

function expectNoProblems(problems: PageProblems): void {
  expect(problems.errors).toEqual([]);
}

describe('catalog', () => {
  it('shows the five shipped comparisons on a first visit, without console errors or CSP violations', async () => {
    const { page, problems } = await openCatalog();
    await expect.poll(() => resultCount(page).textContent()).toContain('5 comparisons');
    expect(await page.title()).toBe('Catalog · Quorum');
    expectNoProblems(problems);
  });

  it('adds an imported page to the catalog and names the file in the live region', async () => {
    const { page, problems } = await openCatalog();
    await importInput(page).setInputFiles(join(FIXTURE_PAGES, 'e2e-new-page.txt'));
    await expect
      .poll(() => importResults(page).textContent())
      .toContain('Imported 1 new comparison from e2e-new-page.txt');
    await expect.poll(() => cardCount(page)).toBe(6);
    expect(await importResults(page).getAttribute('aria-live')).toBe('polite');
    await page.getByRole('link', { name: 'Acme Notes vs Beta & Co. (v2.1)' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Acme Notes vs Beta & Co. (v2.1)' })
      .waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/comparison\//);
    expectNoProblems(problems);
  });

  it('rejects a malformed page, names it with its line, and stores nothing', async () => {
    const { page } = await openCatalog();
    await importInput(page).setInputFiles([
      join(FIXTURE_PAGES, 'e2e-new-page.txt'),
      join(FIXTURE_PAGES, 'e2e-malformed.txt'),
    ]);
    await expect.poll(() => importResults(page).textContent()).toContain('Nothing was imported.');
    const text = (await importResults(page).textContent()) ?? '';
    expect(text).toMatch(/e2e-malformed\.txt, line \d+: expected/);
    await page.reload();
    await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
  });

  it('shows markup from a page literally and never runs it', async () => {
    const { page, problems } = await openCatalog();
    await importInput(page).setInputFiles(join(FIXTURE_PAGES, 'e2e-markup.txt'));
    await expect.poll(() => cardCount(page)).toBe(6);
    await page.getByRole('link', { name: 'Markup Tool vs Script Tool' }).click();
    await page.getByRole('heading', { level: 1, name: 'Markup Tool vs Script Tool' }).waitFor();
    await expect
      .poll(() => page.getByText('<img src=x onerror="window.__xss=1"> shows as text').count())
      .toBe(1);
    expect(
      await page.getByText('<script>window.__xss=2</script>', { exact: true }).count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expectNoProblems(problems);
  });

  it('exports the catalog and re-importing the export changes nothing', async () => {
    const { page } = await openCatalog();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export catalog' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^quorum-catalog-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { comparisons: unknown[] };
    expect(exported.comparisons).toHaveLength(5);
    await importInput(page).setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: readFileSync(path),
    });
    await expect
      .poll(() => importResults(page).textContent())
      .toContain('5 already in your catalog, unchanged');
    expect(await importResults(page).textContent()).toContain('Imported 0 new comparisons');
    expect(await cardCount(page)).toBe(5);
  });

  it('filters as the visitor types and keeps the search in the URL', async () => {
    const { page } = await openCatalog();
    await page.getByLabel('Search comparisons').fill('LiteRT');
    await expect.poll(() => resultCount(page).textContent()).toMatch(/\d+ of 5 comparisons match/);
    const shown = await cardCount(page);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(5);
    // The URL follows once typing pauses.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('LiteRT');
    await page.getByLabel('Search comparisons').fill('zzzz-no-such-tool');
    await page.getByRole('heading', { name: 'No comparisons match' }).waitFor();
  });
});
