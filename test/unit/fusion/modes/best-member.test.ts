// Which member gave a run's best answer, per mode, for the overhead-versus-best figure.
import { describe, expect, it } from 'vitest';
import {
  BEST_BASIS_LABELS,
  bestBasisOf,
  bestMemberOf,
} from '../../../../src/fusion/modes/best-member.js';
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

describe('bestMemberOf when no two answers agreed', () => {
  it('says a tie-break picked the answer, not that it won', async () => {
    const pool = [
      new ScriptedClient({ id: 'a', script: ['Answer: 391'] }),
      new ScriptedClient({ id: 'b', script: ['Answer: 381'] }),
    ];
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 17 * 23?',
      pool,
      options: { samples: 1 },
    });
    expect(bestMemberOf(result.trace)?.basis).toBe('tie-break');
    expect(BEST_BASIS_LABELS['tie-break']).toMatch(/picked by the tie-break/);
    expect(BEST_BASIS_LABELS['tie-break']).not.toMatch(/won/);
  });

  it('says free text closest to the others was chosen, and keeps "won" when two agreed', async () => {
    const free = await runFusion({
      mode: 'vote',
      prompt: 'Tell me a city.',
      pool: [
        new ScriptedClient({ id: 'a', script: ['Paris is lovely.'] }),
        new ScriptedClient({ id: 'b', script: ['Lyon has food.'] }),
      ],
      options: { samples: 1 },
    });
    expect(bestMemberOf(free.trace)?.basis).toBe('closest');
    const agreed = await runFusion({
      mode: 'vote',
      prompt: 'What is 17 * 23?',
      pool: [
        new ScriptedClient({ id: 'a', script: ['Answer: 391'] }),
        new ScriptedClient({ id: 'b', script: ['Answer: 391'] }),
        new ScriptedClient({ id: 'c', script: ['Answer: 381'] }),
      ],
      options: { samples: 1 },
    });
    expect(bestMemberOf(agreed.trace)?.basis).toBe('winner');
  });
});

describe('bestBasisOf', () => {
  it("re-reads a stored run's basis from its trace, so runs stored before the tie-break wording say it too", async () => {
    const result = await runFusion({
      mode: 'vote',
      prompt: 'What is 17 * 23?',
      pool: [
        new ScriptedClient({ id: 'a', script: ['Answer: 391'] }),
        new ScriptedClient({ id: 'b', script: ['Answer: 381'] }),
      ],
      options: { samples: 1 },
    });
    const stored = { memberId: result.cost.bestAnswer!.memberId, basis: 'winner' as const };
    expect(bestBasisOf(stored, result.trace)).toBe('tie-break');
    expect(bestBasisOf({ memberId: 'elsewhere', basis: 'winner' }, result.trace)).toBe('winner');
  });
});
