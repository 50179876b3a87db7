// Drives the endpoint UI in Chromium for the end-to-end tests and the bench: add a server in Settings, pick a pool by labels, find a column.
import type { Page } from 'playwright-core';

export interface EndpointEntry {
  name: string;
  /** e.g. "http://127.0.0.1:39123" or "…/v1". */
  baseUrl: string;
  apiKey?: string;
  /** Typed model names; without them, the server's list is loaded (every model picked). */
  typed?: readonly string[];
}

/** Adds an endpoint through Settings' form and waits until it is listed. */
export async function addEndpoint(page: Page, appUrl: string, entry: EndpointEntry): Promise<void> {
  if (!page.url().startsWith(`${appUrl}/settings`)) await page.goto(`${appUrl}/settings`);
  await page.getByRole('button', { name: 'Add a server' }).click();
  const form = page.locator('quorum-endpoint-form');
  await form.getByLabel('Name', { exact: true }).fill(entry.name);
  await form.getByLabel('Base URL').fill(entry.baseUrl);
  if (entry.apiKey) await form.getByLabel('API key (optional)').fill(entry.apiKey);
  if (entry.typed)
    await form.getByLabel('Or type model names, one per line').fill(entry.typed.join('\n'));
  else {
    await form.getByRole('button', { name: 'Load the server’s models' }).click();
    await form.getByRole('list', { name: 'Models the server lists' }).waitFor();
  }
  await form.getByRole('button', { name: 'Add server', exact: true }).click();
  await page.locator('li.endpoint h3', { hasText: entry.name }).first().waitFor();
}

/** Checks exactly the pool options whose label contains one of `labels` (and unchecks the rest). */
export async function pickPool(page: Page, labels: readonly string[]): Promise<void> {
  const items = page.locator('quorum-pool-picker li');
  await items.first().waitFor({ timeout: 20_000 });
  await page
    .locator('quorum-pool-picker li', { hasText: labels[labels.length - 1] ?? '' })
    .first()
    .waitFor({ timeout: 20_000 });
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const text = (await item.textContent()) ?? '';
    // The row's first input is the pool checkbox (a switchable model's row also holds Thinking).
    await item
      .locator('input')
      .first()
      .setChecked(labels.some((label) => text.includes(label)));
  }
}

/** The member column whose heading names `label`. */
export function columnNamed(page: Page, label: string) {
  return page.locator('quorum-member-column', { hasText: label }).first();
}
