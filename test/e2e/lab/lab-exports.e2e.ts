// The lab's exports tell a reader which question each row is, its right answer and why an answer failed:
// both files downloaded from a finished run and read back (the CSV by an RFC 4180 parser).
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { openLab, waitForVerdict } from '../lab-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');

/** Questions whose text has commas, quotes and line breaks; the last answer is negative. */
const TASKS = [
  { question: 'Tom said "hi, there",\nthen left. How many apples, in all?', answer: 12 },
  { question: 'Plain: what is 2 + 3?', answer: 5 },
  { question: 'Line one\r\nLine two, with "quotes"\nHow far below zero, in degrees?', answer: -4 },
];

/** Sure answers every question right; Patchy only the first (the others fail: not recorded). */
const RECORDING = {
  format: 'quorum-recording',
  version: 1,
  source: 'A hand-written recording for the lab-exports test',
  taskSet: { id: 'own', name: 'hostile.jsonl' },
  models: [
    { id: 'sure', label: 'Sure' },
    { id: 'patchy', label: 'Patchy' },
  ],
  questions: TASKS.map((task, index) => ({
    index,
    question: task.question,
    answers: {
      sure: `Answer: ${task.answer}`,
      ...(index === 0 ? { patchy: `Answer: ${task.answer}` } : {}),
    },
  })),
};

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

describe('lab exports', () => {
  it('name each question, its right answer and each failure, in JSON and in CSV a parser reads whole', async () => {
    context = await session.browser.newContext({ acceptDownloads: true });
    const { page } = await openApp(context, `${baseUrl}/`);
    await openLab(page, baseUrl);
    await page.getByText('Use your own questions or a recording').click();
    await page.getByLabel('Questions (JSONL)').setInputFiles({
      name: 'hostile.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(TASKS.map((t) => JSON.stringify(t)).join('\n')),
    });
    await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    await page.getByLabel('Recording (JSON)').setInputFiles({
      name: 'hostile-recording.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(RECORDING)),
    });
    await page.getByRole('status').filter({ hasText: 'hostile-recording.json' }).waitFor();
    await page.getByRole('radio', { name: /Your file: hostile\.jsonl/ }).check();
    const recorded = page.getByRole('checkbox', { name: /\(recorded\)/ });
    for (let i = 0; i < (await recorded.count()); i++)
      if (await recorded.nth(i).isEnabled()) await recorded.nth(i).uncheck();
    for (const name of ['Sure', 'Patchy'])
      await page.getByRole('checkbox', { name: new RegExp(`^${name} \\(recorded\\)`) }).check();
    await expect.poll(() => page.getByText('Pool (2 of at most 6)').count()).toBe(1);
    await page.getByRole('button', { name: 'Start run' }).click();
    await waitForVerdict(page);

    const json = JSON.parse(await download(page, 'Export results (JSON)')) as {
      taskSet: { id: string };
      entries: { id: string; label: string }[];
      questions: {
        index: number;
        number: number;
        id: string;
        question: string;
        expected: string;
        answers: Record<string, { correct: boolean; failure: { message: string } | null }>;
      }[];
    };
    const setId = json.taskSet.id;
    // An imported recording's models are named `recorded-import-<recording>-<model>`.
    const idOf = (label: string) => json.entries.find((e) => e.label === label)!.id;
    const [sureId, patchyId] = [idOf('Sure (recorded)'), idOf('Patchy (recorded)')];
    expect(setId).toMatch(/^own:/);
    expect(json.questions.map((q) => [q.index, q.number, q.id, q.question, q.expected])).toEqual(
      TASKS.map((t, i) => [i, i + 1, `${setId}#${i + 1}`, t.question, String(t.answer)]),
    );
    const patchyFailures = json.questions.map((q) => q.answers[patchyId]!.failure?.message ?? null);
    expect(patchyFailures[0]).toBeNull();
    expect(patchyFailures[1]).toMatch(/^Recorded models only replay their answers/);
    expect(patchyFailures[2]).toBe(patchyFailures[1]);
    expect(json.questions.every((q) => q.answers[sureId]!.failure === null)).toBe(true);

    const rows = parse(await download(page, 'Export questions (CSV)'), {
      columns: true,
    }) as Record<string, string>[];
    // Every named column kept, with the question, its right answer and the failures after them.
    const answerers = [sureId, patchyId, 'vote'];
    expect(Object.keys(rows[0]!)).toEqual([
      'index',
      ...answerers.flatMap((id) => [`${id} extracted`, `${id} correct`]),
      ...answerers.map((id) => `${id} failed`),
      'question number',
      'question id',
      'question',
      'expected answer',
      ...answerers.map((id) => `${id} failure`),
    ]);
    expect(
      rows.map((r) => [r['index'], r['question number'], r['question id'], r['question']]),
    ).toEqual(TASKS.map((t, i) => [String(i), String(i + 1), `${setId}#${i + 1}`, t.question]));
    expect(
      rows.map((r) => [r['expected answer'], r[`${sureId} extracted`], r[`${sureId} correct`]]),
    ).toEqual(TASKS.map((t) => [String(t.answer), String(t.answer), 'true']));
    expect(rows.map((r) => [r[`${patchyId} failed`], r[`${patchyId} failure`]])).toEqual([
      ['false', ''],
      ['true', patchyFailures[1]],
      ['true', patchyFailures[2]],
    ]);
  }, 90_000);
});
