// The other ways in: a page pasted as text, files dropped on the catalog; and the storage status in Settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { FIXTURE_PAGES, cardCount, importResults, openApp } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';

const baseUrl = inject('baseUrl');
const NEW_PAGE = readFileSync(join(FIXTURE_PAGES, 'e2e-new-page.txt'), 'utf8');
const MALFORMED_PAGE = readFileSync(join(FIXTURE_PAGES, 'e2e-malformed.txt'), 'utf8');
const session = useBrowserSession('test');

async function openCatalog() {
  const opened = await openApp(session.context, `${baseUrl}/`);
  await expect.poll(() => cardCount(opened.page), { timeout: 15_000 }).toBe(5);
  return opened.page;
}

describe('catalog input', () => {
  it('imports a page pasted as text', async () => {
    const page = await openCatalog();
    await page.getByText('Paste a page instead').click();
    await page.getByLabel('Page text').fill(NEW_PAGE);
    await page.getByRole('button', { name: 'Import pasted text' }).click();
    await expect
      .poll(() => importResults(page).textContent())
      .toContain('Imported 1 new comparison from pasted text');
    await expect.poll(() => cardCount(page)).toBe(6);
  });

  it('imports files dropped onto the catalog, and rejects a dropped malformed one by name', async () => {
    const page = await openCatalog();
    const drop = (name: string, text: string) =>
      page.evaluate(
        ([fileName, content]) => {
          const data = new DataTransfer();
          data.items.add(new File([content], fileName, { type: 'text/plain' }));
          const target = document.querySelector('quorum-catalog-view');
          if (!target) throw new Error('no catalog view');
          const init = { dataTransfer: data, bubbles: true, cancelable: true };
          target.dispatchEvent(new DragEvent('dragover', init));
          target.dispatchEvent(new DragEvent('drop', init));
        },
        [name, text] as const,
      );
    await drop('dropped-bad.txt', MALFORMED_PAGE);
    await expect
      .poll(() => importResults(page).textContent())
      .toMatch(/dropped-bad\.txt, line \d+: expected/);
    expect(await cardCount(page)).toBe(5);
    await drop('dropped.txt', NEW_PAGE);
    await expect
      .poll(() => importResults(page).textContent())
      .toContain('Imported 1 new comparison from dropped.txt');
    await expect.poll(() => cardCount(page)).toBe(6);
  });

  it('refuses an oversized file by name and stores nothing, not even the good file picked with it', async () => {
    const page = await openCatalog();
    const oversized = `${NEW_PAGE}\n${'x'.repeat(1024 * 1024)}`;
    await page.getByLabel('Import comparisons').setInputFiles([
      { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from(NEW_PAGE) },
      { name: 'oversized.txt', mimeType: 'text/plain', buffer: Buffer.from(oversized) },
    ]);
    await expect
      .poll(() => importResults(page).textContent())
      .toMatch(
        /oversized\.txt, line 1: expected a file of at most 1 MiB[\s\S]*Nothing was imported/,
      );
    await page.reload();
    await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
  });

  it('shows in Settings whether the browser keeps Quorum’s storage', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/settings`);
    const status = page.locator('[data-testid="persistence"]');
    await expect.poll(() => status.textContent()).not.toContain('Checking');
    const text = (await status.textContent())?.trim() ?? '';
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    // The text must follow what the browser actually says, whichever way it went.
    if (persisted) expect(text).toMatch(/^Persistent:/);
    else expect(text).toMatch(/^Best effort: the browser may delete/);
  });
});
