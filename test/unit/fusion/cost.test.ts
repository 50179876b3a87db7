import { describe, expect, it } from 'vitest';
import { computeRunCost, type CallTiming } from '../../../src/fusion/cost.js';
import { runFusion } from '../../../src/fusion/run-fusion.js';
import type { Usage } from '../../../src/models/protocol.js';
import { ScriptedClient } from './scripted-client.js';

const usage = (promptTokens: number, completionTokens: number): Usage => ({
  promptTokens,
  completionTokens,
  timeToFirstTokenMs: 0,
  prefillTokensPerS: 0,
  decodeTokensPerS: 0,
  totalMs: 0,
});

const call = (
  memberId: string,
  role: CallTiming['role'],
  startedAt: number,
  endedAt: number,
  u: Usage | null,
): CallTiming => ({
  memberId,
  role,
  tag: role,
  startedAt,
  endedAt,
  usage: u,
  ok: u !== null,
});

describe('computeRunCost', () => {
  const calls = [
    call('a', 'member', 0, 400, usage(20, 80)),
    call('b', 'member', 0, 900, usage(20, 130)),
    call('c', 'member', 0, 300, null),
    call('j', 'judge', 900, 1400, usage(300, 20)),
    call('j', 'judge', 1400, 1600, usage(300, 20)),
  ];
  const cost = computeRunCost(calls, 0, 1700);

  it('sums tokens per model and in total', () => {
    expect(cost.perModel.find((m) => m.memberId === 'j')).toMatchObject({
      promptTokens: 600,
      completionTokens: 40,
      totalTokens: 640,
      calls: 2,
      busyMs: 700,
    });
    expect(cost.perModel.find((m) => m.memberId === 'c')).toMatchObject({
      totalTokens: 0,
      calls: 1,
    });
    expect(cost.totalTokens).toBe(100 + 150 + 640);
    expect(cost.promptTokens + cost.completionTokens).toBe(cost.totalTokens);
  });

  it('reports wall time, the slowest member and the time spent judging', () => {
    expect(cost.wallMs).toBe(1700);
    expect(cost.slowestMember).toEqual({ memberId: 'b', ms: 900 });
    expect(cost.judgingMs).toBe(700);
  });

  it('measures overhead against the fastest successful single answer', () => {
    // c was faster but failed, so a's answer is the single answer fusion is compared with.
    expect(cost.singleAnswer).toEqual({ memberId: 'a', ms: 400, tokens: 100 });
    expect(cost.overhead.time).toBeCloseTo(1700 / 400);
    expect(cost.overhead.tokens).toBeCloseTo(890 / 100);
  });

  it('has no overhead figures when nothing answered', () => {
    const empty = computeRunCost([call('a', 'member', 0, 10, null)], 0, 10);
    expect(empty.singleAnswer).toBeNull();
    expect(empty.overhead).toEqual({ time: null, tokens: null });
  });
});

describe('runFusion cost', () => {
  it('times calls with the injected clock', async () => {
    let clock = 1000;
    const now = () => clock;
    const member = (id: string, ms: number) =>
      new ScriptedClient({
        id,
        script: () => {
          clock += ms;
          return { text: 'Answer: 7', usage: { promptTokens: 10, completionTokens: 10 } };
        },
      });
    const pool = [member('a', 100), member('b', 250)];
    // One stage per member, so each call sees only its own clock advance.
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 3 + 4?',
      pool,
      now,
      schedule: [['a'], ['b']],
    });
    expect(result.cost.wallMs).toBe(350);
    expect(result.cost.totalTokens).toBe(40);
    expect(result.cost.singleAnswer).toMatchObject({ memberId: 'a', ms: 100, tokens: 20 });
    expect(result.cost.overhead.tokens).toBe(2);
  });
});
