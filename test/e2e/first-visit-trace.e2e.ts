// Issue 10 items 8, 11, 14 and 19: a run's trace, columns, history and exports read as written for people.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { cardCount, importResults, openApp } from '../support/app-page.js';
import { failOnConsoleErrors } from '../support/console-errors.js';
import { useBrowserSession } from '../support/browser-session.js';
import { shadowTextOf } from '../support/shadow-text.js';
import { FAST, openStudio, prepareRun, waitForResult, type StudioMode } from './studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const OPEN_QUESTION = 'Explain how a B-tree keeps itself balanced.';
const watchErrors = failOnConsoleErrors();

/** A finished simulated run of `mode` over the three small simulated models. */
async function run(mode: StudioMode, prompt: string, width = 1280): Promise<Page> {
  const opened = await openApp(session.context, `${baseUrl}/`);
  watchErrors(opened.problems);
  const page = opened.page;
  await page.setViewportSize({ width, height: 900 });
  await openStudio(page, baseUrl, FAST);
  await prepareRun(page, mode, prompt);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);
  return page;
}

const trace = (page: Page) => page.locator('quorum-fusion-trace');
const tally = (page: Page, caption: string) =>
  trace(page)
    .locator('table')
    .filter({ has: page.locator('caption', { hasText: caption }) });

describe('readable traces (issue 10 item 8)', () => {
  it('item 8: an open question’s vote tally shows short excerpts as written, the full answer one click away, and a short overall line', async () => {
    const page = await run('Vote', OPEN_QUESTION);
    const table = tally(page, 'Vote tally');
    const cells = await table.locator('tbody td:nth-child(3)').allTextContents();
    expect(cells.length).toBe(3);
    // As the models wrote them: capitals kept, not a lower-cased comparison form.
    expect(cells.join(' ')).toMatch(/\p{Lu}/u);
    const excerpt = table.locator('tbody td:nth-child(3) summary').first();
    const shortText = (await excerpt.textContent()) ?? '';
    expect(shortText.length).toBeLessThanOrEqual(90);
    const full = table.locator('tbody td:nth-child(3) details').first().locator('.full');
    expect(await full.isVisible()).toBe(false);
    await excerpt.click();
    expect(await full.isVisible()).toBe(true);
    expect(((await full.textContent()) ?? '').trim().length).toBeGreaterThan(shortText.length);
    const overall = trace(page).locator('p', { hasText: 'Overall:' });
    expect(((await overall.textContent()) ?? '').length).toBeLessThan(200);
  }, 120_000);

  it('item 8: debate shows the answers before and after as excerpts in body text, the full answer one click away', async () => {
    const page = await run('Debate', OPEN_QUESTION);
    const side = trace(page).locator('.versus > div').last();
    const excerpt = side.locator('summary');
    const style = await excerpt.evaluate((el) => {
      const own = getComputedStyle(el);
      return { weight: Number(own.fontWeight), size: parseFloat(own.fontSize) };
    });
    expect(style.weight).toBeLessThan(600);
    expect(style.size).toBeLessThanOrEqual(17);
    await excerpt.click();
    const full = ((await side.locator('.full').textContent()) ?? '').trim();
    expect(full.length).toBeGreaterThan(((await excerpt.textContent()) ?? '').length);
  }, 120_000);
});

describe('strings for people (issue 10 item 11)', () => {
  it('item 11: the judge column says whom the judge picked, and the notes count wins in words', async () => {
    const page = await run('Best-of', 'What is 17 * 23?');
    const judge = page.locator('quorum-member-column[data-key^="judge:"]');
    const texts = await judge.locator('[data-testid="column-text"]').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toMatch(/\{\s*"winner"/);
      // Named by the response it stood for, not by the judge's position letter (newcomer, 2026-11-30).
      expect(text).toMatch(/^\s*The judge (picked Response \d|called it a tie)/);
    }
    const titles = await judge.locator('.tag').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles)
      expect(title.trim()).toMatch(/^Response \d \(shown first\) vs Response \d \(shown second\)$/);
    const notes = await shadowTextOf(trace(page));
    expect(notes).toMatch(/ranked first/);
    expect(notes).not.toMatch(/\b1 (wins|losses|ties)\b|\b0 (win|loss|tie)\b/);
  }, 120_000);

  it('item 11: a stopped run says Stopped once, never "aborted:"', async () => {
    const opened = await openApp(session.context, `${baseUrl}/`);
    watchErrors(opened.problems);
    const page = opened.page;
    await openStudio(page, baseUrl, 'simSpeed=2');
    await prepareRun(page, 'Vote', 'What is 17 * 23?');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page
      .locator('quorum-member-column [data-testid="column-status"]', { hasText: 'Streaming' })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page
      .locator('quorum-member-column [data-testid="column-status"]', { hasText: 'Stopped' })
      .first()
      .waitFor();
    await page
      .getByRole('button', { name: 'Run', exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
    const columns = await page.locator('quorum-member-column').allInnerTexts();
    expect(columns.join('\n')).not.toMatch(/aborted/i);
    await page.getByRole('link', { name: 'Open this run in history' }).click();
    await page.locator('[data-testid="stored-answer"]').first().waitFor();
    const stored = await page.locator('[data-testid="stored-answer"]').allInnerTexts();
    expect(stored.join('\n')).not.toMatch(/aborted/i);
  }, 120_000);

  it('item 11: a pasted invalid page is named once, in sentences', async () => {
    const opened = await openApp(session.context, `${baseUrl}/`);
    watchErrors(opened.problems);
    const page = opened.page;
    await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
    await page.getByText('Paste a page instead').click();
    await page.getByLabel('Page text').fill('hello world');
    await page.getByRole('button', { name: 'Import pasted text' }).click();
    await expect.poll(() => importResults(page).textContent()).toMatch(/Nothing was imported/);
    const text = (await importResults(page).textContent()) ?? '';
    expect(text).toMatch(/pasted text, line 1: expected the label "AI tool comparison"/);
    expect(text).toContain('hello world');
    expect(text.split('AI tool comparison').length - 1).toBe(1);
    // Sentences never run together ("….Line 1"): each ends before the next begins.
    expect(text).not.toMatch(/[.!?][”"]?\p{Lu}/u);
  }, 60_000);
});

describe('history and exports (issue 10 item 19)', () => {
  it('item 19: a history row leads with the question, previews the answer, and marks a simulated run quietly', async () => {
    const page = await run('Vote', 'What is 12 + 13?');
    const answer = await shadowTextOf(page.locator('[data-testid="fused-answer"]'));
    await page.getByRole('link', { name: 'History', exact: true }).click();
    const row = page.locator('[data-testid="run-item"]').first();
    await row.waitFor();
    const weight = (selector: string) =>
      row
        .locator(selector)
        .first()
        .evaluate((el) => Number(getComputedStyle(el).fontWeight));
    expect(await weight('[data-testid="run-simulated"]')).toBeLessThan(await weight('a'));
    const preview = (await row.locator('[data-testid="run-preview"]').textContent()) ?? '';
    const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
    const previewed = words(preview.replace(/^[^:]*:/, ''));
    expect(previewed.length).toBeGreaterThan(0);
    // The preview's words (the last one may be cut) all come from the fused answer.
    const said = new Set(words(answer));
    for (const word of previewed.slice(0, -1)) expect(said.has(word)).toBe(true);
  }, 120_000);

  it('item 19: the exports keep line breaks and list only the options of the run’s mode', async () => {
    const page = await run('Vote', 'What is 12 + 13?\nReply with the number only.');
    await page.getByRole('link', { name: 'Open this run in history' }).click();
    await page.locator('[data-testid="run-status"]').waitFor();
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      return readFile((await file.path())!, 'utf8');
    };
    const markdown = await download('Export Markdown');
    // A single newline would join the two lines into one in any Markdown reader.
    expect(markdown).toMatch(/What is 12 \+ 13\?( {2}|\\)\nReply with the number only\./);
    const options = /^Status: .*$/m.exec(markdown)?.[0] ?? '';
    expect(options).toMatch(/samples/);
    expect(options).not.toMatch(/rounds|agents/);
    const json = JSON.parse(await download('Export JSON')) as { options: object };
    expect(Object.keys(json.options)).toContain('samples');
    expect(Object.keys(json.options)).not.toContain('rounds');
    expect(Object.keys(json.options)).not.toContain('agents');
  }, 120_000);
});

describe('tables on a phone (issue 10 item 14)', () => {
  it('item 14: at 390 px the vote tally and the cost table say that they scroll sideways', async () => {
    const page = await run('Vote', OPEN_QUESTION, 390);
    const boxes = [
      ['tally', tally(page, 'Vote tally')],
      ['cost', page.locator('quorum-cost-panel table')],
    ] as const;
    for (const [which, table] of boxes) {
      const wrapper = table.locator('xpath=..');
      const overflows = await wrapper.evaluate((el) => {
        const scroller = el.shadowRoot?.querySelector('.scroll') ?? el;
        return scroller.scrollWidth > scroller.clientWidth;
      });
      // Seven columns never fit a phone; the cost table may. Whatever is cut says it scrolls.
      if (which === 'tally') expect(overflows).toBe(true);
      const hint = wrapper.getByText(/Scroll sideways/);
      expect({ which, hint: await hint.isVisible() }).toEqual({ which, hint: overflows });
    }
  }, 120_000);
});
