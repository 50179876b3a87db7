// A judge's JSON in its studio column reads as a sentence (issue 10 item 11).
import { describe, expect, it } from 'vitest';
import { judgeSummary } from '../../../../src/fusion/studio/judge-summary.js';

describe('judgeSummary', () => {
  it('names the pick, with the response it stood for, and the judge’s reason', () => {
    expect(judgeSummary('Response 1 vs Response 2', '{"winner":"B","reason":"391 is right"}')).toBe(
      'Judge picked B (Response 2): 391 is right',
    );
    expect(judgeSummary('Response 2 vs Response 1', '{"winner":"A","reason":""}')).toBe(
      'Judge picked A (Response 2).',
    );
    expect(judgeSummary('Response 1 vs Response 3', 'Winner: tie\nReason: both wrong')).toBe(
      'Judge called it a tie: both wrong',
    );
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
