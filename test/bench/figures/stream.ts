// streamLongTasks and streamFps: four simulated models streaming at once in the studio (/studio?engine=sim).
import type { Locator, Page } from 'playwright-core';
import { closeProfile, newProfileDir, openProfile, waitInteractive } from './browser.js';

export const STREAM_TOKENS_PER_S = 250;
export const STREAM_WINDOW_MS = 20_000;
const POOL_SIZE = 4;
/**
 * The four simulated models' pretend sizes add up to 5,260 MB, over the default pretend budget of
 * 4,096 MB, so the plan would run them in two stages and only three would stream at once. The bench
 * sets a budget override on the Models page, as a visitor whose device has more memory would.
 */
export const STREAM_BUDGET_MB = 8192;

export interface StreamRun {
  longTasks: number;
  fps: number;
  /** How long the four streams actually ran inside the window (shorter when the answers end first). */
  windowMs: number;
  /** The same counters over 3 s of the idle studio just before Run: what this machine gives anyway. */
  idleLongTasks: number;
  idleFps: number;
}

/**
 * The simulated engine's speed and answer length come from the URL (src/models/sim-url-options.ts):
 * 250 tok/s after 100 ms, 5,500-token answers, i.e. about 22 s of streaming per column, longer than
 * the window, so all four columns stream for the whole 20 s.
 */
export const STREAM_ANSWER_TOKENS = 5500;
const SIM_QUERY = `engine=sim&simSpeed=${STREAM_TOKENS_PER_S}&simTokens=${STREAM_ANSWER_TOKENS}&simTtft=100`;

export async function measureStream(appUrl: string, runs: number): Promise<StreamRun[]> {
  const samples: StreamRun[] = [];
  for (let run = 0; run < runs; run++) {
    const profile = await openProfile(newProfileDir());
    try {
      await profile.page.goto(appUrl);
      await waitInteractive(profile.page);
      samples.push(await streamOnce(profile.page, appUrl));
    } finally {
      await closeProfile(profile);
    }
  }
  return samples;
}

async function streamOnce(page: Page, appUrl: string): Promise<StreamRun> {
  await page.goto(`${appUrl}/models?${SIM_QUERY}`);
  await page.getByLabel('Override (MB)').fill(String(STREAM_BUDGET_MB));
  await page.getByRole('button', { name: 'Set budget' }).click();
  await page
    .getByTestId('budget')
    .filter({ hasText: `${STREAM_BUDGET_MB} MB` })
    .waitFor();
  // An open question (no checkable answer): the simulated engine writes free text of simTokens tokens.
  const prompt = 'Describe the trade-offs of running several language models in one browser tab.';
  await page.goto(`${appUrl}/studio?${SIM_QUERY}&prompt=${encodeURIComponent(prompt)}`);
  page.setDefaultTimeout(60_000);
  const downloadAll = page.getByRole('button', { name: 'Download all simulated models' });
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await run.waitFor();
  if (await downloadAll.isVisible()) {
    await downloadAll.click();
    await downloadAll.waitFor({ state: 'detached' });
  }
  // The pool's own boxes: a switchable thinker's "Thinking for …" box appears once it is picked.
  const boxes = page.getByRole('checkbox').and(page.locator(':not([aria-label^="Thinking for"])'));
  for (let i = 0; i < POOL_SIZE; i++) await boxes.nth(i).check();
  // The studio caps every answer at 1,024 tokens unless told otherwise.
  await page.getByLabel('Longest answer (tokens)').fill(String(STREAM_ANSWER_TOKENS));
  await page.getByLabel('Longest answer (tokens)').blur();
  await page.getByText(`All ${POOL_SIZE} run at the same time`).waitFor();
  return measureRunWindow(page, run);
}

/**
 * Long tasks and frames over 3 s of the idle studio, then from Run until the run ends or 20 s
 * pass: what `streamLongTasks` and `remoteStreamLongTasks` (and their fps) report.
 */
export async function measureRunWindow(page: Page, run: Locator): Promise<StreamRun> {
  const idle = await page.evaluate(
    () =>
      new Promise<{ longTasks: number; fps: number }>((resolve) => {
        let longTasks = 0;
        let frames = 0;
        const start = performance.now();
        const observer = new PerformanceObserver((list) => {
          longTasks += list.getEntries().filter((entry) => entry.duration > 50).length;
        });
        observer.observe({ type: 'longtask' });
        const frame = (): void => {
          frames++;
          if (performance.now() - start < 3000) requestAnimationFrame(frame);
          else {
            observer.disconnect();
            resolve({ longTasks, fps: (frames * 1000) / (performance.now() - start) });
          }
        };
        requestAnimationFrame(frame);
      }),
  );
  await page.evaluate(() => {
    // The Run button is found once, here, before the window opens: searching every shadow root
    // on each poll grew with the streamed answers' DOM and put the bench's own work in the window.
    const find = (root: ParentNode): HTMLButtonElement | null => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLButtonElement && element.textContent?.trim() === 'Run')
          return element;
        const inner = element.shadowRoot ? find(element.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    const marks = { longTasks: 0, frames: 0, start: 0, end: 0, run: find(document), find };
    (window as unknown as { __stream: typeof marks }).__stream = marks;
    new PerformanceObserver((list) => {
      marks.longTasks += list.getEntries().filter((entry) => entry.duration > 50).length;
    }).observe({ type: 'longtask' });
    const frame = (): void => {
      if (marks.end !== 0) return;
      marks.frames++;
      requestAnimationFrame(frame);
    };
    marks.start = performance.now();
    requestAnimationFrame(frame);
  });
  await run.click();
  // The run is over when Run is enabled again; the window is capped at 20 s.
  await page
    .waitForFunction(
      () => {
        const marks = (
          window as unknown as {
            __stream: {
              start: number;
              run: HTMLButtonElement | null;
              find: (root: ParentNode) => HTMLButtonElement | null;
            };
          }
        ).__stream;
        // Searched again only if the view replaced the button during the run.
        if (!marks.run?.isConnected) marks.run = marks.find(document);
        return performance.now() - marks.start > 300 && marks.run?.disabled === false;
      },
      null,
      { timeout: STREAM_WINDOW_MS, polling: 100 },
    )
    .catch(() => undefined);
  const streamed = await page.evaluate(() => {
    const marks = (
      window as unknown as {
        __stream: { longTasks: number; frames: number; start: number; end: number };
      }
    ).__stream;
    marks.end = performance.now();
    const windowMs = marks.end - marks.start;
    return {
      longTasks: marks.longTasks,
      fps: (marks.frames * 1000) / windowMs,
      windowMs,
    };
  });
  return { ...streamed, idleLongTasks: idle.longTasks, idleFps: idle.fps };
}
