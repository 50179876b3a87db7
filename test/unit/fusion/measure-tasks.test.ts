import { describe, expect, it } from 'vitest';
import {
  MEASURE_TASKS,
  isCorrect,
  summariseMeasure,
  type MeasureTask,
} from '../../../src/fusion/measure-tasks.js';
import { detectQuestionKind } from '../../../src/fusion/extract-answer.js';
import { measureFusion } from '../../../src/fusion/measure-fusion.js';
import { addModelScores } from '../../../src/fusion/model-stats.js';
import { freshDatabase } from '../catalog/support.js';
import { ScriptedClient } from './scripted-client.js';

const arithmetic: MeasureTask = { prompt: 'What is 17 * 23?', kind: 'number', answer: '391' };
const choice: MeasureTask = { prompt: 'Pick\nA) x\nB) y', kind: 'choice', answer: 'B' };

describe('built-in tasks', () => {
  it('are each recognised by the answer extractor as the kind they are scored as', () => {
    for (const task of MEASURE_TASKS) expect(detectQuestionKind(task.prompt)).toBe(task.kind);
  });

  it('score a worked answer by its final number or letter, not by the working', () => {
    expect(isCorrect(arithmetic, '17 * 20 = 340, plus 51.\nAnswer: 391')).toBe(true);
    expect(isCorrect(arithmetic, '17 * 23 = 391? No.\nAnswer: 392')).toBe(false);
    expect(isCorrect(choice, 'The answer is (B).')).toBe(true);
    expect(isCorrect(choice, 'Answer: A')).toBe(false);
    expect(isCorrect(choice, null)).toBe(false);
  });
});

describe('summariseMeasure', () => {
  it('counts each model alone and the fused answer, and the gain over the best single model', () => {
    const summary = summariseMeasure(
      [arithmetic, choice],
      [
        { singles: { a: 'Answer: 391', b: 'Answer: 390' }, fused: 'Answer: 391' },
        { singles: { a: 'Answer: A', b: null }, fused: 'Answer: B' },
      ],
      ['a', 'b'],
    );
    expect(summary.singles).toEqual([
      { modelId: 'a', score: { correct: 1, total: 2 } },
      { modelId: 'b', score: { correct: 0, total: 2 } },
    ]);
    expect(summary.fusion).toEqual({ correct: 2, total: 2 });
    expect(summary.gainOverBest).toBe(50);
  });

  it('reports a loss when fusion does worse than the best model alone', () => {
    const summary = summariseMeasure(
      [arithmetic],
      [{ singles: { a: 'Answer: 391' }, fused: 'Answer: 392' }],
      ['a'],
    );
    expect(summary.gainOverBest).toBe(-100);
  });

  it('has no gain before any task ran', () => {
    expect(summariseMeasure([], [], ['a']).gainOverBest).toBeNull();
  });
});

describe('measureFusion and addModelScores', () => {
  it('asks each model alone and the fused pool per task, then adds the scores to modelStats', async () => {
    const right = new ScriptedClient({ id: 'right', script: ['Answer: 391'] });
    const wrong = new ScriptedClient({ id: 'wrong', script: ['Answer: 390'] });
    const steps: number[] = [];
    const outcomes = await measureFusion({
      tasks: [arithmetic],
      pool: [right, wrong],
      judge: null,
      mode: 'vote',
      options: { samples: 1 },
      signal: new AbortController().signal,
      onProgress: (done) => steps.push(done),
    });
    expect(steps).toEqual([1, 2, 3]);
    const summary = summariseMeasure([arithmetic], outcomes, ['right', 'wrong']);
    expect(summary.singles.map((s) => s.score.correct)).toEqual([1, 0]);
    const db = await freshDatabase();
    await addModelScores(db, [{ modelId: 'right', correct: 1, total: 1 }], 5);
    await addModelScores(db, [{ modelId: 'right', correct: 0, total: 1 }], 6);
    expect(await db.get('modelStats', 'right')).toEqual({
      modelId: 'right',
      correct: 1,
      total: 2,
      updatedAt: 6,
    });
  });
});
