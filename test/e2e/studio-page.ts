// Helpers for the studio end-to-end tests: open the studio in simulated mode, run a mode, read columns.
import type { Page } from 'playwright-core';

export const QUESTION = 'What is 17 * 23?';
export const POOL = ['sim-tiny-360M', 'sim-swift-0.5B', 'sim-steady-1.5B'];
export type StudioMode = 'Vote' | 'Best-of' | 'Merge' | 'Debate';

/**
 * For a test that reads a finished run, not how it streams: the simulated models at 400 tokens a
 * second (their own pace is 18-120) and with no wait before the first token (theirs is 120-900 ms,
 * paid on every call: the lab's quick set makes 96 of them), so a run takes a second or two instead
 * of five to ten. Their text is the same at any pace: the simulated engine writes an answer before
 * it times its tokens.
 */
export const FAST = 'simSpeed=400&simTtft=0';

/** `simQuery` adds the simulated engine's URL options, e.g. `simSpeed=4` for a run that must still be going later. */
export async function openStudio(page: Page, baseUrl: string, simQuery = ''): Promise<void> {
  await page.goto(`${baseUrl}/studio?engine=sim${simQuery ? `&${simQuery}` : ''}`);
  await page
    .locator('quorum-pool-picker input[type="checkbox"]')
    .first()
    .waitFor({ timeout: 20_000 });
}

/** Picks exactly the three small simulated models, then the mode, then writes the question. */
export async function prepareRun(page: Page, mode: StudioMode, prompt = QUESTION): Promise<void> {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  const boxes = page.locator('quorum-pool-picker li');
  const count = await boxes.count();
  for (let i = 0; i < count; i++) {
    const item = boxes.nth(i);
    const text = (await item.textContent()) ?? '';
    const wanted = POOL.some((id) => text.includes(labelOf(id)));
    await item.locator('input').first().setChecked(wanted);
  }
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
}

const LABELS: Record<string, string> = {
  'sim-tiny-360M': 'Simulated Tiny 360M',
  'sim-swift-0.5B': 'Simulated Swift 0.5B',
  'sim-steady-1.5B': 'Simulated Steady 1.5B',
};
const labelOf = (id: string): string => LABELS[id] ?? id;

export function column(page: Page, modelId: string) {
  return page.locator(`quorum-member-column[data-key="member:${modelId}"]`);
}

/**
 * Lengths of a column's streaming text, sampled every animation frame in the page (polling from
 * the test is too coarse for a short simulated answer), until it has grown or `ms` pass.
 * Start it before clicking Run.
 */
export function sampleStreaming(page: Page, modelId: string, ms = 20_000): Promise<number[]> {
  return page.evaluate(
    ({ key, ms }) =>
      new Promise<number[]>((resolve) => {
        const find = (root: Document | ShadowRoot, selector: string): Element | null =>
          root.querySelector(selector) ??
          [...root.querySelectorAll('*')].reduce<Element | null>(
            (found, el) => found ?? (el.shadowRoot ? find(el.shadowRoot, selector) : null),
            null,
          );
        // The answer is Markdown rendered inside shadow roots: count the text in them too.
        const deepText = (node: Node): string =>
          node.nodeType === Node.TEXT_NODE
            ? (node.textContent ?? '')
            : [
                ...(node instanceof Element && node.shadowRoot ? [node.shadowRoot] : []),
                ...node.childNodes,
              ]
                .map(deepText)
                .join('');
        const lengths: number[] = [];
        const deadline = performance.now() + ms;
        const tick = () => {
          const column = find(document, `quorum-member-column[data-key="${key}"]`);
          const root = column?.shadowRoot;
          const status = root?.querySelector('[data-testid="column-status"]')?.textContent;
          const element = root?.querySelector('[data-testid="column-text"]');
          const text = element ? deepText(element) : undefined;
          if (status === 'Streaming' && text !== undefined) {
            if (lengths.at(-1) !== text.length) lengths.push(text.length);
          }
          const grown = lengths.some(
            (l, i) => i > 0 && (lengths[i - 1] ?? 0) > 0 && l > (lengths[i - 1] ?? 0),
          );
          if (grown || performance.now() > deadline) resolve(lengths);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { key: `member:${modelId}`, ms },
  );
}

/** True when the lengths show text that had started and then grew. */
export function grew(lengths: readonly number[]): boolean {
  return lengths.some(
    (length, i) => i > 0 && (lengths[i - 1] ?? 0) > 0 && length > (lengths[i - 1] ?? 0),
  );
}

export async function waitForResult(page: Page, timeout = 90_000): Promise<void> {
  await page.locator('[data-testid="fused-answer"]').waitFor({ timeout });
}

export function statusLine(page: Page) {
  return page.locator('quorum-studio-view p.status');
}

/** Waits until the column's current output shows some text. */
export async function waitForText(page: Page, modelId: string): Promise<void> {
  const text = column(page, modelId).locator('[data-testid="column-text"]').first();
  await text.filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
}
