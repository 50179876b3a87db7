// Helpers for the lab's end-to-end tests: open /lab, start a run, wait for it, export, read the database.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export const RECORDED_IDS = [
  'recorded-gsm8k-6b-finetuned',
  'recorded-gsm8k-6b-verifier',
  'recorded-gsm8k-175b-finetuned',
  'recorded-gsm8k-175b-verifier',
];

/** Opens the lab and waits until its set-up form offers the four recorded models. */
export async function openLab(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/lab${query}`);
  await page
    .getByRole('checkbox', { name: /GPT-3 175B \+ verifier \(recorded\)/ })
    .waitFor({ timeout: 20_000 });
}

/** Sets the subset and seed (GSM8K, the four recorded models and vote are the form's defaults). */
export async function startRun(
  page: Page,
  { size, seed, realistic = false }: { size: number; seed: number; realistic?: boolean },
): Promise<void> {
  await page.getByLabel('Questions', { exact: true }).fill(String(size));
  await page.getByLabel('Seed', { exact: true }).fill(String(seed));
  if (realistic) await page.getByRole('radio', { name: 'At a realistic speed' }).check();
  await page.getByRole('button', { name: 'Start run' }).click();
}

export async function waitForVerdict(page: Page, timeout = 120_000): Promise<string> {
  const verdict = page.locator('[data-testid="verdict"]').first();
  await verdict.waitFor({ timeout });
  return (await verdict.textContent()) ?? '';
}

export interface ExportedResults {
  format: string;
  version: number;
  taskSet: { id: string; questions: number };
  entries: {
    kind: string;
    id: string;
    label: string;
    correct: number;
    total: number;
    /** Added in session 5: answers that failed (already counted as wrong in `correct`). */
    failed?: number;
    accuracy: number;
    ci95: [number, number];
  }[];
  comparisons: {
    mode: string;
    against: string;
    difference: number;
    ci95: [number, number];
    mcnemarP: number;
  }[];
  questions: {
    index: number;
    answers: Record<string, { extracted: string | null; correct: boolean }>;
  }[];
}

export async function exportResults(page: Page): Promise<ExportedResults> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export results (JSON)' }).click(),
  ]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as ExportedResults;
}

/** How many answers the lab has stored, read from IndexedDB in the page. */
export function storedAnswers(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('quorum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('labAnswers').objectStore('labAnswers').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** "12 of 40 answers in" from the progress bar's label (in its shadow root); 0 before it shows. */
export async function answersIn(page: Page): Promise<number> {
  const label = page.locator('[data-testid="lab-progress"] quorum-progress-bar label');
  const text = (await label.count()) > 0 ? ((await label.textContent()) ?? '') : '';
  return Number(/(\d+) of \d+ answers in/.exec(text)?.[1] ?? 0);
}

/**
 * The captions of the tables on the page (through shadow roots) that are cut: wider than the box that
 * scrolls them, or than the page, without a quorum-scroll-box saying "Scroll sideways" above them.
 * Tables in closed details are not rendered, so never cut.
 */
export function tablesCutWithoutHint(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const tables: HTMLTableElement[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLTableElement) tables.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const parentOf = (el: Element): Element | null =>
      el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    const cut: string[] = [];
    for (const table of tables) {
      // A closed details' content is not rendered (content-visibility), so it is not cut either.
      if (!table.checkVisibility()) continue;
      const name = table.caption?.textContent?.replace(/\s+/g, ' ').trim() ?? '(no caption)';
      let box: Element | null = parentOf(table);
      while (box && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(box).overflowX))
        box = parentOf(box);
      if (!box) {
        if (table.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          cut.push(name);
        continue;
      }
      if (box.scrollWidth <= box.clientWidth + 1) continue;
      const host = (box.getRootNode() as ShadowRoot).host;
      const hinted =
        host?.localName === 'quorum-scroll-box' &&
        /Scroll sideways/.test(host.shadowRoot?.querySelector('.hint')?.textContent ?? '');
      if (!hinted) cut.push(name);
    }
    return cut;
  });
}
