// The simulated engine's answers: arithmetic right about as often as the model's accuracy, checkable endings, JSON.
import { describe, expect, it } from 'vitest';
import { composeSimAnswer } from '../../../../../workers/engines/sim/sim-answer.js';
import { mulberry32 } from '../../../../../workers/engines/prng.js';
import { parseQuestion } from '../../../../../workers/engines/sim/sim-questions.js';
import { findArithmetic } from '../../../../../workers/engines/sim/sim-arithmetic.js';
import type { ChatMessage } from '../../../../../src/models/model-client.js';

const ask = (content: string): ChatMessage[] => [{ role: 'user', content }];

function answer(content: string, seed: number, accuracy = 0.7, json?: { schema?: string }): string {
  return composeSimAnswer({ messages: ask(content), accuracy, random: mulberry32(seed), json });
}

function finalLine(text: string): string | undefined {
  return text.match(/^Answer: (.+)$/m)?.[1];
}

/** Share of seeds 0..n-1 whose final line equals `expected`. */
function rightShare(content: string, expected: string, accuracy: number, n = 600): number {
  let right = 0;
  for (let seed = 0; seed < n; seed++)
    if (finalLine(answer(content, seed, accuracy)) === expected) right++;
  return right / n;
}

describe('sim arithmetic', () => {
  it('evaluates with precedence, parentheses and words', () => {
    expect(findArithmetic('What is 17 * 23?')?.value).toBe(391);
    expect(findArithmetic('12 + 30 =')?.value).toBe(42);
    expect(findArithmetic('Compute (2 + 3) * 4 - 6 / 3.')?.value).toBe(18);
    expect(findArithmetic('What is 7 times 6?')?.value).toBe(42);
    expect(findArithmetic('no numbers here')).toBeNull();
  });
});

describe('composeSimAnswer', () => {
  it('answers arithmetic right with probability near the model’s accuracy', () => {
    for (const accuracy of [0.55, 0.82]) {
      const share = rightShare('What is 17 * 23?', '391', accuracy);
      // 600 draws: 4 standard deviations is under 0.081.
      expect(Math.abs(share - accuracy)).toBeLessThan(0.081);
    }
  });

  it('always ends a checkable answer with an "Answer:" line, wrong answers included', () => {
    for (let seed = 0; seed < 50; seed++) {
      const text = answer('12 + 30 =', seed, 0.5);
      expect(text.trim().split('\n').pop()).toMatch(/^Answer: -?\d+$/);
    }
  });

  it('never gives the true value when it answers wrong', () => {
    const finals = Array.from({ length: 200 }, (_, seed) =>
      finalLine(answer('What is 17 * 23?', seed, 0)),
    );
    expect(finals).not.toContain('391');
  });

  it('picks the option that matches an arithmetic stem', () => {
    const prompt = 'What is 6 * 7?\nA) 40\nB) 42\nC) 44\nD) 48';
    expect(parseQuestion(prompt)).toMatchObject({ kind: 'choice', truth: 'B' });
    expect(Math.abs(rightShare(prompt, 'B', 0.7) - 0.7)).toBeLessThan(0.081);
  });

  it('answers multiple choice with a letter even without arithmetic, with the same truth for every template', () => {
    const plain = 'Which colour is the sky?\nA) Green\nB) Blue\nC) Red';
    const wrapped = `Question:\n"""\n${plain}\n"""\n\nReason briefly, then answer.`;
    expect(parseQuestion(plain)).toEqual(parseQuestion(wrapped));
    expect(finalLine(answer(plain, 3))).toMatch(/^[ABC]$/);
  });

  it('answers yes/no questions and checks the ones it can', () => {
    expect(parseQuestion('Is 17 prime?')).toEqual({ kind: 'yesno', truth: true });
    // A request phrased as a question is not answered "No" (a newcomer's first chat answer).
    expect(parseQuestion('Can you help me plan a trip to Lisbon for three days with kids?')).toBe(
      null,
    );
    expect(parseQuestion('Is 17 * 23 greater than 400?')).toEqual({ kind: 'yesno', truth: false });
    const withInstruction =
      'Is 12 even?\n\nReason briefly, then give the final answer on the last line as "Answer: yes" or "Answer: no".';
    expect(parseQuestion(withInstruction)).toEqual({ kind: 'yesno', truth: true });
    expect(finalLine(answer('Is 17 prime?', 1, 1))).toBe('Yes');
    expect(finalLine(answer('Is 17 prime?', 1, 0))).toBe('No');
  });

  it('writes generic filler for questions it cannot check, without an Answer line', () => {
    const text = answer('Tell me about the history of lighthouses', 4);
    expect(text).toMatch(/lighthouses/);
    expect(text).toMatch(/simulated/i);
    expect(finalLine(text)).toBeUndefined();
  });

  it('emits a pairwise verdict as JSON that favours the correct response with the judge’s accuracy', () => {
    const prompt = [
      'You are judging two anonymous responses.',
      'Question:\n"""\nWhat is 17 * 23?\n"""',
      'Response A:\n"""\n17 * 23 = 401.\nAnswer: 401\n"""',
      'Response B:\n"""\n17 * 23 = 391.\nAnswer: 391\n"""',
      'Reply with JSON only: {"winner": "A"|"B"|"tie", "reason": "<one sentence>"}',
    ].join('\n\n');
    let bWins = 0;
    for (let seed = 0; seed < 400; seed++) {
      const verdict = JSON.parse(answer(prompt, seed, 0.8)) as { winner: string; reason: string };
      expect(['A', 'B', 'tie']).toContain(verdict.winner);
      expect(typeof verdict.reason).toBe('string');
      if (verdict.winner === 'B') bWins++;
    }
    expect(Math.abs(bWins / 400 - 0.8)).toBeLessThan(0.08);
  });

  it('emits a merge analysis with the four requested arrays', () => {
    const prompt =
      'Several assistants answered.\nResponse 1:\nAnswer: 42\nResponse 2:\nAnswer: 41\nReply with JSON only: {"consensus": [...], "contradictions": [...], "unique": [...], "blindSpots": [...]}';
    const analysis = JSON.parse(answer(prompt, 1)) as Record<string, unknown>;
    for (const key of ['consensus', 'contradictions', 'unique', 'blindSpots']) {
      expect(Array.isArray(analysis[key])).toBe(true);
    }
    expect(analysis.contradictions).toEqual(['The responses disagree: 42 vs 41.']);
  });

  it('fills a requested JSON schema, and answers {} when no shape is known', () => {
    const schema = JSON.stringify({
      type: 'object',
      properties: { title: { type: 'string' }, score: { type: 'number' }, tags: { type: 'array' } },
    });
    expect(JSON.parse(answer('Summarise this', 2, 0.7, { schema }))).toEqual({
      title: 'simulated',
      score: 0,
      tags: [],
    });
    expect(answer('Give me JSON about cats', 2)).toBe('{}');
  });
});
