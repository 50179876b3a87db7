// Debate: rounds of agents reading each other's answers, round 0 kept beside the final vote.
import { describe, expect, it } from 'vitest';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import { ScriptedClient } from '../scripted-client.js';
import { traceOf } from '../trace-of.js';

describe('debate mode', () => {
  it('makes N × (R + 1) calls and records round 0 beside the final answer', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 391'] }),
      new ScriptedClient({
        id: 'b',
        script: ['Answer: 381', 'I made an error in 17*3.\nAnswer: 391'],
      }),
      new ScriptedClient({ id: 'c', script: ['Answer: 381'] }),
    ];
    const result = await runFusion({ mode: 'debate', prompt: 'What is 17 * 23?', pool });
    const trace = traceOf(result, 'debate');
    expect(pool.reduce((n, c) => n + c.calls.length, 0)).toBe(3 * (2 + 1));
    expect(trace.rounds.map((r) => r.round)).toEqual([0, 1, 2]);
    expect(trace.rounds[0]?.entries.map((e) => e.answer.normalized)).toEqual(['391', '381', '381']);
    expect(trace.rounds[1]?.entries.map((e) => e.changed)).toEqual([false, true, false]);
    expect(trace.rounds[2]?.entries.map((e) => e.changed)).toEqual([false, false, false]);
    expect(trace.round0Vote?.winnerAnswer).toBe('381');
    expect(trace.finalVote?.winnerAnswer).toBe('391');
    expect(trace.changedByDebate).toBe(true);
    expect(result.finalAnswer).toContain('391');
  });

  it('keeps free-text answers out of its note and its reasons readable (issue 10 item 8)', async () => {
    const essay = (who: string) =>
      `${who} says a B-tree splits a full node and moves the middle key up, so all leaves stay at one depth.`;
    const pool = [
      new ScriptedClient({ id: 'a', label: 'Model A', script: [essay('A')] }),
      new ScriptedClient({ id: 'b', label: 'Model B', script: [essay('B')] }),
    ];
    const result = await runFusion({
      mode: 'debate',
      prompt: 'Explain how a B-tree stays balanced.',
      pool,
      options: { agents: 2, rounds: 1 },
    });
    const trace = traceOf(result, 'debate');
    expect(trace.notes.join(' ')).toMatch(/^Debate (changed|did not change) the voted answer \(\d/);
    expect(trace.notes.join(' ')).not.toMatch(/splits a full node/);
    expect(trace.finalVote?.reason).toMatch(/^Free-text answers: Agent \d's answer/);
  });

  it("shows each agent the others' previous answers and its own", async () => {
    const pool = ['a', 'b', 'c'].map(
      (id) => new ScriptedClient({ id, script: (_, call) => `${id} round ${call}\nAnswer: 1` }),
    );
    await runFusion({ mode: 'debate', prompt: 'What is 0 + 1?', pool, options: { rounds: 1 } });
    const revision = pool[0]?.prompts[1] ?? '';
    expect(revision).toContain('Your previous answer:\n"""\na round 0');
    expect(revision).toContain('b round 0');
    expect(revision).toContain('c round 0');
    expect(revision).toMatch(/Change your answer only if you can point to a specific error/);
  });

  it('honours the agent and round counts, reusing models when there are more agents than models', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 2'] }),
      new ScriptedClient({ id: 'b', script: ['Answer: 2'] }),
    ];
    const result = await runFusion({
      mode: 'debate',
      prompt: 'What is 1 + 1?',
      pool,
      options: { agents: 4, rounds: 1 },
    });
    const trace = traceOf(result, 'debate');
    expect(trace.agents.map((a) => a.memberId)).toEqual(['a', 'b', 'a', 'b']);
    expect(pool.map((c) => c.calls.length)).toEqual([4, 4]);
    expect(trace.changedByDebate).toBe(false);
  });

  it("shares the agents' answers without their reasoning", async () => {
    const pool = ['a', 'b'].map(
      (id) =>
        new ScriptedClient({
          id,
          script: (_, call) => `<think>SECRET-${id}-${call}</think>${id} round ${call}\nAnswer: 1`,
        }),
    );
    const result = await runFusion({
      mode: 'debate',
      prompt: 'What is 0 + 1?',
      pool,
      options: { rounds: 1, agents: 2 },
    });
    const revision = pool[0]?.prompts[1] ?? '';
    expect(revision).toContain('b round 0');
    expect(revision).not.toMatch(/SECRET|<think>/);
    expect(traceOf(result, 'debate').rounds[0]?.entries[0]?.text).toBe('a round 0\nAnswer: 1');
  });
});
