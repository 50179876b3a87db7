// How long a judge may stay silent, from what the run's members measured.
import { describe, expect, it } from 'vitest';
import { MIN_JUDGE_STALL_MS, judgeStallMs } from '../../../../src/fusion/core/judge-stall.js';
import type { CallTiming } from '../../../../src/fusion/core/cost.js';

const call = (
  role: CallTiming['role'],
  ttft: number,
  prefill: number,
  decode: number,
): CallTiming => ({
  memberId: 'm',
  role,
  tag: 't',
  startedAt: 0,
  endedAt: 1,
  ok: true,
  usage: {
    promptTokens: 10,
    completionTokens: 10,
    timeToFirstTokenMs: ttft,
    prefillTokensPerS: prefill,
    decodeTokensPerS: decode,
    totalMs: 100,
  },
});

describe('judgeStallMs', () => {
  it('never goes below the minimum, even for fast members', () => {
    expect(judgeStallMs([call('member', 100, 1000, 100)], 400)).toBe(MIN_JUDGE_STALL_MS);
    expect(judgeStallMs([], 400)).toBe(MIN_JUDGE_STALL_MS);
  });

  it('grows with the slowest member, the prompt to prefill and the judge’s size; judges do not count', () => {
    const calls = [
      call('member', 2000, 100, 20),
      call('member', 5000, 50, 10),
      call('judge', 1e6, 1, 1),
    ];
    // 4 × (5000 ms + 4000 chars / 4 per token / 50 tok/s = 20 s) = 100 s.
    expect(judgeStallMs(calls, 4000)).toBe(100_000);
    expect(judgeStallMs(calls, 4000, 2)).toBe(200_000);
  });
});
