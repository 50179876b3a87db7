// Measuring fusion gain: the built-in tasks, their scoring, the summary and the scores kept in modelStats.
import { describe, expect, it } from 'vitest';
import {
  MEASURE_TASKS,
  isCorrect,
  summariseMeasure,
  type MeasureTask,
} from '../../../../src/fusion/measure/measure-tasks.js';
import { detectQuestionKind } from '../../../../src/fusion/modes/extract-answer.js';
import { measureFusion } from '../../../../src/fusion/measure/measure-fusion.js';
import { ModelStatsStore } from '../../../../src/fusion/measure/model-stats-store.js';
import { freshDatabase } from '../../catalog/support.js';
import { ScriptedClient } from '../scripted-client.js';

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

describe('measureFusion and ModelStatsStore.add', () => {
  it('asks each model alone and the fused pool per task, then adds the scores to modelStats', async () => {
    const right = new ScriptedClient({ id: 'right', script: ['Answer: 391'] });
    const wrong = new ScriptedClient({ id: 'wrong', script: ['Answer: 390'] });
    const steps: string[] = [];
    const outcomes = await measureFusion({
      tasks: [arithmetic],
      pool: [right, wrong],
      judge: null,
      mode: 'vote',
      options: { samples: 1 },
      signal: new AbortController().signal,
      onProgress: ({ done, total, question, questions, asking }) =>
        steps.push(
          `${done}/${total} q${question}/${questions} ${asking === null ? 'end' : asking.kind === 'alone' ? asking.modelId : 'fused'}`,
        ),
    });
    expect(steps).toEqual(['0/3 q1/1 right', '1/3 q1/1 wrong', '2/3 q1/1 fused', '3/3 q1/1 end']);
    const summary = summariseMeasure([arithmetic], outcomes, ['right', 'wrong']);
    expect(summary.singles.map((s) => s.score.correct)).toEqual([1, 0]);
    const db = await freshDatabase();
    const stats = new ModelStatsStore(db);
    await stats.add([{ modelId: 'right', correct: 1, total: 1 }], 5);
    await stats.add([{ modelId: 'right', correct: 0, total: 1 }], 6);
    expect(await db.get('modelStats', 'right')).toEqual({
      modelId: 'right',
      correct: 1,
      total: 2,
      updatedAt: 6,
    });
  });

  it('a stop keeps the finished questions and ends with nothing being asked', async () => {
    const right = new ScriptedClient({ id: 'right', script: ['Answer: 391'] });
    const abort = new AbortController();
    const steps: string[] = [];
    const outcomes = await measureFusion({
      tasks: [arithmetic, arithmetic, arithmetic],
      pool: [right],
      judge: null,
      mode: 'vote',
      options: { samples: 1 },
      signal: abort.signal,
      onProgress: ({ done, question, asking }) => {
        steps.push(`${done} q${question} ${asking?.kind ?? 'end'}`);
        if (question === 2 && asking?.kind === 'fused') abort.abort();
      },
    });
    expect(outcomes).toHaveLength(1);
    expect(steps).toEqual(['0 q1 alone', '1 q1 fused', '2 q2 alone', '3 q2 fused', '4 q2 end']);
  });
});
