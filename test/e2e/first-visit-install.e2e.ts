// Issue 10 item 20: the installed app's manifest (id, screenshots, shortcuts, file handlers, launch) and files opened through launchQueue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  FIXTURE_PAGES,
  cardCount,
  importResults,
  openApp,
  waitForCards,
} from '../support/app-page.js';
import type { Page } from 'playwright-core';
import { useBrowserSession } from '../support/browser-session.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');

interface Manifest {
  id?: string;
  screenshots?: { src: string; sizes: string; type: string; form_factor?: string }[];
  shortcuts?: { name: string; url: string }[];
  file_handlers?: { action: string; accept: Record<string, string[]> }[];
  launch_handler?: { client_mode?: string };
}

async function manifest(): Promise<Manifest> {
  return (await (await fetch(`${baseUrl}/manifest.webmanifest`)).json()) as Manifest;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

/**
 * Opens the studio as an installed app launched with one file. Chromium hands launch files only to an
 * installed app: a stand-in launchQueue records the consumer Quorum sets, and the test calls it.
 */
async function launchWith(text: string, name: string, type: string): Promise<Page> {
  await session.context.addInitScript(() => {
    // Chromium has its own launchQueue (on Window.prototype): an own property shadows it.
    Object.defineProperty(window, 'launchQueue', {
      configurable: true,
      value: {
        setConsumer(consumer: unknown) {
          Object.assign(window, { __launchConsumer: consumer });
        },
      },
    });
  });
  const { page: tab } = await openApp(session.context, `${baseUrl}/studio?engine=sim`);
  await tab.waitForFunction(() => '__launchConsumer' in window, null, { timeout: 20_000 });
  await tab.evaluate(
    ({ text, name, type }) => {
      const consume = (window as unknown as Record<string, (p: unknown) => void>).__launchConsumer;
      const file = new File([text], name, { type });
      consume?.({ files: [{ getFile: () => Promise.resolve(file) }] });
    },
    { text, name, type },
  );
  return tab;
}

describe('the installed app (issue 10 item 20)', () => {
  it('item 20: the manifest has a stable id, wide and narrow screenshots of their stated sizes, shortcuts, file handlers and focus-existing launch', async () => {
    const m = await manifest();
    expect(m.id).toBe('/');
    const shots = m.screenshots ?? [];
    expect(shots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of shots) {
      const response = await fetch(`${baseUrl}${shot.src}`);
      expect(response.ok, shot.src).toBe(true);
      expect(pngSize(new Uint8Array(await response.arrayBuffer())), shot.src).toBe(shot.sizes);
    }
    expect((m.shortcuts ?? []).map((s) => s.url)).toEqual(
      expect.arrayContaining(['/studio', '/models', '/arena', '/lab']),
    );
    const accepted = (m.file_handlers ?? []).flatMap((h) => Object.values(h.accept).flat());
    expect(accepted).toEqual(expect.arrayContaining(['.txt', '.json', '.jsonl']));
    const tasks = (m.file_handlers ?? []).find((h) =>
      Object.values(h.accept).flat().includes('.jsonl'),
    );
    expect(tasks?.action).toBe('/lab');
    expect(m.launch_handler?.client_mode).toBe('focus-existing');
  });

  it('item 20: a comparison page the app is opened with is imported through the catalog import', async () => {
    const page = readFileSync(join(FIXTURE_PAGES, 'e2e-new-page.txt'), 'utf8');
    const tab = await launchWith(page, 'opened.txt', 'text/plain');
    await tab.waitForURL(`${baseUrl}/`);
    await expect
      .poll(() => importResults(tab).textContent(), { timeout: 20_000 })
      .toContain('Imported 1 new comparison from opened.txt');
    await waitForCards(tab, 6);
    expect(await cardCount(tab)).toBe(6);
  });

  it('item 20: a task set the app is opened with goes through the lab import, all or nothing', async () => {
    const good = ['{"question": "2 + 2?", "answer": "4"}', '{"question": "3 + 3?", "answer": "6"}'];
    const tab = await launchWith(good.join('\n'), 'mine.jsonl', 'application/jsonl');
    await tab.waitForURL(`${baseUrl}/lab`);
    await tab
      .getByRole('status')
      .filter({ hasText: 'Imported 2 questions from mine.jsonl' })
      .waitFor({ timeout: 20_000 });
    await tab.getByRole('radio', { name: /Your file: mine\.jsonl/ }).waitFor();
  });

  it('item 20: a task set with a bad line opened from the desktop imports nothing and says which line', async () => {
    const bad = ['{"question": "2 + 2?", "answer": "4"}', 'not json'].join('\n');
    const tab = await launchWith(bad, 'broken.jsonl', 'application/jsonl');
    await tab.waitForURL(`${baseUrl}/lab`);
    const alert = tab.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('Line 2: not valid JSON');
    expect(await tab.getByRole('radio', { name: /Your file/ }).count()).toBe(0);
  });
});
