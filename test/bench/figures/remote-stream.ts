// remoteStreamLongTasks and remoteStreamFps: four remote members streaming at once from the local OpenAI-compatible test server.
import { startOpenAiServer } from '../../support/openai-server.js';
import { addEndpoint, pickPool } from '../../support/endpoints-ui.js';
import { closeProfile, newProfileDir, openProfile, waitInteractive } from './browser.js';
import { figure, type FigureResult } from '../budgets.js';
import { median, summarize } from '../stats.js';
import { STREAM_WINDOW_MS, measureRunWindow, type StreamRun } from './stream.js';

export const REMOTE_TOKENS_PER_S = 500;
/** 12,000 tokens at 500 tok/s: 24 s per answer, longer than the 20 s window. */
export const REMOTE_ANSWER_TOKENS = 12_000;
const MODELS = ['bench-a-1b', 'bench-b-1b', 'bench-c-1b', 'bench-d-1b'];
const ENDPOINT = 'Bench server';

/**
 * Each run: a fresh profile adds the server in Settings (its four models listed), then the studio
 * (simulated mode, so no web-llm model is needed) runs a vote of the four remote members on an
 * open question; the window is the same as streamLongTasks' (up to 20 s from Run).
 */
export async function measureRemoteStream(appUrl: string, runs: number): Promise<StreamRun[]> {
  const server = await startOpenAiServer({
    tokensPerSecond: REMOTE_TOKENS_PER_S,
    answerTokens: REMOTE_ANSWER_TOKENS,
    models: MODELS,
  });
  const samples: StreamRun[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const profile = await openProfile(newProfileDir());
      try {
        const { page } = profile;
        page.setDefaultTimeout(60_000);
        await page.goto(appUrl);
        await waitInteractive(page);
        await addEndpoint(page, appUrl, { name: ENDPOINT, baseUrl: server.url });
        const prompt =
          'Describe the trade-offs of running several language models in one browser tab.';
        await page.goto(`${appUrl}/studio?engine=sim&prompt=${encodeURIComponent(prompt)}`);
        await pickPool(
          page,
          MODELS.map((model) => `${model} · ${ENDPOINT}`),
        );
        await page.getByLabel('Longest answer (tokens)').fill(String(REMOTE_ANSWER_TOKENS));
        await page.getByLabel('Longest answer (tokens)').blur();
        await page.getByText(`All ${MODELS.length} run at the same time`).waitFor();
        samples.push(
          await measureRunWindow(page, page.getByRole('button', { name: 'Run', exact: true })),
        );
      } finally {
        await closeProfile(profile);
      }
    }
  } finally {
    await server.close();
  }
  return samples;
}

/** remoteStreamLongTasks and remoteStreamFps from `runs` runs, each with how it was measured. */
export async function remoteFigures(appUrl: string, runs: number): Promise<FigureResult[]> {
  const samples = await measureRemoteStream(appUrl, runs);
  const window = median(samples.map((r) => r.windowMs));
  const how = `The local OpenAI-compatible test server (test/support/openai-server.ts) on 127.0.0.1 streaming server-sent events at ${REMOTE_TOKENS_PER_S} tok/s per request, ${REMOTE_ANSWER_TOKENS}-token answers; a fresh profile adds it in Settings (four models listed), then /studio?engine=sim with the four remote members picked, vote, an open prompt, "Longest answer" ${REMOTE_ANSWER_TOKENS} tokens, Run. Window: Run click → Run enabled again, at most ${STREAM_WINDOW_MS / 1000} s; median window ${(window / 1000).toFixed(1)} s.`;
  const idle = `The idle studio just before Run, over 3 s: ${median(samples.map((r) => r.idleLongTasks))} long tasks, ${median(samples.map((r) => r.idleFps)).toFixed(1)} fps (medians).`;
  return [
    figure(
      'remoteStreamLongTasks',
      samples.map((r) => r.longTasks),
      `${how} PerformanceObserver 'longtask' entries over 50 ms. ${idle}`,
      summarize,
    ),
    figure(
      'remoteStreamFps',
      samples.map((r) => r.fps),
      `${how} requestAnimationFrame callbacks per second. ${idle}`,
      summarize,
    ),
  ];
}
