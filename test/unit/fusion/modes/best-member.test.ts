// Which member gave a run's best answer, per mode, for the overhead-versus-best figure.
import { describe, expect, it } from 'vitest';
import { bestMemberOf } from '../../../../src/fusion/modes/best-member.js';
import { runFusion } from '../../../../src/fusion/run-fusion.js';
import { ScriptedClient } from '../scripted-client.js';

const ANALYSIS = '{"consensus": [], "contradictions": ["x"], "unique": [], "blindSpots": []}';

describe('bestMemberOf', () => {
  it('takes the top of the best-of ranking', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 391'] }),
      new ScriptedClient({ id: 'b', script: ['Answer: 381'] }),
    ];
    // The judge always prefers the second response shown, so no win holds in both orders but one.
    const judge = new ScriptedClient({
      id: 'judge',
      script: (params) => ({
        text: /Response A[\s\S]*381[\s\S]*Response B/.test(params.messages.at(-1)?.content ?? '')
          ? '{"winner":"B","reason":"r"}'
          : '{"winner":"A","reason":"r"}',
      }),
    });
    const result = await runFusion({ mode: 'best-of', prompt: 'What is 17 * 23?', pool, judge });
    expect(result.trace.mode).toBe('best-of');
    if (result.trace.mode !== 'best-of') return;
    expect(bestMemberOf(result.trace)).toEqual({
      memberId: result.trace.ranking[0]?.memberId,
      basis: 'winner',
    });
  });

  it("names merge's aggregator when it is a pool member, since its synthesis is nobody's answer", async () => {
    const pool = [
      new ScriptedClient({ id: 'small', paramsB: 0.5, script: ['Paris.'] }),
      new ScriptedClient({ id: 'big', paramsB: 3, script: ['Lyon.', ANALYSIS, 'Merged.'] }),
    ];
    const result = await runFusion({ mode: 'merge', prompt: 'Tell me a city.', pool });
    expect(result.finalAnswer).toBe('Merged.');
    expect(bestMemberOf(result.trace)).toEqual({ memberId: 'big', basis: 'aggregator' });
    expect(result.cost.bestAnswer).toMatchObject({ memberId: 'big', basis: 'aggregator' });
  });

  it('falls back to the agreement leader when the aggregator is outside the pool', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', paramsB: 0.5, script: ['Paris.'] }),
      new ScriptedClient({ id: 'b', paramsB: 1, script: ['Lyon.'] }),
    ];
    const judge = new ScriptedClient({ id: 'judge', paramsB: 3, script: [ANALYSIS, 'Merged.'] });
    const result = await runFusion({ mode: 'merge', prompt: 'Tell me a city.', pool, judge });
    expect(result.trace.mode === 'merge' && result.trace.aggregatorId).toBe('judge');
    const best = bestMemberOf(result.trace);
    expect(best?.basis).toBe('agreement');
    expect(['a', 'b']).toContain(best?.memberId);
  });

  it('takes the agreed answer when merge skipped synthesis', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 391'] }),
      new ScriptedClient({ id: 'b', script: ['So 391.\nAnswer: 391'] }),
    ];
    const result = await runFusion({ mode: 'merge', prompt: 'What is 17 * 23?', pool });
    expect(bestMemberOf(result.trace)?.basis).toBe('winner');
  });
});
