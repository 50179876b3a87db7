// A judge's JSON in its studio column reads as a sentence (issue 10 item 11).
import { describe, expect, it } from 'vitest';
import { judgeSummary, pairTitle } from '../../../../src/fusion/studio/judge-summary.js';

describe('judgeSummary', () => {
  it('names the pick by the response it stood for, never by its position letter, and the judge’s reason', () => {
    expect(judgeSummary('Response 1 vs Response 2', '{"winner":"B","reason":"391 is right"}')).toBe(
      'The judge picked Response 2: 391 is right',
    );
    expect(judgeSummary('Response 2 vs Response 1', '{"winner":"B","reason":""}')).toBe(
      'The judge picked Response 1.',
    );
    expect(judgeSummary('Response 1 vs Response 3', 'Winner: tie\nReason: both wrong')).toBe(
      'The judge called it a tie: both wrong',
    );
  });

  it('titles a pair with the order it was shown in', () => {
    expect(pairTitle('Response 2 vs Response 1')).toBe(
      'Response 2 (shown first) vs Response 1 (shown second)',
    );
    expect(pairTitle('analysis')).toBe('analysis');
  });

  it('counts a merge analysis instead of showing its JSON', () => {
    const analysis = JSON.stringify({
      consensus: ['a', 'b'],
      contradictions: ['c'],
      unique: [],
      blindSpots: ['d'],
    });
    expect(judgeSummary('analysis', analysis)).toMatch(
      /^Analysis: 2 points of agreement, 1 contradiction, 0 unique points, 1 blind spot\./,
    );
  });

  it('leaves unreadable output and prose (a synthesis) as written', () => {
    expect(judgeSummary('Response 1 vs Response 2', 'I cannot decide.')).toBeNull();
    expect(judgeSummary('analysis', 'not json')).toBeNull();
    expect(judgeSummary('synthesis', '{"winner":"A"}')).toBeNull();
  });
});
