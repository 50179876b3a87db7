// The arena end to end with simulated models: names hidden until the vote, keyboard voting, votes out and back in, bad files refused.
import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SIM_MODELS } from '../../src/models/list/sim-models.js';
import { axeViolations, openApp, screenshotsAtWidths } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { FAST, openStudio, prepareRun, waitForResult } from './studio-page.js';
import {
  battleByKeys,
  openArena as openArenaAt,
  poll,
  sideHeadings,
  sideNames,
  waitForVoting,
} from './arena/arena-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const OUT_DIR = 'test/e2e/screenshots';
const SIM = 'engine=sim&simTokens=24&simSpeed=400&simTtft=0&seed=5';
const SIM_LABELS = SIM_MODELS.map((m) => m.label);

/** The arena with `query` (simulated contestants by default). */
const openArena = (context: BrowserContext, query = SIM): Promise<Page> =>
  openArenaAt(context, `${baseUrl}/arena?${query}`);

/** Whether the ratings chart scrolls sideways, and whether it is drawn smaller than its own size. */
const chartFit = (page: Page) =>
  page.locator('quorum-standings').evaluate((el) => {
    const region = el.shadowRoot!.querySelector('[aria-label="Ratings chart"]')!;
    const chart = region.querySelector('svg')!;
    const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
    return { scrolls: region.scrollWidth > region.clientWidth, scaled: scale < 0.97 };
  });

function votesFile(votes: object[]): { name: string; mimeType: string; buffer: Buffer } {
  const text = JSON.stringify({ format: 'quorum-votes', version: 1, votes });
  return { name: 'votes.json', mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function openLeaderboard(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/arena/leaderboard?engine=sim`);
  await page.getByRole('heading', { name: 'Arena leaderboard' }).waitFor();
}

describe('arena battles', () => {
  it('hides the names until the vote, reveals them after, and votes from the keyboard', async () => {
    const page = await openArena(session.context);
    await page.getByLabel('Prompt', { exact: true }).fill('Explain why the sky is blue.');
    await page.getByRole('button', { name: 'Start battle' }).click();
    await waitForVoting(page);
    expect(await sideHeadings(page)).toEqual(['Model A', 'Model B']);
    expect(await sideNames(page)).toEqual([]);
    const battleText = await page.locator('quorum-battle-side').allInnerTexts();
    for (const label of SIM_LABELS) expect(battleText.join('\n')).not.toContain(label);

    await page.keyboard.press('1');
    await poll(() => sideNames(page)).toHaveLength(2);
    const names = await sideNames(page);
    expect(names.every((n) => SIM_LABELS.includes(n))).toBe(true);
    expect(names[0]).not.toBe(names[1]);
    await poll(() => page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringContaining('You voted: Model A is better'),
    );
    await poll(() => page.locator('quorum-battle-side dl').count()).toBe(2);

    // N starts the next battle on a built-in prompt; 2 votes for Model B.
    await page.keyboard.press('n');
    await waitForVoting(page);
    expect(await sideNames(page)).toEqual([]);
    await page.keyboard.press('2');
    await poll(() => sideNames(page)).toHaveLength(2);

    // Typing a digit in the prompt box is text, not a vote.
    await page.keyboard.press('n');
    await waitForVoting(page);
    await page.getByLabel('Prompt', { exact: true }).press('3');
    expect(await sideNames(page)).toEqual([]);

    await openLeaderboard(page);
    await poll(() => page.locator('[data-testid="board-summary"]').textContent()).toMatch(
      /^\s*2 votes among/,
    );
  }, 90_000);

  it('starts with the pair a run page links to', async () => {
    const page = await openArena(session.context, `${SIM}&a=sim-tiny-360M&b=sim-steady-1.5B`);
    await page.getByLabel('Prompt', { exact: true }).fill('Hello');
    await page.getByRole('button', { name: 'Start battle' }).click();
    await waitForVoting(page);
    await page.getByRole('button', { name: /Tie/ }).click();
    await poll(async () => (await sideNames(page)).sort()).toEqual([
      'Simulated Steady 1.5B',
      'Simulated Tiny 360M',
    ]);
  }, 60_000);
});

describe('the arena and the studio', () => {
  it('links a run to blind battles of its members and counts its judge verdicts apart', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await openStudio(page, baseUrl, FAST);
    await prepareRun(page, 'Best-of');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    const links = page.locator('[data-testid="battle-link"]');
    await poll(() => links.count()).toBe(3);
    const first = (await links.first().textContent())!;
    const href = (await links.first().getAttribute('href'))!;

    await openLeaderboard(page);
    await page.getByRole('radio', { name: /Judge verdicts/ }).check();
    await poll(() => page.locator('[data-testid="board-summary"]').textContent()).toMatch(
      /\d+ votes among/,
    );
    await page.getByRole('radio', { name: 'Your votes' }).check();
    await poll(() => page.getByText('No votes yet').count()).toBe(1);

    await page.goto(`${baseUrl}${href}`);
    await page.getByLabel('Prompt', { exact: true }).fill('Hello');
    await page.getByRole('button', { name: 'Start battle' }).click();
    await waitForVoting(page);
    await page.keyboard.press('4');
    await poll(() => sideNames(page)).toHaveLength(2);
    for (const name of await sideNames(page)) expect(first).toContain(name);
  }, 120_000);
});

describe('votes in and out', () => {
  const vote = (i: number, winner: string) => ({
    a: 'sim-tiny-360M',
    b: 'sim-swift-0.5B',
    winner,
    source: 'human',
    at: new Date(Date.UTC(2026, 10, 27, 9, 0, i)).toISOString(),
  });
  /** The hand-checked case: Tiny beats Swift 7 times of 10 → 1070.5 against 929.5. */
  const handChecked = [
    ...Array.from({ length: 7 }, (_, i) => vote(i, 'a')),
    ...Array.from({ length: 3 }, (_, i) => vote(10 + i, 'b')),
  ];

  it('imports a file, shows the hand-checked ratings, exports it back unchanged', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/arena/leaderboard?engine=sim`);
    await page.locator('input#import-votes').setInputFiles(votesFile(handChecked));
    await poll(() => page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringContaining('Imported 10 votes'),
    );
    const rows = page.locator('quorum-standings tbody tr');
    await poll(() => rows.count()).toBe(2);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent?.trim())),
    );
    expect(cells[0]!.slice(0, 3)).toEqual(['1', 'Simulated Tiny 360M', '1070']);
    expect(cells[1]!.slice(0, 3)).toEqual(['1', 'Simulated Swift 0.5B', '930']);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export votes' }).click();
    const saved = readFileSync((await (await download).path())!, 'utf8');
    expect(JSON.parse(saved)).toEqual({ format: 'quorum-votes', version: 1, votes: handChecked });

    // The models page shows each rated model's rating and interval.
    await page.goto(`${baseUrl}/models?engine=sim`);
    const tiny = page.locator('quorum-model-card', { hasText: 'Simulated Tiny 360M' });
    await poll(async () =>
      (await tiny.locator('[data-testid="arena-rating"]').textContent())?.replace(/\s+/g, ' '),
    ).toMatch(/1070 \(95 % interval \d+–\d+\), rank 1 of 2, 10 battles/);
    await openLeaderboard(page);

    // The same file again adds nothing.
    await page.locator('input#import-votes').setInputFiles({ ...votesFile(handChecked) });
    await poll(() => page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringContaining('Imported 0 votes; 10 were already here'),
    );
  }, 60_000);

  it('after one vote says "too few votes", not a zero-width interval; at 390 px radios beside labels, "95 %" whole', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/arena/leaderboard?engine=sim`);
    await page.locator('input#import-votes').setInputFiles(votesFile([vote(0, 'a')]));
    const intervals = () =>
      page
        .locator('quorum-standings tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.children[3]?.textContent?.trim()));
    await poll(intervals).toEqual(['too few votes', 'too few votes']);
    await page.setViewportSize({ width: 390, height: 900 });
    // Each radio or checkbox on its label's first line, beside the text (not above-left of it).
    const offsets = () =>
      page.locator('quorum-leaderboard-view fieldset.filters label').evaluateAll((labels) =>
        labels.map((label) => {
          const box = label.querySelector('input')!.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(label);
          range.setStartAfter(label.querySelector('input')!);
          const line = range.getClientRects()[0]!;
          return {
            beside: box.right <= line.left,
            level: Math.abs(box.top + box.height / 2 - (line.top + line.height / 2)) < 4,
          };
        }),
      );
    await poll(offsets).toEqual(Array(4).fill({ beside: true, level: true }));
    // "95 %" in the introduction stays on one line.
    const lines = await page
      .locator('quorum-leaderboard-view > p')
      .first()
      .evaluate((p) => {
        const text = [...p.childNodes].find((n) => n.textContent?.includes('95'))!;
        const at = text.textContent!.indexOf('95');
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 4);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    expect(lines).toBe(1);
    // The models page says the same of that one vote, not "95 % interval 1145–1145".
    await page.goto(`${baseUrl}/models?engine=sim`);
    const tiny = page.locator('quorum-model-card', { hasText: 'Simulated Tiny 360M' });
    await poll(async () =>
      (await tiny.locator('[data-testid="arena-rating"]').textContent())?.replace(/\s+/g, ' '),
    ).toMatch(/^ ?\d+ \(too few votes for an interval\), rank 1 of 2, 1 battle/);
  }, 60_000);

  it('stores nothing from a malformed file and names the bad vote', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/arena/leaderboard?engine=sim`);
    const bad = [vote(1, 'a'), vote(2, 'a'), { ...vote(3, 'a'), winner: 'c' }];
    await page.locator('input#import-votes').setInputFiles(votesFile(bad));
    await poll(() => page.getByRole('alert').allTextContents()).toContainEqual(
      expect.stringMatching(/Vote 2: "winner".*Nothing was imported/),
    );
    const wrongVersion = {
      name: 'v.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"quorum-votes","version":2,"votes":[]}'),
    };
    await page.locator('input#import-votes').setInputFiles(wrongVersion);
    await poll(() => page.getByRole('alert').allTextContents()).toContainEqual(
      expect.stringContaining('version 2; this Quorum reads version 1'),
    );
    await page.reload();
    await poll(() => page.getByText('No votes yet').count()).toBe(1);
  }, 60_000);

  it('shows markup in model ids and prompts as text, never as markup', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/arena/leaderboard?engine=sim`);
    const evil = '<img src=x onerror="window.__pwned=1">';
    const votes = [
      { ...vote(1, 'a'), a: evil, prompt: '<script>window.__pwned=2</script>' },
      { ...vote(2, 'b'), a: evil },
    ];
    await page.locator('input#import-votes').setInputFiles(votesFile(votes));
    const rowNames = async () =>
      (await page.locator('quorum-standings tbody th').allTextContents()).map((t) => t.trim());
    await poll(rowNames).toContain(evil);
    expect(await page.locator('quorum-standings img, quorum-vote-matrix img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  }, 60_000);
});

describe.each(['light', 'dark'] as const)('arena in %s mode', (colorScheme) => {
  it('has no axe violations on a revealed battle or the leaderboard; screenshots at 390 and 1280 px', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const context = await session.browser.newContext({
      colorScheme,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await openArena(context);
      for (const key of ['1', '3', '2']) await battleByKeys(page, key);
      const found: Record<string, unknown[]> = {};
      const arena = await axeViolations(page);
      if (arena.length) found['arena'] = arena;
      await screenshotsAtWidths(page, (width) => `${OUT_DIR}/arena-${colorScheme}-${width}.png`);
      await openLeaderboard(page);
      await page.locator('[data-testid="length-effect"]').waitFor({ timeout: 20_000 });
      const board = await axeViolations(page);
      if (board.length) found['leaderboard'] = board;
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        // On a phone the ratings chart is drawn at its own size (not shrunk to fit, not cut off).
        if (width === 390)
          await poll(() => chartFit(page)).toEqual({ scrolls: false, scaled: false });
        await page.screenshot({
          path: `${OUT_DIR}/leaderboard-${colorScheme}-${width}.png`,
          fullPage: true,
        });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(width);
      }
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  }, 120_000);
});
