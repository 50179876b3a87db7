// The shipped GSM8K test set read as 1,319 tasks with their "####" answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGsm8k } from '../../../../src/lab/tasks/gsm8k.js';

describe('parseGsm8k', () => {
  it('reads all 1,319 shipped test problems with the number after "####" as the answer', () => {
    const text = readFileSync(
      new URL('../../../../public/eval/gsm8k-test.jsonl', import.meta.url),
      'utf8',
    );
    const set = parseGsm8k(text);
    expect(set.tasks).toHaveLength(1319);
    expect(set.tasks[0]).toEqual({
      prompt: expect.stringMatching(/^Janet’s ducks lay 16 eggs per day/),
      kind: 'number',
      answer: '18',
    });
    expect(set.source).toContain('Cobbe et al. 2021');
  });

  it('names a damaged line', () => {
    expect(() => parseGsm8k('{"question": "Q", "answer": "no marker"}')).toThrow(/line 1/);
  });
});
