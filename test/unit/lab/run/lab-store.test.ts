// The lab's IndexedDB records: batched answer writes, failures reported, modelStats restated, deletion, the studio's summary.
import { describe, expect, it } from 'vitest';
import { LabStore } from '../../../../src/lab/run/lab-store.js';
import type { LabAnswerRecord, LabRunRecord } from '../../../../src/lab/run/lab-records.js';
import { freshDatabase } from '../../catalog/support.js';

const run = (id: string, createdAt: number, poolIds = ['a', 'b']): LabRunRecord => ({
  id,
  createdAt,
  updatedAt: createdAt,
  status: 'running',
  taskSet: { id: 'quick', name: 'Quick', source: 'test', size: 6 },
  questions: [0, 1],
  subset: null,
  pool: poolIds.map((pid) => ({ id: pid, label: pid, simulated: false, recorded: false })),
  modes: ['vote'],
  accuracy: {},
  replay: 'instant',
});

const answer = (runId: string, position: number, answerer: string): LabAnswerRecord => ({
  runId,
  position,
  answerer,
  text: 'Answer: 4',
  extracted: '4',
  correct: true,
  tokens: 1,
  ms: 1,
  error: null,
  decision: null,
});

/** A finished run's results: the scores given, vote's verdict, two questions. */
const done = (scores: { id: string; correct: number; total: number }[]) => ({
  scores,
  verdicts: [
    {
      mode: 'vote' as const,
      kind: 'unclear' as const,
      text: 'Vote and A could not be told apart.',
    },
  ],
  answered: 2,
});

describe('lab store', () => {
  it('stores every answer handed to the writer, however fast they come', async () => {
    const db = await freshDatabase();
    const store = new LabStore(db);
    const writer = store.writer();
    for (let position = 0; position < 50; position++)
      for (const who of ['a', 'b', 'vote']) writer.add(answer('r1', position, who));
    await writer.drain();
    expect(await store.readAnswers('r1')).toHaveLength(150);
  });

  it('reports a failed write and refuses later ones instead of losing them silently', async () => {
    const db = await freshDatabase();
    const store = new LabStore(db);
    const failures: unknown[] = [];
    const writer = store.writer((error) => failures.push(error));
    writer.add({ ...answer('r1', 0, 'a'), position: Number.NaN });
    await expect(writer.drain()).rejects.toBeDefined();
    expect(failures).toHaveLength(1);
  });

  it('lists runs newest first, and a finished run restates modelStats from every done run', async () => {
    const db = await freshDatabase();
    const store = new LabStore(db);
    await store.saveRun(run('old', 1));
    await store.saveRun(run('new', 2, ['a']));
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['new', 'old']);
    await store.finishRun(
      run('old', 1),
      done([
        { id: 'a', correct: 3, total: 4 },
        { id: 'b', correct: 1, total: 4 },
      ]),
      10,
    );
    await store.finishRun(run('new', 2, ['a']), done([{ id: 'a', correct: 1, total: 2 }]), 11);
    expect(await db.get('modelStats', 'a')).toEqual({
      modelId: 'a',
      correct: 4,
      total: 6,
      updatedAt: 11,
    });
    expect(await db.get('modelStats', 'b')).toMatchObject({ correct: 1, total: 4 });
    expect((await db.get('labRuns', 'new'))?.status).toBe('done');
  });

  it('deletes a run with all its answers and its share of modelStats, leaving other runs alone', async () => {
    const db = await freshDatabase();
    const store = new LabStore(db);
    const writer = store.writer();
    for (const id of ['r1', 'r2']) {
      await store.saveRun(run(id, id === 'r1' ? 1 : 2));
      for (const position of [0, 1])
        for (const who of ['a', 'b', 'vote']) writer.add(answer(id, position, who));
    }
    await writer.drain();
    await store.finishRun(
      run('r1', 1),
      done([
        { id: 'a', correct: 2, total: 2 },
        { id: 'b', correct: 0, total: 2 },
      ]),
    );
    await store.finishRun(
      run('r2', 2),
      done([
        { id: 'a', correct: 1, total: 2 },
        { id: 'b', correct: 1, total: 2 },
      ]),
    );
    await store.deleteRun('r1');
    expect(await db.get('labRuns', 'r1')).toBeUndefined();
    expect(await store.readAnswers('r1')).toEqual([]);
    expect(await store.readAnswers('r2')).toHaveLength(6);
    expect(await db.get('modelStats', 'a')).toMatchObject({ correct: 1, total: 2 });
    await store.deleteRun('r2');
    expect(await db.get('modelStats', 'a')).toBeUndefined();
  });

  it('finds the newest finished run whose pool covers the studio pool, for the studio to show', async () => {
    const db = await freshDatabase();
    const store = new LabStore(db);
    await store.finishRun(run('ab', 1, ['a', 'b']), done([]), 5);
    await store.finishRun(run('abc', 2, ['a', 'b', 'c']), done([]), 6);
    await store.saveRun(run('running', 3, ['a', 'b']));
    expect(await store.latestCovering(['b', 'a'])).toEqual({
      runId: 'abc',
      taskSetName: 'Quick',
      questions: 2,
      finishedAt: 6,
      verdicts: [{ mode: 'vote', kind: 'unclear', text: 'Vote and A could not be told apart.' }],
    });
    expect((await store.latestCovering(['a']))?.runId).toBe('abc');
    expect(await store.latestCovering(['a', 'd'])).toBeNull();
    expect(await store.latestCovering([])).toBeNull();
  });

  it("keeps a finished run's failed answers, and gives the studio no verdict of a run whose every answer failed", async () => {
    const db = await freshDatabase();
    const store = new LabStore(db);
    await store.finishRun(run('some', 1), { ...done([]), failures: { failed: 2, answers: 6 } }, 5);
    await store.finishRun(run('all', 2), { ...done([]), failures: { failed: 6, answers: 6 } }, 6);
    expect((await store.readRun('all'))?.failures).toEqual({ failed: 6, answers: 6 });
    expect((await store.latestCovering(['a', 'b']))?.runId).toBe('some');
  });

  it("adds nothing to Vote's tie-break accuracies (modelStats) from a run whose every answer failed", async () => {
    const db = await freshDatabase();
    const store = new LabStore(db);
    const scores = [
      { id: 'a', correct: 2, total: 2 },
      { id: 'b', correct: 1, total: 2 },
    ];
    await store.finishRun(run('good', 1), { ...done(scores), failures: { failed: 0, answers: 6 } });
    const failedScores = [
      { id: 'a', correct: 0, total: 2 },
      { id: 'b', correct: 0, total: 2 },
    ];
    await store.finishRun(run('all', 2), {
      ...done(failedScores),
      failures: { failed: 6, answers: 6 },
    });
    expect(await db.get('modelStats', 'a')).toMatchObject({ correct: 2, total: 2 });
    expect(await db.get('modelStats', 'b')).toMatchObject({ correct: 1, total: 2 });
  });
});
