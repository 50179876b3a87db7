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
