// What a fusion run cost: tokens per model, wall time, judging time and the overhead over a single answer.
import { describe, expect, it } from 'vitest';
import {
  computeRunCost,
  estimateNote,
  failedWaitNote,
  type CallTiming,
} from '../../../../src/fusion/core/cost.js';
import { seconds } from '../../../../src/ui/format.js';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import type { Usage } from '../../../../src/models/model-client.js';
import { ScriptedClient } from '../scripted-client.js';

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
  it('marks a member whose server reported no token counts as estimated', () => {
    const estimated = { ...usage(10, 40), estimated: true };
    const cost = computeRunCost(
      [call('remote', 'member', 0, 500, estimated), call('local', 'member', 0, 400, usage(10, 40))],
      0,
      600,
    );
    expect(cost.perModel.find((m) => m.memberId === 'remote')?.estimated).toBe(true);
    expect(cost.perModel.find((m) => m.memberId === 'local')?.estimated).toBeUndefined();
  });

  it('tells a model cut off mid-answer from an engine that counts no tokens, and words the note for each', () => {
    const estimated = { ...usage(10, 40), estimated: true };
    const stopped = { ...call('local', 'member', 0, 300, estimated), ok: false };
    const served = computeRunCost([call('remote', 'member', 0, 500, estimated)], 0, 600);
    const cut = computeRunCost([stopped, call('other', 'member', 0, 400, usage(10, 40))], 0, 600);
    expect(served.perModel[0]?.estimates).toEqual(['uncounted']);
    expect(cut.perModel.find((m) => m.memberId === 'local')?.estimates).toEqual(['cut']);
    expect(estimateNote(served.perModel)).toMatch(
      /^≈ marks a model whose engine reported no token counts/,
    );
    expect(estimateNote(cut.perModel)).toBe(
      '≈ marks a model stopped or failed mid-answer, before it reported them: its output tokens are the pieces it streamed, its prompt tokens an estimate from the prompt’s length.',
    );
    expect(estimateNote(cut.perModel)).not.toMatch(/server/);
    expect(
      estimateNote(computeRunCost([call('a', 'member', 0, 1, usage(1, 1))], 0, 1).perModel),
    ).toBeNull();
  });

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

  it('also measures overhead against the single answer of the model that gave the best answer', () => {
    // b was slower than a, but its answer won: asking b alone is the baseline one would have trusted.
    const withBest = computeRunCost(calls, 0, 1700, { memberId: 'b', basis: 'winner' });
    expect(withBest.singleAnswer).toEqual({ memberId: 'a', ms: 400, tokens: 100 });
    expect(withBest.bestAnswer).toEqual({ memberId: 'b', ms: 900, tokens: 150, basis: 'winner' });
    expect(withBest.overheadVsBest?.time).toBeCloseTo(1700 / 900);
    expect(withBest.overheadVsBest?.tokens).toBeCloseTo(890 / 150);
  });

  it('has no best-answer overhead when the best member has no successful answer', () => {
    const failedBest = computeRunCost(calls, 0, 1700, { memberId: 'c', basis: 'aggregator' });
    expect(failedBest.bestAnswer).toBeNull();
    expect(failedBest.overheadVsBest).toEqual({ time: null, tokens: null });
    expect(computeRunCost(calls, 0, 1700).bestAnswer).toBeNull();
  });

  it('names the slowest member among those that answered, by their own answering time, and says how long the run waited on members that gave none', () => {
    // A vote's two stages: swift answers in 0.4 s, then waits for the stage the failed member held
    // for 30 s, then answers again in 0.7 s. The newcomer's panel called swift slowest at 30.3 s.
    const staged = computeRunCost(
      [
        call('swift', 'member', 0, 400, usage(10, 10)),
        call('tiny', 'member', 0, 200, usage(10, 10)),
        call('server', 'member', 0, 30_000, null),
        call('swift', 'member', 30_000, 30_700, usage(10, 10)),
        call('tiny', 'member', 30_000, 30_300, usage(10, 10)),
      ],
      0,
      30_800,
    );
    expect(staged.slowestMember).toEqual({ memberId: 'swift', ms: 1100 });
    expect(staged.failedWaitMs).toBe(30_000);
    expect(failedWaitNote(staged, seconds)).toBe(
      'Wall time and the time ratios include 30.0 s spent waiting on members that gave no answer (failed or stopped).',
    );
    const answered = computeRunCost([call('a', 'member', 0, 400, usage(1, 1))], 0, 400);
    expect(failedWaitNote(answered, seconds)).toBeNull();
    // c failed in 0.3 s while a and b answered in 0.4 and 0.9 s: the run did not wait on it.
    expect(failedWaitNote(cost, seconds)).toBeNull();
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

  it('takes the vote winner as the best answer, even when another model was faster', async () => {
    let clock = 0;
    const member = (id: string, ms: number, answer: string) =>
      new ScriptedClient({
        id,
        script: () => {
          clock += ms;
          return { text: `Answer: ${answer}`, usage: { promptTokens: 10, completionTokens: 10 } };
        },
      });
    // b and c agree on 7; a alone (and fastest) says 8.
    const pool = [member('a', 50, '8'), member('b', 200, '7'), member('c', 300, '7')];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 3 + 4?',
      pool,
      now: () => clock,
      options: { samples: 1 },
      accuracy: { b: 0.9, c: 0.1 },
      schedule: [['a'], ['b'], ['c']],
    });
    expect(result.finalAnswer).toBe('Answer: 7');
    expect(result.cost.singleAnswer?.memberId).toBe('a');
    expect(result.cost.bestAnswer).toMatchObject({ memberId: 'b', ms: 200, basis: 'winner' });
    expect(result.cost.overheadVsBest?.time).toBeCloseTo(550 / 200);
  });
});
