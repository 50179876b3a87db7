// A recording imported in the lab: "Imported" is said once its models can be picked, never before.
import { describe, expect, inject, it } from 'vitest';
import { QUICK_SET } from '../../../src/lab/tasks/quick-set.js';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { openLab } from '../lab-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');

/** One recorded model, Held, answering the quick set right. */
const RECORDING = {
  format: 'quorum-recording',
  version: 1,
  source: 'A hand-written recording for the lab-import test',
  taskSet: { id: 'quick', name: QUICK_SET.name },
  models: [{ id: 'held', label: 'Held' }],
  questions: QUICK_SET.tasks.map((task, index) => ({
    index,
    question: task.prompt,
    answers: { held: `Answer: ${task.answer}` },
  })),
};

describe('a recording imported in the lab', () => {
  it('says "Imported" only once its models are among the pool choices', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await openLab(page, baseUrl);
    // Once the recording is stored, the reads of the recordings that follow (the pool choices
    // being read again) are held until the test lets them go: the window is there every time.
    await page.evaluate(() => {
      const flags = window as unknown as {
        stored?: boolean;
        readPending?: boolean;
        releaseReads?: () => void;
      };
      const gate = new Promise<void>((resolve) => (flags.releaseReads = resolve));
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        if (this.name === 'recordings') flags.stored = true;
        return put.apply(this, args);
      };
      const getAll = IDBObjectStore.prototype.getAll;
      IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args) {
        const request = getAll.apply(this, args);
        if (this.name !== 'recordings' || !flags.stored) return request;
        flags.readPending = true;
        const add = request.addEventListener.bind(request);
        request.addEventListener = ((type: string, listener: EventListener, options?: boolean) => {
          if (type !== 'success') return add(type, listener, options);
          add(type, (event) => void gate.then(() => listener.call(request, event)), options);
        }) as typeof request.addEventListener;
        return request;
      };
    });
    await page.getByText('Use your own questions or a recording').click();
    await page.getByLabel('Recording (JSON)').setInputFiles({
      name: 'held.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(RECORDING)),
    });
    await page.waitForFunction(() => (window as { readPending?: boolean }).readPending);
    // Two frames: whatever the import's end renders is on screen by then.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const status = page.getByRole('status').filter({ hasText: 'Imported 1 recorded models' });
    const held = page.getByRole('checkbox', { name: /^Held \(recorded\)/ });
    expect({ imported: await status.count(), held: await held.count() }).toEqual({
      imported: 0,
      held: 0,
    });
    await page.evaluate(() => (window as { releaseReads?: () => void }).releaseReads?.());
    await status.waitFor();
    expect(await held.count()).toBe(1);
  }, 60_000);
});
