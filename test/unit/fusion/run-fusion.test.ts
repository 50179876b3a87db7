// runFusion, the one entry point: failures, timeouts, stop, history and stages across every mode.
import { describe, expect, it } from 'vitest';
import type { FusionEvent } from '../../../src/fusion/core/events.js';
import { runFusion } from '../../../src/fusion/run-fusion.js';
import type { VoteTrace } from '../../../src/fusion/modes/trace.js';
import { ScriptedClient } from './scripted-client.js';

describe('runFusion', () => {
  it('finishes with the other models when one dies, recording its error', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 4', 'Answer: 4', 'Answer: 5'] }),
      new ScriptedClient({
        id: 'b', // Streams half its text, then dies.
        script: [{ text: 'Answer: ', fail: 'device-lost' }],
      }),
      new ScriptedClient({ id: 'c', script: ['Answer: 3', 'Answer: 4', 'Answer: 4'] }),
    ];
    const events: FusionEvent[] = [];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 2 + 2?',
      pool,
      onEvent: (e) => events.push(e),
    });
    expect(result.status).toBe('done');
    expect(pool[1]?.calls).toHaveLength(1);
    const failed = result.answers.filter((a) => a.error);
    expect(failed).toEqual([
      expect.objectContaining({
        memberId: 'b',
        text: 'Answ',
        error: expect.objectContaining({ kind: 'device-lost' }),
      }),
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'member-failed', memberId: 'b' }),
    );
    expect((result.trace as VoteTrace).decision?.winnerAnswer).toBe('4');
    // What it streamed before dying is in the cost, estimated: not 0 beside a column that shows text.
    expect(result.cost.perModel.find((m) => m.memberId === 'b')).toMatchObject({
      completionTokens: 1,
      estimated: true,
    });
  });

  it('drops a member that exceeds the per-member timeout, even if it ignores the abort', async () => {
    const pool = [
      new ScriptedClient({ id: 'fast', script: ['Answer: 4'] }),
      new ScriptedClient({ id: 'stuck', script: [{ hang: true, ignoreAbort: true }] }),
    ];
    const result = await runFusion({
      mode: 'best-of',
      prompt: 'What is 2 + 2?',
      pool,
      options: { timeoutMs: 30 },
    });
    expect(result.status).toBe('done');
    expect(result.answers.find((a) => a.memberId === 'stuck')?.error?.kind).toBe('timeout');
    expect(result.finalAnswer).toBe('Answer: 4');
  });

  it('reports failure when every model fails', async () => {
    const pool = [new ScriptedClient({ id: 'a', script: [{ fail: 'out-of-memory' }] })];
    const result = await runFusion({ mode: 'merge', prompt: 'Hi', pool });
    expect(result.status).toBe('failed');
    expect(result.error?.kind).toBe('out-of-memory');
    expect(result.finalAnswer).toBeNull();
  });

  it('stops the whole run on stop and keeps what was produced', async () => {
    const controller = new AbortController();
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 1'] }),
      new ScriptedClient({ id: 'b', script: ['Answer: 2'] }),
      new ScriptedClient({ id: 'slow', script: [{ text: 'Answer: 3', hang: true }] }),
    ];
    let done = 0;
    const result = await runFusion({
      mode: 'debate',
      prompt: 'Pick a number: 1 + 1?',
      pool,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'member-done' && ++done === 2) controller.abort();
      },
    });
    expect(result.status).toBe('stopped');
    expect(result.finalAnswer).toBeNull();
    expect(result.answers.filter((a) => a.usage).map((a) => a.text)).toEqual([
      'Answer: 1',
      'Answer: 2',
    ]);
    expect(result.answers.find((a) => a.memberId === 'slow')?.error?.kind).toBe('aborted');
    expect(pool.map((c) => c.calls.length)).toEqual([1, 1, 1]);
    expect(result.trace.notes.join(' ')).toMatch(/Stopped by the visitor/);
  });

  it('prepends the conversation history for every model', async () => {
    const history = [
      { role: 'user' as const, content: 'What is 2 + 2?' },
      { role: 'assistant' as const, content: 'Answer: 4 (fused)' },
    ];
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 8'] }),
      new ScriptedClient({ id: 'b', script: ['Answer: 8'] }),
    ];
    const judge = new ScriptedClient({ id: 'j', script: ['{"winner":"tie","reason":""}'] });
    await runFusion({ mode: 'best-of', prompt: 'And doubled?', history, pool, judge });
    for (const client of [...pool, judge]) {
      for (const params of client.calls) {
        expect(params.messages.slice(0, 2)).toEqual(history);
        expect(params.messages[2]?.role).toBe('user');
      }
    }
  });

  it('runs the schedule stage by stage, members of a stage together', async () => {
    const log: string[] = [];
    const member = (id: string) =>
      new ScriptedClient({
        id,
        script: () => {
          log.push(`start ${id}`);
          return { text: 'Answer: 1', delayMs: 10 };
        },
      });
    const pool = [member('a'), member('b'), member('c')];
    const events: FusionEvent[] = [];
    await runFusion({
      mode: 'best-of',
      prompt: 'What is 0 + 1?',
      pool,
      judge: new ScriptedClient({ id: 'j', script: ['{"winner":"tie"}'] }),
      schedule: [['a', 'c'], ['b']],
      onEvent: (e) => events.push(e),
    });
    const order = events
      .filter((e) => e.type === 'member-start' || e.type === 'member-done')
      .map((e) => `${e.type} ${'memberId' in e ? e.memberId : ''}`);
    expect(order.slice(0, 2).sort()).toEqual(['member-start a', 'member-start c']);
    expect(order.indexOf('member-start b')).toBeGreaterThan(order.indexOf('member-done a'));
    expect(order.indexOf('member-start b')).toBeGreaterThan(order.indexOf('member-done c'));
  });

  it('streams deltas tagged by member and sample', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 12'] }),
      new ScriptedClient({ id: 'b', script: ['Answer: 13'] }),
    ];
    const events: FusionEvent[] = [];
    await runFusion({
      mode: 'vote',
      prompt: 'What is 6 + 6?',
      pool,
      options: { samples: 2 },
      onEvent: (e) => events.push(e),
    });
    const deltas = events.filter(
      (e) => e.type === 'member-delta' && e.memberId === 'a' && e.tag === 'sample 2',
    );
    expect(deltas.map((e) => (e.type === 'member-delta' ? e.text : '')).join('')).toBe(
      'Answer: 12',
    );
    expect(
      events.filter((e) => e.type === 'phase').map((e) => (e.type === 'phase' ? e.phase : '')),
    ).toEqual(['sampling', 'sampling', 'voting', 'done']);
  });

  it('records a client that throws before streaming as a failed member', async () => {
    const broken = new ScriptedClient({ id: 'broken', script: ['x'] });
    broken.stream = () => {
      throw new Error('GPUDeviceLostInfo: device was lost');
    };
    const pool = [broken, new ScriptedClient({ id: 'ok', script: ['Answer: 2'] })];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 1 + 1?',
      pool,
      options: { samples: 1 },
    });
    expect(result.status).toBe('done');
    expect(result.answers.find((a) => a.memberId === 'broken')?.error?.kind).toBe('device-lost');
    expect(result.finalAnswer).toBe('Answer: 2');
  });

  it('passes only the answer downstream, keeps the reasoning beside it and counts its tokens', async () => {
    const thinker = (id: string) =>
      new ScriptedClient({
        id,
        script: [
          {
            text: '<think>\nIs it 12? Answer: 12\n</think>\n\n17*23 = 391\nAnswer: 391<|im_end|>',
            usage: { completionTokens: 120 },
          },
        ],
      });
    const events: FusionEvent[] = [];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 17 * 23?',
      pool: [thinker('a'), thinker('b')],
      onEvent: (e) => events.push(e),
    });
    expect(result.answers[0]).toMatchObject({
      text: '17*23 = 391\nAnswer: 391',
      reasoning: 'Is it 12? Answer: 12',
    });
    expect(result.finalAnswer).toBe('17*23 = 391\nAnswer: 391');
    expect((result.trace as VoteTrace).decision?.winnerAnswer).toBe('391');
    expect(result.cost.completionTokens).toBe(240);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'member-done',
        memberId: 'a',
        text: '17*23 = 391\nAnswer: 391',
        reasoning: 'Is it 12? Answer: 12',
      }),
    );
  });

  it('keeps the reasoning of a member cut off while thinking, with an empty answer', async () => {
    const pool = [
      new ScriptedClient({
        id: 'a',
        script: [{ text: '<think>\nHmm, 17 times', fail: 'device-lost' }],
      }),
      new ScriptedClient({ id: 'b', script: ['Answer: 391'] }),
    ];
    const result = await runFusion({ mode: 'vote', prompt: 'What is 17 * 23?', pool });
    expect(result.answers.find((a) => a.memberId === 'a')).toMatchObject({
      text: '',
      reasoning: 'Hmm',
    });
  });

  it('asks each member with its thinking choice and judges with thinking off unless chosen', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', paramsB: 1, script: ['a\nAnswer: 1'] }),
      new ScriptedClient({ id: 'b', paramsB: 2, script: ['b\nAnswer: 2'] }),
      new ScriptedClient({ id: 'c', paramsB: 3, script: ['c\nAnswer: 3'] }),
    ];
    const judge = new ScriptedClient({ id: 'j', paramsB: 9, script: ['{"winner": "A"}'] });
    await runFusion({
      mode: 'best-of',
      prompt: 'What is 1 + 1?',
      pool,
      judge,
      options: { thinking: { a: true, b: false } },
    });
    expect(pool.map((client) => client.calls[0]?.thinking)).toEqual([true, false, undefined]);
    expect(judge.calls.every((params) => params.thinking === false)).toBe(true);
    const chosen = new ScriptedClient({ id: 'j', paramsB: 9, script: ['{"winner": "A"}'] });
    await runFusion({
      mode: 'best-of',
      prompt: 'What is 1 + 1?',
      pool,
      judge: chosen,
      options: { judgeThinking: true },
    });
    expect(chosen.calls.every((params) => params.thinking === true)).toBe(true);
  });

  it.each(['vote', 'best-of', 'merge', 'debate'] as const)(
    '%s: the trace says how many of the pool answered when one fails',
    async (mode) => {
      const pool = [
        new ScriptedClient({ id: 'a', label: 'A', paramsB: 1, script: ['x\nAnswer: 4'] }),
        new ScriptedClient({
          id: 'b',
          label: 'B',
          script: [{ text: 'Answer: ', fail: 'device-lost' }],
        }),
        new ScriptedClient({ id: 'c', label: 'C', paramsB: 3, script: ['{"winner": "A"}'] }),
      ];
      const result = await runFusion({ mode, prompt: 'What is 2 + 2?', pool });
      expect(result.trace.notes[0]).toBe('2 of 3 models answered; B failed: it lost the GPU.');
    },
  );
});
