// Issue 10, the studio's Prompt box: what is typed during a run is kept, and a question filled in by a link is one press from running.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openApp, waitForView, type PageProblems } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { waitForResult } from './studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test', ['--enable-unsafe-webgpu']);
let problems: PageProblems | undefined;

afterEach(() => {
  const errors = (problems?.errors ?? []).filter((e) => !/favicon/.test(e));
  problems = undefined;
  expect(errors).toEqual([]);
});

const promptBox = (page: Page) => page.getByLabel('Prompt', { exact: true });
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });

describe('first visit: the studio keeps what is typed during a run', () => {
  it('a question typed while a run streams is still in the Prompt box when the fused answer appears', async () => {
    const opened = await openApp(session.context, `${baseUrl}/studio?engine=sim&simSpeed=8`);
    problems = opened.problems;
    const page = opened.page;
    await waitForView(page);
    await page.locator('quorum-pool-picker input[type="checkbox"]').first().waitFor();
    await promptBox(page).fill('What is 17 * 23?');
    await runButton(page).click();
    await page
      .locator('quorum-member-column [data-testid="column-status"]', { hasText: 'Streaming' })
      .first()
      .waitFor();
    await promptBox(page).fill('');
    await promptBox(page).pressSequentially('Why is the sky blue?');
    await waitForResult(page);
    await expect(promptBox(page).inputValue()).resolves.toBe('Why is the sky blue?');
  }, 90_000);
});
