// Issue 16: a model on a visitor's server, and Chrome's built-in model (a Prompt API stub), measured in the lab beside recorded models: labelled with where they run, asked every question, scored.
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { addEndpoint } from '../../support/endpoints-ui.js';
import { languageModelStub, type StubRecord } from '../../support/language-model-stub.js';
import { useTestServer } from '../../support/use-test-server.js';
import { exportResults, openLab, startRun, waitForVerdict } from '../lab-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test', [], { viewport: { width: 1280, height: 900 } });
const ENDPOINT = 'Home server';
const REMOTE_LABEL = `quorum-small-1b · ${ENDPOINT}`;
const home = useTestServer();
// This Chromium has a LanguageModel of its own: take it away, so only the server's models are offered.
beforeEach(async () => {
  await session.context.addInitScript('delete globalThis.LanguageModel;');
});

describe('a remote model in the lab (issue 16)', () => {
  it('is offered with its server named, answers every question of a run, and is scored beside recorded models', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/settings`);
    await addEndpoint(page, baseUrl, { name: ENDPOINT, baseUrl: `${home.server.url}/v1` });
    await openLab(page, baseUrl);

    const remote = page.getByRole('checkbox', { name: new RegExp(REMOTE_LABEL) });
    await remote.waitFor({ timeout: 20_000 });
    // Its row says where it runs, not "on this device".
    const row = page.locator('quorum-lab-setup li', { hasText: REMOTE_LABEL });
    await expect.poll(() => row.textContent()).toMatch(new RegExp(`Runs on ${ENDPOINT}`));
    // A pool of one remote and two recorded models.
    await page.getByRole('checkbox', { name: /GPT-3 6B \+ verifier \(recorded\)/ }).uncheck();
    await page.getByRole('checkbox', { name: /GPT-3 175B fine-tuned \(recorded\)/ }).uncheck();
    await remote.check();

    const before = home.server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    await startRun(page, { size: 4, seed: 11 });
    await waitForVerdict(page);

    const results = await exportResults(page);
    const single = results.entries.filter((e) => e.kind === 'single');
    const remoteEntry = single.find((e) => e.label.includes(REMOTE_LABEL));
    expect(remoteEntry, JSON.stringify(single.map((e) => e.label))).toBeTruthy();
    expect(remoteEntry!.total).toBe(4);
    expect(single).toHaveLength(3);
    // Every question reached the server as a chat completion.
    const asked = home.server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    expect(asked - before).toBeGreaterThanOrEqual(4);
    for (const q of results.questions) expect(Object.keys(q.answers)).toContain(remoteEntry!.id);
  }, 120_000);

  it('offers Chrome’s built-in model as such, and scores it on every question', async () => {
    await session.context.addInitScript(languageModelStub('available'));
    const { page } = await openApp(session.context, `${baseUrl}/lab`);
    await openLab(page, baseUrl);
    const nano = page.getByRole('checkbox', { name: /Gemini Nano \(Chrome, built in\)/ });
    await nano.waitFor({ timeout: 20_000 });
    const row = page.locator('quorum-lab-setup li', { hasText: 'Gemini Nano' });
    await expect.poll(() => row.textContent()).toMatch(/Chrome’s built-in model, on this device/);
    await page.getByRole('checkbox', { name: /GPT-3 6B \+ verifier \(recorded\)/ }).uncheck();
    await page.getByRole('checkbox', { name: /GPT-3 175B fine-tuned \(recorded\)/ }).uncheck();
    await nano.check();

    await startRun(page, { size: 3, seed: 5 });
    await waitForVerdict(page);
    const single = (await exportResults(page)).entries.filter((e) => e.kind === 'single');
    const entry = single.find((e) => e.label.includes('Gemini Nano'));
    expect(entry, JSON.stringify(single.map((e) => e.label))).toBeTruthy();
    expect(entry!.total).toBe(3);
    const stub = await page.evaluate(
      () => (window as unknown as { __languageModelStub: StubRecord }).__languageModelStub,
    );
    expect(stub.prompts.length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
