// Chrome's built-in model in the arena (a stub of the Prompt API installed before load): a blind battle against a server's model, and the note that its sampling cannot be set.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../../support/browser-session.js';
import { useTestServer } from '../../support/use-test-server.js';
import { languageModelStub, type StubRecord } from '../../support/language-model-stub.js';
import {
  battleByKeys,
  battleText,
  leaderboardRows,
  openArenaWithServer,
  poll,
  sideHeadings,
  sideNames,
  storedVotes,
  waitForVoting,
} from './arena-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test', [], { viewport: { width: 1280, height: 900 } });
const NANO = 'Gemini Nano (Chrome, built in)';
const SERVER_MODEL = 'quorum-small-1b · Home server';
const PROMPT = 'Name three uses of copper.';
const home = useTestServer();

beforeEach(async () => {
  await session.context.addInitScript(languageModelStub('available'));
});

const stub = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __languageModelStub: StubRecord }).__languageModelStub,
  );

/** The arena with two contestants answering for real: the built-in model and one model of a server. */
const openBattleground = (): Promise<Page> =>
  openArenaWithServer(
    session.context,
    baseUrl,
    home.server.url,
    `${baseUrl}/arena?engine=webllm&seed=3`,
    ['quorum-small-1b'],
  );

describe('Chrome’s built-in model as a contestant', () => {
  it('battles blind, is named after the vote, and says its sampling cannot be set', async () => {
    const page = await openBattleground();
    // Said before any battle, of the pool: it names the model, not the side.
    const note = page.getByTestId('sampling-note');
    await poll(() => note.textContent()).toContain(NANO);
    expect((await note.textContent())!.replace(/\s+/g, ' ')).toMatch(
      /A web page cannot set its sampling \(temperature, seed\).*not an independent sample/,
    );

    await page.getByLabel('Prompt', { exact: true }).fill(PROMPT);
    await page.getByRole('button', { name: 'Start battle' }).click();
    await waitForVoting(page);
    expect(await sideHeadings(page)).toEqual(['Model A', 'Model B']);
    expect(await sideNames(page)).toEqual([]);
    // Nothing on either side says which one is the built-in model before the vote.
    const before = await battleText(page);
    expect(before).not.toContain(NANO);
    expect(before).not.toMatch(/Home server|Sampling|cannot set/);
    // Chrome's model was prompted once, in the page, as free text.
    const prompts = (await stub(page)).prompts.filter((p) => p.input.includes(PROMPT));
    expect(prompts).toEqual([{ input: expect.stringContaining(PROMPT), responseConstraint: null }]);

    await page.keyboard.press('2');
    await poll(() => sideNames(page)).toHaveLength(2);
    const names = await sideNames(page);
    expect([...names].sort()).toEqual([NANO, SERVER_MODEL]);
    await poll(() => page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringContaining('You voted: Model B is better'),
    );
    // After the vote, the built-in model's figures say its sampling was its own.
    const nanoSide = page.locator('quorum-battle-side', { hasText: NANO });
    await poll(() => nanoSide.locator('dl').innerText()).toMatch(
      /Sampling\s+its own: a web page cannot set it/,
    );
    // The stub's session usage does not count the answer: its tokens are the page's count, said so.
    expect(await nanoSide.locator('dl').innerText()).toMatch(/Tokens\s+≈ [1-9]/);
    const serverSide = page.locator('quorum-battle-side', { hasText: SERVER_MODEL });
    expect(await serverSide.locator('dl').innerText()).not.toContain('Sampling');

    const [vote] = await storedVotes(page);
    const nanoId = names[0] === NANO ? vote!.a : vote!.b;
    expect(nanoId).toBe('builtin:chrome-prompt-api');
    expect(vote).toMatchObject({ winner: 'b', source: 'human', prompt: PROMPT });

    // The keys go on: N, then 1, 3 and 4.
    for (const key of ['1', '3', '4'])
      expect((await battleByKeys(page, key)).sort()).toEqual([NANO, SERVER_MODEL]);
    expect(await storedVotes(page)).toHaveLength(4);

    const rows = await leaderboardRows(page, `${baseUrl}/arena/leaderboard?engine=webllm`);
    expect(rows.map((row) => row[1]).sort()).toEqual([NANO, SERVER_MODEL]);
  }, 120_000);

  it('says nothing about sampling when no contestant has fixed sampling', async () => {
    await session.context.addInitScript('delete globalThis.LanguageModel;');
    const page = await openArenaWithServer(
      session.context,
      baseUrl,
      home.server.url,
      `${baseUrl}/arena?engine=webllm&seed=3`,
    );
    await battleByKeys(page, '1');
    expect(await page.getByTestId('sampling-note').count()).toBe(0);
    expect(await page.locator('quorum-battle-side dl').allInnerTexts()).not.toContainEqual(
      expect.stringContaining('Sampling'),
    );
  }, 60_000);
});
