// The vote's reason says plainly when no two answers agreed, and how the answer shown was picked then.
import { describe, expect, it } from 'vitest';
import { extractAnswer } from '../../../../src/fusion/modes/extract-answer.js';
import type { VoteSample } from '../../../../src/fusion/modes/trace.js';
import { tallyVotes } from '../../../../src/fusion/modes/vote-tally.js';

const sample = (memberId: string, text: string, sampleIndex = 0): VoteSample => ({
  voterId: memberId,
  memberId,
  sampleIndex,
  text,
  answer: extractAnswer(text, 'number'),
});

describe('tallyVotes reasons', () => {
  it('says no two answers agreed, and that pool order broke the tie, when every answer differs', () => {
    const decision = tallyVotes(
      [sample('a', 'Answer: 1'), sample('b', 'Answer: 2'), sample('c', 'Answer: 3')],
      {},
      'number',
    );
    expect(decision.winnerAnswer).toBe('1');
    expect(decision.reason).toBe(
      'No two answers agreed (3 answers, all different), so none won the vote: a\'s "1" is shown because it comes first in pool order (nothing else told them apart).',
    );
    expect(decision.reason).not.toMatch(/agreed most|1 of 1/);
  });

  it('names recorded accuracy when it picked among answers that all differ', () => {
    const decision = tallyVotes(
      [sample('a', 'Answer: 1'), sample('b', 'Answer: 2')],
      { b: 0.9 },
      'number',
    );
    expect(decision.winnerAnswer).toBe('2');
    expect(decision.reason).toMatch(
      /^No two answers agreed \(2 answers, all different\), so none won the vote: b's "2" is shown because its recorded accuracy is the highest \(90%\)\.$/,
    );
  });

  it('keeps the agreement reason when some answers agree', () => {
    const decision = tallyVotes(
      [sample('a', 'Answer: 1'), sample('a', 'Answer: 1', 1), sample('b', 'Answer: 2')],
      {},
      'number',
    );
    expect(decision.reason).toMatch(/^a's samples agreed most \(2 of 2 on "1"\)/);
  });
});

describe('tallyVotes on a question that asks for a number', () => {
  const FILLER = 'That is an interesting question about eggs and markets.';

  it('counts a sample with no number for nothing, and shows it as no answer', () => {
    const decision = tallyVotes(
      [
        sample('a', 'Answer: 42'),
        sample('a', FILLER, 1),
        sample('b', FILLER),
        sample('b', FILLER, 1),
        sample('c', FILLER),
      ],
      {},
      'number',
    );
    // Before: the identical filler samples formed the largest group, and b "won" with them.
    expect(decision.winnerVoterId).toBe('a');
    expect(decision.winnerAnswer).toBe('42');
    expect(decision.overall).toEqual([{ answer: '42', count: 1 }]);
    expect(decision.unanswered).toBe(4);
    const b = decision.perVoter.find((t) => t.voterId === 'b');
    expect(b).toMatchObject({ counts: [], majority: null, agreement: 0, unanswered: 2 });
    expect(decision.reason).toMatch(/4 samples gave no number and count for nothing/);
  });

  it('names no winner when no sample gave a number', () => {
    const decision = tallyVotes([sample('a', FILLER), sample('b', FILLER)], {}, 'number');
    expect(decision).toMatchObject({
      method: 'none',
      winnerVoterId: null,
      winnerText: null,
      unanswered: 2,
    });
    expect(decision.reason).toBe(
      'No sample gave a number, though the question asks for one (2 samples), so there was no answer to vote on.',
    );
  });

  it('still counts free text for a question that asks for free text', () => {
    const text = (id: string) => ({ ...sample(id, FILLER), answer: extractAnswer(FILLER, 'text') });
    const decision = tallyVotes([text('a'), text('b')], {}, 'text');
    expect(decision.method).toBe('centrality');
    expect(decision.unanswered).toBeUndefined();
  });
});
