// Grading an answer against a task, and the quick set.
import { describe, expect, it } from 'vitest';
import { detectQuestionKind } from '../../../../src/fusion/modes/extract-answer.js';
import { gradeAnswer } from '../../../../src/lab/tasks/task-set.js';
import { QUICK_SET } from '../../../../src/lab/tasks/quick-set.js';

describe('gradeAnswer', () => {
  const task = { prompt: 'What is 9 * 2?', kind: 'number' as const, answer: '18' };

  it('grades by the extracted final answer', () => {
    expect(gradeAnswer(task, '9 * 2 = <<9*2=18>>18\nA: 18')).toEqual({
      extracted: '18',
      correct: true,
    });
    expect(gradeAnswer(task, 'Answer: 17')).toEqual({ extracted: '17', correct: false });
  });

  it('counts a failed or shapeless answer as wrong, with nothing extracted', () => {
    expect(gradeAnswer(task, null)).toEqual({ extracted: null, correct: false });
    expect(gradeAnswer(task, 'I cannot say.')).toEqual({ extracted: null, correct: false });
  });

  it('offers the quick set as six tasks of known kinds', () => {
    expect(QUICK_SET.tasks).toHaveLength(6);
    expect(gradeAnswer(QUICK_SET.tasks[4]!, 'Answer: B').correct).toBe(true);
  });

  it('recognises each quick-set question as the kind it is graded as', () => {
    for (const task of QUICK_SET.tasks) expect(detectQuestionKind(task.prompt)).toBe(task.kind);
  });
});
