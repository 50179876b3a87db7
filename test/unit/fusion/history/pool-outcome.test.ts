// How many pool members of a stored run answered, and which failed.
import { describe, expect, it } from 'vitest';
import { poolOutcome } from '../../../../src/fusion/history/pool-outcome.js';
import type { MemberAnswer } from '../../../../src/fusion/core/member-answer.js';

const answer = (memberId: string, error: MemberAnswer['error'] = null): MemberAnswer => ({
  memberId,
  label: memberId,
  simulated: true,
  text: error ? '' : 'Answer: 4',
  usage: null,
  error,
  tag: 'sample 1',
});

describe('poolOutcome', () => {
  it('counts members with an answer and no failure; a stop is not a failure', () => {
    const lost = { kind: 'device-lost' as const, message: 'lost' };
    const stopped = { kind: 'aborted' as const, message: 'stopped' };
    expect(
      poolOutcome({
        poolIds: ['a', 'b', 'c', 'd'],
        answers: [answer('a'), answer('b'), answer('b', lost), answer('c', stopped)],
      }),
    ).toEqual({ answered: ['a', 'c'], failed: ['b'], of: 4 });
  });
});
