// Reading a judge's verdict from JSON, repaired JSON or a plain line, after its reasoning.
import { describe, expect, it } from 'vitest';
import { extractJsonObject, parseJudgeVerdict } from '../../../../src/fusion/modes/judge-parse.js';

describe('parseJudgeVerdict', () => {
  it('reads plain JSON', () => {
    expect(parseJudgeVerdict('{"winner": "A", "reason": "correct"}')).toEqual({
      winner: 'A',
      reason: 'correct',
    });
  });
  it('reads JSON inside a code fence with prose around it', () => {
    const text = 'Let me compare.\n```json\n{"winner": "B", "reason": "B is right"}\n```\nDone.';
    expect(parseJudgeVerdict(text)).toEqual({ winner: 'B', reason: 'B is right' });
  });
  it('repairs single quotes, bare keys and trailing commas', () => {
    expect(parseJudgeVerdict("{winner: 'tie', 'reason': 'both fine',}")).toEqual({
      winner: 'tie',
      reason: 'both fine',
    });
  });
  it('accepts "Response A" as the winner value', () => {
    expect(parseJudgeVerdict('{"winner": "Response A", "reason": ""}')?.winner).toBe('A');
  });
  it('falls back to a "Winner: B" line', () => {
    expect(parseJudgeVerdict('I solved it: 391.\nWinner: B\nReason: B gets 391')).toEqual({
      winner: 'B',
      reason: 'B gets 391',
    });
  });
  it('skips a brace that is not JSON and finds the object after it', () => {
    expect(parseJudgeVerdict('Set {1,2} vs {"winner":"A","reason":"x"}')?.winner).toBe('A');
  });
  it.each([
    [
      'a draft verdict inside the reasoning',
      '<think>\nThe reply must look like {"winner": "A", "reason": "..."}. A seems better at first, but B gets the price right.\n</think>\n{"winner": "B", "reason": "B has the correct price"}',
      'B',
    ],
    [
      'a JSON draft in the reasoning, a line after it',
      '<think>\nDraft: {"winner": "B"} no, wait\n</think>\nWinner: A',
      'A',
    ],
    ['a lone closing tag', '</think>\n\n{"winner": "B"}', 'B'],
    [
      'a "Winner:" line in the reasoning',
      '<think>\nWinner: A seems likely\n</think>\nWinner: B',
      'B',
    ],
    [
      'braces in the reasoning',
      '<think>\nI weigh {accuracy, tone}\n</think>\n{"winner": "tie"}',
      'tie',
    ],
    ['a special token after the JSON', '{"winner": "A", "reason": "ok"}<|im_end|>', 'A'],
    [
      'a draft object in prose, then the final one',
      'Maybe {"winner": "A"}? No: B is right.\n{"winner": "B", "reason": "price"}',
      'B',
    ],
  ])('reads the verdict after the reasoning: %s', (_, text, winner) => {
    expect(parseJudgeVerdict(text)?.winner).toBe(winner);
  });
  it('gives no verdict when the judge was cut off while thinking', () => {
    expect(parseJudgeVerdict('<think>\n{"winner": "A"} looks right but')).toBeNull();
  });
  it('reads the reason of the verdict that wins', () => {
    const text =
      '<think>\nThe reply must look like {"winner": "A", "reason": "..."}.\n</think>\n{"winner": "B", "reason": "B has the correct price"}';
    expect(parseJudgeVerdict(text)?.reason).toBe('B has the correct price');
  });
  it.each([['garbage output'], ['{"winner": "C"}'], ['{"winner": "A"'], ['']])(
    'returns null for %j',
    (text) => {
      expect(parseJudgeVerdict(text)).toBeNull();
    },
  );
});

describe('extractJsonObject', () => {
  it('handles nested objects and braces inside strings', () => {
    expect(extractJsonObject('x {"a": {"b": "}"}, "c": [1,2,],} y')).toEqual({
      a: { b: '}' },
      c: [1, 2],
    });
  });
});
