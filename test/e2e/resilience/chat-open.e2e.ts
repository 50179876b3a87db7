// A conversation still being read when the visitor moves on (New conversation) must not take over the page afterwards.
import { describe, expect, inject, it } from 'vitest';
import { openApp, waitForView } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');

describe('a conversation read that ends after the visitor moved on', () => {
  it('New conversation clicked while the saved one is still being read: the page stays a new conversation', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/chat?engine=sim`);
    await waitForView(page);
    await page.getByLabel('Model', { exact: true }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Your message').fill('What is 2 + 2?');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByTestId('usage').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/chat\/./);
    const id = decodeURIComponent(new URL(page.url()).pathname.slice('/chat/'.length));

    // Holds the read of that conversation until the test lets it go: the click below lands while
    // it is pending, every time.
    const tab = await session.context.newPage();
    await tab.addInitScript((held: string) => {
      const flags = window as unknown as {
        readPending?: boolean;
        readDone?: boolean;
        releaseRead?: () => void;
      };
      const gate = new Promise<void>((resolve) => (flags.releaseRead = resolve));
      const get = IDBObjectStore.prototype.get;
      IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey) {
        const request = get.call(this, key);
        if (key !== held) return request;
        flags.readPending = true;
        const add = request.addEventListener.bind(request);
        request.addEventListener = ((type: string, listener: EventListener, options?: boolean) => {
          if (type !== 'success') return add(type, listener, options);
          const late = (event: Event) =>
            void gate.then(() => {
              listener.call(request, event);
              flags.readDone = true;
            });
          add(type, late, options);
        }) as typeof request.addEventListener;
        return request;
      };
    }, id);
    await tab.goto(`${baseUrl}/chat/${encodeURIComponent(id)}?engine=sim`);
    await tab.waitForFunction(() => (window as { readPending?: boolean }).readPending);
    await tab.getByRole('link', { name: 'New conversation' }).click();
    await expect.poll(() => new URL(tab.url()).pathname).toBe('/chat');
    await tab.getByLabel('Your message').waitFor({ timeout: 15_000 });
    await tab.evaluate(() => (window as { releaseRead?: () => void }).releaseRead?.());
    await tab.waitForFunction(() => (window as { readDone?: boolean }).readDone);
    // What follows the read is promise callbacks and a Lit update: all done a frame later.
    await tab.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    );
    expect(await tab.locator('quorum-chat-turn').count()).toBe(0);
    expect(new URL(tab.url()).pathname).toBe('/chat');
  }, 90_000);
});
