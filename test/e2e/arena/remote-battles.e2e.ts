// Models on a visitor's server in the arena: added in Settings, battled blind, named with the endpoint after the vote, ranked; never paired with a simulated one.
import { mkdirSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { axeViolations, screenshotsAtWidths } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { useTestServer } from '../../support/use-test-server.js';
import { languageModelStub } from '../../support/language-model-stub.js';
import {
  battleByKeys,
  battleText,
  leaderboardRows,
  openArena,
  openArenaWithServer,
  poll,
  sideHeadings,
  sideNames,
  storedVotes,
  waitForVoting,
} from './arena-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test', [], { viewport: { width: 1280, height: 900 } });
const OUT_DIR = 'test/e2e/screenshots';
const REMOTE = /^quorum-(small-1b|large-8b|judge-3b) · Home server$/;
const SIM = 'engine=sim&simTokens=24&simSpeed=400&simTtft=0';
const PROMPT = 'Explain why the sky is blue.';
const home = useTestServer();
// This Chromium has a LanguageModel of its own: take it away, so only the server's models are offered.
beforeEach(async () => {
  await session.context.addInitScript('delete globalThis.LanguageModel;');
});

/** The arena at `query` once the test server is added in Settings (its listed models, or `typed` ones). */
const withServer = (context: BrowserContext, query: string, typed?: readonly string[]) =>
  openArenaWithServer(
    context,
    baseUrl,
    `${home.server.url}/v1`,
    `${baseUrl}/arena?${query}`,
    typed,
  );

const chatRequests = (prompt: string) =>
  home.server.requests.filter(
    (r) =>
      r.path.endsWith('/chat/completions') &&
      JSON.stringify(r.body?.messages ?? '').includes(prompt),
  );

describe('remote contestants', () => {
  it('battle blind, are named with the endpoint after the vote, and reach the leaderboard', async () => {
    const page = await withServer(session.context, 'engine=webllm&seed=5');
    await page.getByLabel('Prompt', { exact: true }).fill(PROMPT);
    await page.getByRole('button', { name: 'Start battle' }).click();
    await waitForVoting(page);

    // Before the vote: "Model A" and "Model B", no model or endpoint named, nothing marked simulated.
    expect(await sideHeadings(page)).toEqual(['Model A', 'Model B']);
    expect(await sideNames(page)).toEqual([]);
    const before = await battleText(page);
    expect(before).not.toMatch(/quorum-(small|large|judge)|Home server|Simulated/);
    // Both answers came from the server, asked with the battle's settings.
    const asked = chatRequests(PROMPT);
    expect(asked).toHaveLength(2);
    for (const request of asked) expect(request.body).toMatchObject({ temperature: 0.7, seed: 5 });

    await page.keyboard.press('1');
    await poll(() => sideNames(page)).toHaveLength(2);
    const names = await sideNames(page);
    for (const name of names) expect(name).toMatch(REMOTE);
    expect(names[0]).not.toBe(names[1]);
    await poll(() => page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringContaining('You voted: Model A is better'),
    );
    await poll(() => page.locator('quorum-battle-side dl').count()).toBe(2);

    // The vote is stored with both remote ids, Model A's first, and the prompt.
    const [vote] = await storedVotes(page);
    expect(vote).toMatchObject({ winner: 'a', source: 'human', prompt: PROMPT });
    expect(vote!.a).toMatch(/^remote:/);
    expect(vote!.a.endsWith(`/${names[0]!.split(' · ')[0]}`)).toBe(true);
    expect(vote!.b.endsWith(`/${names[1]!.split(' · ')[0]}`)).toBe(true);

    // 2, 3 and 4 vote too, each after N started a battle on a built-in prompt.
    for (const key of ['2', '3', '4']) {
      for (const name of await battleByKeys(page, key)) expect(name).toMatch(REMOTE);
    }
    const winners = (await storedVotes(page)).map((v) => v.winner).sort();
    expect(winners).toEqual(['a', 'b', 'both-bad', 'tie']);

    const rows = await leaderboardRows(page, `${baseUrl}/arena/leaderboard?engine=webllm`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row[1]).toMatch(REMOTE);
    await poll(() => page.locator('[data-testid="board-summary"]').textContent()).toMatch(
      /^\s*4 votes among/,
    );
  }, 120_000);
});

describe('a pool of remote and simulated models', () => {
  const kindOf = (name: string) =>
    REMOTE.test(name) ? 'remote' : name.startsWith('Simulated ') ? 'simulated' : name;

  it('pairs a remote model only with another remote one, unless a link asks for the pair', async () => {
    const page = await withServer(session.context, `${SIM}&seed=5`, [
      'quorum-small-1b',
      'quorum-large-8b',
    ]);
    const kinds: string[][] = [];
    // Four simulated and two remote models: fresh pairs come first, so the remote pair battles by the third.
    for (let i = 0; i < 4; i++) {
      const names = await battleByKeys(page, '3');
      kinds.push(names.map(kindOf));
      const badges = await page.locator('quorum-battle-side .badge').allTextContents();
      expect(badges.length).toBe(kinds.at(-1)![0] === 'simulated' ? 2 : 0);
    }
    for (const pair of kinds) expect(pair[0]).toBe(pair[1]);
    expect(kinds.map((pair) => pair[0])).toContain('remote');
    expect(kinds.map((pair) => pair[0])).toContain('simulated');

    // A run page's link asks for a pair: it is kept whatever its kinds (the badge says which is simulated).
    const remoteId = (await storedVotes(page))
      .flatMap((v) => [v.a, v.b])
      .find((id) => /^remote:/.test(id))!;
    const query = `${SIM}&seed=9&a=sim-tiny-360M&b=${encodeURIComponent(remoteId)}`;
    const linked = await openArena(session.context, `${baseUrl}/arena?${query}`);
    await linked.getByLabel('Prompt', { exact: true }).fill('Hello');
    await linked.getByRole('button', { name: 'Start battle' }).click();
    await waitForVoting(linked);
    await linked.keyboard.press('1');
    await poll(() => sideNames(linked)).toHaveLength(2);
    expect((await sideNames(linked)).map(kindOf).sort()).toEqual(['remote', 'simulated']);
    // With two remote models, neither is alone of its kind: nothing to explain.
    expect(await linked.getByTestId('lone-note').count()).toBe(0);
  }, 120_000);

  it('says why a lone remote model among simulated ones never battles', async () => {
    const page = await withServer(session.context, `${SIM}&seed=5`, ['quorum-small-1b']);
    const note = page.getByTestId('lone-note');
    await poll(() => note.count()).toBe(1);
    expect((await note.textContent())!.replace(/\s+/g, ' ')).toMatch(
      /quorum-small-1b · Home server has no opponent here: a simulated model never battles/,
    );
    for (let i = 0; i < 3; i++)
      expect((await battleByKeys(page, '3')).map(kindOf)).toEqual(['simulated', 'simulated']);
  }, 60_000);
});

describe.each(['light', 'dark'] as const)('remote contestants in %s mode', (colorScheme) => {
  it('have no axe violations on a revealed battle; screenshots at 390 and 1280 px', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const context = await session.browser.newContext({
      colorScheme,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      // The built-in model too, so its note about sampling is on the screenshots.
      await context.addInitScript(languageModelStub('available'));
      const page = await withServer(context, 'engine=webllm&seed=5', [
        'quorum-small-1b',
        'quorum-large-8b',
      ]);
      await page.getByTestId('sampling-note').waitFor();
      await battleByKeys(page, '1');
      await battleByKeys(page, '2');
      expect(await axeViolations(page)).toEqual([]);
      await screenshotsAtWidths(
        page,
        (width) => `${OUT_DIR}/arena-remote-${colorScheme}-${width}.png`,
      );
    } finally {
      await context.close();
    }
  }, 120_000);
});
