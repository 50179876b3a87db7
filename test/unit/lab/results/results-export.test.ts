// The quorum-lab-results v1 JSON shape and the per-question CSV (quoting, formula cells defused).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildResults } from '../../../../src/lab/results/lab-results.js';
import { resultsToCsv, resultsToJson } from '../../../../src/lab/results/results-export.js';
import { compareWithBest } from '../../../../src/lab/stats/compare.js';
import type { LabTask } from '../../../../src/lab/tasks/task-set.js';
import { ANSWERS, RUN, answer } from './fixtures.js';

const results = () =>
  buildResults(RUN, ANSWERS, async (answerers, options) => compareWithBest(answerers, options));

describe('resultsToJson', () => {
  it('writes the quorum-lab-results v1 shape', async () => {
    const json = JSON.parse(resultsToJson(RUN, await results())) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'quorum-lab-results',
      version: 1,
      taskSet: { id: 'gsm8k-test', questions: 3 },
      entries: [
        { kind: 'single', id: 'a', label: 'Model A (recorded)', correct: 2, total: 3 },
        { kind: 'single', id: 'b', label: 'Model B', correct: 1, total: 3 },
        { kind: 'fusion', id: 'vote', label: 'Vote', correct: 3, total: 3, accuracy: 1 },
      ],
      comparisons: [{ mode: 'vote', against: 'a', difference: 0.333333, mcnemarP: 1 }],
      questions: [
        {
          index: 4,
          answers: { a: { extracted: '1', correct: true }, b: { extracted: '2', correct: false } },
        },
        { index: 10 },
        { index: 20, answers: { b: { extracted: null, correct: false }, vote: { correct: true } } },
      ],
    });
    const entries = json.entries as { accuracy: number; ci95: [number, number] }[];
    for (const entry of entries) {
      expect(entry.ci95[0]).toBeLessThanOrEqual(entry.accuracy);
      expect(entry.ci95[1]).toBeGreaterThanOrEqual(entry.accuracy);
    }
    const [comparison] = json.comparisons as { ci95: [number, number]; difference: number }[];
    expect(comparison!.ci95[0]).toBeLessThanOrEqual(comparison!.difference);
  });

  it('counts failed answers apart from wrong ones, still as wrong in the accuracy', async () => {
    const failure = { kind: 'not-recorded' as const, message: 'The model failed', detail: '' };
    const failing = ANSWERS.map((a) =>
      a.answerer === 'b' && a.position !== 1
        ? { ...a, text: null, extracted: null, error: failure }
        : a,
    );
    const built = await buildResults(RUN, failing, async (answerers, options) =>
      compareWithBest(answerers, options),
    );
    const json = JSON.parse(resultsToJson(RUN, built)) as {
      entries: { id: string; correct: number; failed: number; accuracy: number }[];
      questions: { answers: Record<string, { correct: boolean; failed: boolean }> }[];
    };
    expect(json.entries.map((e) => [e.id, e.correct, e.failed])).toEqual([
      ['a', 2, 0],
      ['b', 1, 2],
      ['vote', 3, 0],
    ]);
    expect(json.entries[1]!.accuracy).toBe(0.333333);
    expect(json.questions.map((q) => [q.answers.a!.failed, q.answers.b!.failed])).toEqual([
      [false, true],
      [false, false],
      [false, true],
    ]);
  });
});

describe('resultsToCsv', () => {
  it('writes one row per question, extracted answer and right or wrong per answerer', async () => {
    const csv = resultsToCsv(RUN, await results());
    // The first ten columns, which the CSV always had (later ones are checked below).
    const firstTen = (line: string) => line.split(',').slice(0, 10).join(',');
    expect(csv.split('\r\n').map(firstTen)).toEqual([
      'index,a extracted,a correct,b extracted,b correct,vote extracted,vote correct,a failed,b failed,vote failed',
      '4,1,true,2,false,1,true,false,false,false',
      '10,1,true,1,true,1,true,false,false,false',
      '20,2,false,,false,1,true,false,false,false',
      '',
    ]);
  });

  it('ends each row with whether each answer failed, apart from wrong, after the columns it always had', async () => {
    const failure = { kind: 'not-recorded' as const, message: 'The model failed', detail: '' };
    const failing = ANSWERS.map((a) =>
      a.answerer === 'b' && a.position !== 1
        ? { ...a, text: null, extracted: null, error: failure }
        : a,
    );
    const built = await buildResults(RUN, failing, async () => []);
    const [header, ...rows] = resultsToCsv(RUN, built).split('\r\n');
    const columns = header!.split(',');
    // The columns the CSV always had keep their names and order: it is an export contract.
    expect(columns.slice(0, 7)).toEqual([
      'index',
      'a extracted',
      'a correct',
      'b extracted',
      'b correct',
      'vote extracted',
      'vote correct',
    ]);
    expect(columns.slice(7, 10)).toEqual(['a failed', 'b failed', 'vote failed']);
    // b's extracted, b correct, b failed: a failed answer is wrong and failed, a wrong one only wrong.
    const b = (row: string) => [3, 4, 8].map((i) => row.split(',')[i]);
    expect(rows.slice(0, 3).map(b)).toEqual([
      ['', 'false', 'true'],
      ['1', 'true', 'false'],
      ['', 'false', 'true'],
    ]);
  });

  it('quotes cells with commas or quotes and defuses spreadsheet formulas', async () => {
    const hostile = [...ANSWERS];
    hostile[0] = { ...answer(0, 'a', false), extracted: '=HYPERLINK("x"),1' };
    const csv = resultsToCsv(RUN, await buildResults(RUN, hostile, async () => []));
    expect(csv.split('\r\n')[1]).toMatch(
      /^4,"'=HYPERLINK\(""x""\),1",false,2,false,1,true,false,false,false,5,/,
    );
  });
});

/** 21 tasks so the fixture run's questions (indices 4, 10 and 20) have text: 4's has commas, quotes and lines. */
const TASKS: LabTask[] = Array.from({ length: 21 }, (_, i) => ({
  prompt: i === 4 ? 'Tom said "hi, there",\r\nthen left.\nHow many, in all?' : `Question ${i}?`,
  kind: 'number' as const,
  answer: String(i * 10),
}));

const FAILURE = {
  kind: 'not-recorded' as const,
  message: 'This recording has no answer to that question, "as asked".',
  detail: '',
};
/** b fails questions at positions 0 and 2 (an error, nothing to grade). */
const failingResults = () =>
  buildResults(
    RUN,
    ANSWERS.map((a) =>
      a.answerer === 'b' && a.position !== 1
        ? { ...a, text: null, extracted: null, error: FAILURE }
        : a,
    ),
    async () => [],
  );

describe('what a reader of the exports needs to tell the questions apart', () => {
  it('ends each CSV row with the question number, id, text, right answer and each failure reason', async () => {
    const csv = resultsToCsv(RUN, await failingResults(), TASKS);
    // An RFC 4180 parser reads every row back whole, as many cells as the header has.
    const [header, ...rows] = parse(csv, { relaxColumnCount: false }) as string[][];
    expect(header!.slice(0, 10)).toEqual(
      resultsToCsv(RUN, await results())
        .split('\r\n')[0]!
        .split(',')
        .slice(0, 10),
    );
    expect(header!.slice(10)).toEqual([
      'question number',
      'question id',
      'question',
      'expected answer',
      'a failure',
      'b failure',
      'vote failure',
    ]);
    expect(rows.map((row) => [row[0], ...row.slice(10)])).toEqual([
      ['4', '5', 'gsm8k-test#5', TASKS[4]!.prompt, '40', '', FAILURE.message, ''],
      ['10', '11', 'gsm8k-test#11', 'Question 10?', '100', '', '', ''],
      ['20', '21', 'gsm8k-test#21', 'Question 20?', '200', '', FAILURE.message, ''],
    ]);
  });

  it('leaves the question and its answer empty when the task set could not be read', async () => {
    const [, first] = parse(resultsToCsv(RUN, await results(), null)) as string[][];
    expect(first!.slice(10, 14)).toEqual(['5', 'gsm8k-test#5', '', '']);
  });

  it('keeps a negative number a number while still defusing formulas', async () => {
    const rows = [...ANSWERS];
    rows[0] = { ...answer(0, 'a', false), extracted: '-12.5' };
    rows[1] = { ...answer(0, 'b', false), extracted: '-1+2' };
    const csv = resultsToCsv(RUN, await buildResults(RUN, rows, async () => []), TASKS);
    const [, first] = parse(csv) as string[][];
    expect([first![1], first![3]]).toEqual(['-12.5', "'-1+2"]);
  });

  it('gives each JSON question its number, id, text and right answer, and each failed answer its reason', async () => {
    const json = JSON.parse(resultsToJson(RUN, await failingResults(), TASKS)) as {
      questions: {
        index: number;
        number: number;
        id: string;
        question: string | null;
        expected: string | null;
        answers: Record<
          string,
          { failed: boolean; failure: { kind: string; message: string } | null }
        >;
      }[];
    };
    expect(json.questions.map((q) => [q.index, q.number, q.id, q.question, q.expected])).toEqual([
      [4, 5, 'gsm8k-test#5', TASKS[4]!.prompt, '40'],
      [10, 11, 'gsm8k-test#11', 'Question 10?', '100'],
      [20, 21, 'gsm8k-test#21', 'Question 20?', '200'],
    ]);
    expect(json.questions.map((q) => q.answers.b!.failure)).toEqual([
      { kind: 'not-recorded', message: FAILURE.message },
      null,
      { kind: 'not-recorded', message: FAILURE.message },
    ]);
    expect(json.questions[0]!.answers.a!.failure).toBeNull();
    const untold = JSON.parse(resultsToJson(RUN, await results())) as typeof json;
    expect([untold.questions[0]!.question, untold.questions[0]!.expected]).toEqual([null, null]);
  });
});
