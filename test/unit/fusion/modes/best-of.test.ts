// Best-of: pairwise judging in both orders, anonymised candidates, no self-judging while another judge exists.
import { describe, expect, it } from 'vitest';
import type { GenerateParams } from '../../../../src/models/model-client.js';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import { ScriptedClient } from '../scripted-client.js';
import { traceOf } from '../trace-of.js';

const member = (id: string, value: string, paramsB: number | null = null) =>
  new ScriptedClient({ id, paramsB, script: [`${id} works it out.\nAnswer: ${value}`] });

const positionOf = (params: GenerateParams, needle: string): 'A' | 'B' | null => {
  const prompt = params.messages[params.messages.length - 1]?.content ?? '';
  const a = /Response A:\n"""\n([\s\S]*?)\n"""/.exec(prompt)?.[1] ?? '';
  const b = /Response B:\n"""\n([\s\S]*?)\n"""/.exec(prompt)?.[1] ?? '';
  return a.includes(needle) ? 'A' : b.includes(needle) ? 'B' : null;
};

/** A fair judge: prefers the response ending in 391, whatever its position. */
const fairJudge = (id: string, paramsB: number | null = null, supportsJson = false) =>
  new ScriptedClient({
    id,
    paramsB,
    supportsJson,
    script: (params) => {
      const winner = positionOf(params, 'Answer: 391') ?? 'tie';
      return `{"winner": "${winner}", "reason": "391 is right"}`;
    },
  });

const prompt = 'What is 17 * 23?';

describe('best-of mode', () => {
  it('ranks the answer that wins in both orders first', async () => {
    const pool = [member('a', '381'), member('b', '391'), member('c', '401')];
    const judge = fairJudge('judge', 8, true);
    const result = await runFusion({ mode: 'best-of', prompt, pool, judge });
    const trace = traceOf(result, 'best-of');
    expect(result.finalAnswer).toContain('Answer: 391');
    expect(trace.ranking[0]?.memberId).toBe('b');
    expect(trace.ranking[0]).toMatchObject({ wins: 2, losses: 0 });
    expect(judge.calls).toHaveLength(6);
    expect(trace.pairs.every((p) => p.orders.length === 2)).toBe(true);
    expect(trace.pairs.every((p) => p.orders[0]?.first === p.orders[1]?.second)).toBe(true);
  });

  it('says the winner’s record in words: "1 win, 0 losses, 0 ties" (issue 10 item 11)', async () => {
    const pool = [member('a', '381'), member('b', '391')];
    const result = await runFusion({ mode: 'best-of', prompt, pool, judge: fairJudge('judge') });
    expect(traceOf(result, 'best-of').notes).toContainEqual(
      expect.stringMatching(/ranked first: 1 win, 0 losses, 0 ties\.$/),
    );
  });

  it('counts a verdict that follows the position as a tie, not a win', async () => {
    const pool = [member('a', '381'), member('b', '391'), member('c', '401')];
    const judge = new ScriptedClient({
      id: 'judge',
      script: ['{"winner": "A", "reason": "first is best"}'],
    });
    const result = await runFusion({ mode: 'best-of', prompt, pool, judge });
    const trace = traceOf(result, 'best-of');
    expect(trace.pairs.map((p) => p.outcome)).toEqual(['tie', 'tie', 'tie']);
    expect(trace.ranking.every((r) => r.wins === 0 && r.losses === 0 && r.ties === 2)).toBe(true);
    expect(trace.pairs[0]?.note).toMatch(/position bias/);
  });

  it('anonymises and shuffles candidates reproducibly', async () => {
    const run = async (seed: number) => {
      const pool = [member('a', '1'), member('b', '2'), member('c', '3'), member('d', '4')];
      const result = await runFusion({
        mode: 'best-of',
        prompt,
        pool,
        judge: fairJudge('j'),
        options: { seed },
      });
      return traceOf(result, 'best-of').candidates;
    };
    const first = await run(7);
    expect(first.map((c) => c.label)).toEqual([
      'Response 1',
      'Response 2',
      'Response 3',
      'Response 4',
    ]);
    expect((await run(7)).map((c) => c.memberId)).toEqual(first.map((c) => c.memberId));
    const orders = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) orders.add((await run(seed)).map((c) => c.memberId).join());
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never lets a model judge its own answer when another model can', async () => {
    const pool = [
      fairJudgeMember('a', '381', 1),
      fairJudgeMember('b', '391', 2),
      fairJudgeMember('c', '401', 3),
    ];
    const result = await runFusion({ mode: 'best-of', prompt, pool });
    const trace = traceOf(result, 'best-of');
    const authors = (label: string) => trace.candidates.find((c) => c.label === label)?.memberId;
    for (const pair of trace.pairs) {
      const judgeIds = pair.orders.map((o) => o.judgeId);
      expect(judgeIds).not.toContain(authors(pair.a));
      expect(judgeIds).not.toContain(authors(pair.b));
      // The chosen judge (c, the largest) judges unless it wrote one of the two answers; then b does.
      const expected = [authors(pair.a), authors(pair.b)].includes('c')
        ? [authors(pair.a), authors(pair.b)].includes('b')
          ? 'a'
          : 'b'
        : 'c';
      expect(judgeIds).toEqual([expected, expected]);
      expect(pair.selfJudged).toBe(false);
    }
    expect(result.finalAnswer).toContain('391');
  });

  it('lets a model judge its own answer only when no other model is available, and says so', async () => {
    const pool = [fairJudgeMember('a', '381', 1), fairJudgeMember('b', '391', 2)];
    const result = await runFusion({ mode: 'best-of', prompt, pool });
    const pair = traceOf(result, 'best-of').pairs[0];
    expect(pair?.selfJudged).toBe(true);
    expect(pair?.orders.map((o) => o.judgeId)).toEqual(['b', 'b']);
    expect(pair?.note).toMatch(/its own answer/);
  });

  it('requests JSON when the judge supports it and always asks for it in the prompt', async () => {
    const pool = [member('a', '381'), member('b', '391')];
    const jsonJudge = fairJudge('j1', null, true);
    await runFusion({ mode: 'best-of', prompt, pool, judge: jsonJudge });
    expect(jsonJudge.calls.every((p) => p.json?.schema?.includes('winner'))).toBe(true);
    const plainJudge = fairJudge('j2');
    await runFusion({ mode: 'best-of', prompt, pool, judge: plainJudge });
    expect(plainJudge.calls.every((p) => p.json === undefined)).toBe(true);
    expect(plainJudge.prompts.every((p) => p.includes('"winner": "A"|"B"|"tie"'))).toBe(true);
    expect(plainJudge.prompts[0]).toMatch(/solve the problem yourself/);
    // Math: the judge solves first, inside the JSON when output is constrained.
    expect(jsonJudge.calls[0]?.json?.schema).toContain('solution');
    const textJudge = fairJudge('j3', null, true);
    await runFusion({ mode: 'best-of', prompt: 'Write a haiku.', pool, judge: textJudge });
    expect(textJudge.calls[0]?.json?.schema).not.toContain('solution');
    expect(textJudge.prompts[0]).not.toMatch(/solve the problem yourself/);
  });

  it('shows unparseable judge output as no verdict and falls back to the vote when nothing parsed', async () => {
    const pool = [member('a', '391'), member('b', '391'), member('c', '5')];
    const judge = new ScriptedClient({ id: 'judge', script: ['I cannot decide, sorry.'] });
    const result = await runFusion({ mode: 'best-of', prompt, pool, judge });
    const trace = traceOf(result, 'best-of');
    expect(trace.pairs.every((p) => p.outcome === 'no-verdict')).toBe(true);
    expect(trace.pairs[0]?.orders[0]?.raw).toBe('I cannot decide, sorry.');
    expect(trace.fallback?.vote.winnerAnswer).toBe('391');
    expect(result.status).toBe('done');
  });

  it('replaces a judge that dies with a pool model that wrote neither answer, and says which', async () => {
    const pool = [
      fairJudgeMember('a', '391', 1),
      fairJudgeMember('b', '7', 2),
      fairJudgeMember('c', '391', 3),
    ];
    const judge = new ScriptedClient({
      id: 'judge',
      script: [{ text: '{"winner"', fail: 'device-lost' }],
    });
    const result = await runFusion({ mode: 'best-of', prompt, pool, judge });
    const trace = traceOf(result, 'best-of');
    expect(result.status).toBe('done');
    expect(judge.calls).toHaveLength(1);
    expect(trace.fallback).toBeNull();
    expect(trace.notes.join(' ')).toMatch(
      /judge failed as judge \(it lost the GPU\)\. \w judges instead\./,
    );
    expect(trace.pairs.every((p) => p.orders.every((o) => o.judgeId !== 'judge'))).toBe(true);
    expect(result.finalAnswer).toContain('Answer: 391');
  });

  it('replaces a judge that stops producing text, without waiting for the inactivity limit', async () => {
    const pool = [
      fairJudgeMember('a', '391', 1),
      fairJudgeMember('b', '7', 2),
      fairJudgeMember('c', '391', 3),
    ];
    const judge = new ScriptedClient({ id: 'judge', paramsB: 9, script: [{ hang: true }] });
    const result = await runFusion({
      mode: 'best-of',
      prompt,
      pool,
      judge,
      options: { judgeStallMs: 30, timeoutMs: 600_000 },
    });
    const trace = traceOf(result, 'best-of');
    expect(trace.notes.join(' ')).toMatch(
      /judge failed as judge \(it stopped responding: no text for 0\.03 s\)/,
    );
    expect(trace.ranking[0]?.memberId).not.toBe('b');
    expect(result.finalAnswer).toContain('Answer: 391');
  });

  it('falls back to the vote over the candidates when no other judge is left', async () => {
    const pool = [member('a', '391'), member('b', '7')];
    const judge = new ScriptedClient({
      id: 'judge',
      script: [{ text: '{"winner"', fail: 'device-lost' }],
    });
    const result = await runFusion({ mode: 'best-of', prompt, pool, judge });
    const trace = traceOf(result, 'best-of');
    expect(result.status).toBe('done');
    expect(trace.fallback?.reason).toMatch(/judge judge failed: it lost the GPU/);
    expect(trace.notes.join(' ')).toMatch(/Falling back to the vote/);
    expect(trace.candidates).toHaveLength(2);
  });

  it('shows the judge answers without reasoning and reads the verdict after its reasoning', async () => {
    const thinker = (id: string, value: string) =>
      new ScriptedClient({
        id,
        script: [
          `<think>\nSECRET-${id}: maybe ${value}?\n</think>\n${id} works it out.\nAnswer: ${value}`,
        ],
      });
    const pool = [thinker('a', '381'), thinker('b', '391')];
    const judge = new ScriptedClient({
      id: 'judge',
      paramsB: 8,
      script: (params) => {
        const right = positionOf(params, 'Answer: 391') ?? 'tie';
        const wrong = right === 'A' ? 'B' : 'A';
        return `<think>\nThe reply must look like {"winner": "${wrong}", "reason": "..."}.\n</think>\n{"winner": "${right}", "reason": "391 is right"}`;
      },
    });
    const result = await runFusion({ mode: 'best-of', prompt, pool, judge });
    const trace = traceOf(result, 'best-of');
    expect(judge.prompts.join('\n')).not.toMatch(/SECRET|<think>/);
    expect(trace.ranking[0]?.memberId).toBe('b');
    expect(trace.pairs[0]?.orders[0]?.raw).toMatch(/^\{"winner"/);
    expect(trace.pairs[0]?.orders[0]?.reasoning).toMatch(/The reply must look like/);
    expect(result.finalAnswer).toBe('b works it out.\nAnswer: 391');
  });
});

/** A pool member that answers once, then judges fairly. */
function fairJudgeMember(id: string, value: string, paramsB: number) {
  return new ScriptedClient({
    id,
    paramsB,
    script: (params, call) =>
      call === 0
        ? `${id} works it out.\nAnswer: ${value}`
        : `{"winner": "${positionOf(params, 'Answer: 391') ?? 'tie'}", "reason": "r"}`,
  });
}
