// How long a judge may stay silent, from what the run's members measured.
import { describe, expect, it } from 'vitest';
import {
  MAX_JUDGE_STALL_MS,
  MIN_JUDGE_STALL_MS,
  judgeStallMs,
} from '../../../../src/fusion/core/judge-stall.js';
import type { CallTiming } from '../../../../src/fusion/core/cost.js';

const call = (
  role: CallTiming['role'],
  ttft: number,
  prefill: number,
  decode: number,
  promptTokens = 400,
): CallTiming => ({
  memberId: 'm',
  role,
  tag: 't',
  startedAt: 0,
  endedAt: 1,
  ok: true,
  usage: {
    promptTokens,
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
    // 4 × (5000 ms + 400 chars / 4 per token / 50 tok/s = 2 s) = 28 s.
    expect(judgeStallMs(calls, 400)).toBe(28_000);
    expect(judgeStallMs(calls, 400, 2)).toBe(56_000);
  });

  it('stops at half the worker’s two-minute limit, however large the judge or its prompt', () => {
    const calls = [call('member', 5000, 50, 10)];
    expect(MAX_JUDGE_STALL_MS).toBe(60_000);
    expect(judgeStallMs(calls, 4000)).toBe(MAX_JUDGE_STALL_MS);
    expect(judgeStallMs(calls, 4000, 8.3)).toBe(MAX_JUDGE_STALL_MS);
  });

  it('reads no prefill rate from a prompt of a few tokens, whose first token is start-up cost', () => {
    // Simulated Steady's 10-token question at 450 ms reads as 22 tok/s: a 500-token judge prompt
    // would then need 23 s to prefill, times 4, times the judge's size.
    const calls = [call('member', 450, 22, 50, 10)];
    expect(judgeStallMs(calls, 2000, 2)).toBe(MIN_JUDGE_STALL_MS);
  });
});
